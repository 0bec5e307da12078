import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineEvent } from '../../events/define-event.ts';
import { MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { allEvents } from '../../events/index.ts';
import * as z from '../../shared/zod.ts';
import { checkSnapshot, schemaFile, type SnapshotCheck, writeEventSchemas } from '../../scripts/write-event-schemas.ts';

/** What to do about a snapshot that is not current: regenerate it, or bump the version. */
const advice = (check: SnapshotCheck) =>
  ({
    current: '',
    missing: `${path.basename(check.file)} is missing: run npm run events:schemas`,
    additive: `the change is additive: run npm run events:schemas and commit ${path.basename(check.file)}`,
    breaking: `breaking change, bump the version (a new contract version gets its own snapshot):\n  ${check.breaking.join('\n  ')}`,
  })[check.status];

describe('event schema snapshots (events/schemas)', () => {
  it.each(allEvents.map((contract) => [`${contract.detailType}.v${contract.version}`, contract] as const))(
    '%s equals the schema generated from its contract',
    (_, contract) => {
      const check = checkSnapshot(contract);
      expect(check.status, advice(check)).toBe('current');
    },
  );

  describe('when a field is removed from an event (MemberActivated without enrolmentId)', () => {
    const removed = defineEvent({ ...MemberActivated, data: z.omit(MemberActivated.data, { enrolmentId: true }) });

    it('fails the snapshot check as a breaking change', () => {
      const check = checkSnapshot(removed);

      expect(check.status).toBe('breaking');
      expect(check.breaking).toEqual(['MemberActivated.v1 data.enrolmentId: removed']);
    });

    it('leaves the snapshot as it was when asked to write it', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'event-schemas-'));
      const committed = readFileSync(schemaFile(MemberActivated), 'utf8');
      writeFileSync(schemaFile(removed, dir), committed);

      const result = writeEventSchemas([removed], dir);

      expect(result).toEqual({ written: [], breaking: ['MemberActivated.v1 data.enrolmentId: removed'] });
      expect(readFileSync(schemaFile(removed, dir), 'utf8')).toBe(committed);
    });
  });

  it('calls a new optional field additive', () => {
    const added = defineEvent({
      ...MemberActivated,
      data: z.extend(MemberActivated.data, { note: z.optional(z.string()) }),
    });

    expect(checkSnapshot(added)).toMatchObject({ status: 'additive', breaking: [] });
  });
});
