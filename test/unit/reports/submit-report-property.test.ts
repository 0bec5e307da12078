import fc from 'fast-check';
import { launchedPlpRecord } from '../../support/plp-record.ts';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { buildDetail, type EventPublisher } from '../../../events/define-event.ts';
import type { Plp } from '../../../shared/directory/model.ts';
import { hashSecret } from '../../../shared/enrolment/codes.ts';
import { errorToProblem } from '../../../shared/http/problem.ts';
import { SubmitReportInput } from '../../../shared/reports/model.ts';
import { submitReport } from '../../../shared/reports/submit-report.ts';
import * as z from '../../../shared/zod.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';
import { fakeReportStore } from '../../support/fakes/report-store.ts';

const PEPPER = 'property-pepper';
const NOW = new Date('2026-11-29T17:00:00.000Z');
const HOUR_MS = 3_600_000;

/** Each field valid, nearly valid or anything; markers become the member's PLPs at run time. */
const field = {
  plpId: fc.oneof(fc.constantFrom('MINE', 'OTHER'), fc.string({ maxLength: 80 }), fc.integer()),
  category: fc.oneof(fc.constantFrom('burglary', 'other', 'fire_or_co'), fc.string({ maxLength: 30 })),
  description: fc.oneof(fc.constant('A van'), fc.string({ maxLength: 2100 }), fc.constant(null)),
  observedAt: fc.oneof(
    fc.integer({ min: -40 * 24, max: 2 }).map((h) => new Date(NOW.getTime() + h * HOUR_MS).toISOString()),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string({ maxLength: 40 }),
    fc.constant('2026-11-29T16:00:00+01:00'),
  ),
  location: fc.oneof(
    fc.constant({ street: 'Rue Haute', number: '1', postcode: '1082' }),
    fc.record({ street: fc.string({ maxLength: 130 }), number: fc.string({ maxLength: 12 }), postcode: fc.string() }),
    fc.anything(),
  ),
  extra: fc.anything(),
};

const valid = {
  plpId: 'MINE',
  category: 'burglary',
  description: 'A van',
  observedAt: new Date(NOW.getTime() - HOUR_MS).toISOString(),
  location: { street: 'Rue Haute', number: '1', postcode: '1082' },
};
/** Anything, or a valid body with at most one field changed (so that both outcomes come up often). */
const bodies = fc.oneof(
  fc.record(field, { requiredKeys: [] }),
  fc
    .constantFrom(...(Object.keys(field) as (keyof typeof field)[]))
    .chain((key) => fc.option(field[key]).map((value) => (value === null ? valid : { ...valid, [key]: value }))),
);

describe('POST /public/me/reports with arbitrary bodies (property, on the use case and its schema)', () => {
  it('never fails with a 5xx, and a refused body stores, publishes and sends nothing', async () => {
    const stores = fakeEnrolmentStores();
    const directory = fakeDirectoryStore();
    const plp = (nis: string): Plp =>
      launchedPlpRecord({ communeNis: nis, code: `PROP-${ulid()}`, languages: ['fr'] }, NOW);
    const [mine, second, other] = [plp('21003'), plp('21003'), plp('21004')];
    for (const p of [mine, second, other]) await directory.createPlp(p, []);
    const memberId = ulid();
    const token = 'property-token';
    await stores.members.writeMember({
      member: {
        memberId,
        name: 'Marie',
        language: 'fr',
        channels: ['sms'],
        phone: '+32470000001',
        status: 'active',
        tokenHashes: [hashSecret(token, PEPPER)],
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        version: 1,
      },
      expectedVersion: null,
      // A member of two PLPs: a body without plpId is refused too.
      putMemberships: [mine, second].map((p) => ({
        memberId,
        plpId: p.plpId,
        enrolmentId: ulid(),
        address: { street: 'Rue Haute', number: '1', postcode: '1082' },
        consent: { textVersion: '2026-11-v1', at: NOW.toISOString(), via: 'web' as const },
        joinedAt: NOW.toISOString(),
      })),
      addTokens: [hashSecret(token, PEPPER)],
    });

    const outcomes = { filed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bodies, async (draft: Record<string, unknown>) => {
        const reports = fakeReportStore();
        const sent: string[] = [];
        const events: unknown[] = [];
        const publish: EventPublisher = async (contract, data, options) => {
          events.push(buildDetail(contract, data, options));
        };
        const body: Record<string, unknown> = { ...draft };
        if (body.plpId === 'MINE') body.plpId = mine.plpId;
        if (body.plpId === 'OTHER') body.plpId = other.plpId;
        if (!('extra' in draft)) delete body.extra;
        const deps = {
          reports,
          members: stores.members,
          directory,
          publish,
          sms: { send: async (to: string) => (sent.push(to), { messageId: 'm' }) },
          email: { send: async (m: { to: string }) => (sent.push(m.to), { messageId: 'e' }) },
          pepper: async () => PEPPER,
          now: () => NOW,
        };
        try {
          await submitReport(token, z.parse(SubmitReportInput, body), deps);
          expect(reports.all()).toHaveLength(1);
          expect(events).toHaveLength(1);
          outcomes.filed++;
        } catch (error) {
          const answer = errorToProblem(error, 'fr');
          expect(answer?.statusCode, String(error)).toBeGreaterThanOrEqual(400);
          expect(answer?.statusCode).toBeLessThan(500);
          expect(reports.all()).toEqual([]);
          expect(events).toEqual([]);
          expect(sent).toEqual([]);
          outcomes.refused++;
        }
      }),
      { numRuns: 300 },
    );
    // Both sides of the property were exercised.
    expect(outcomes.filed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
