import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditChanges,
  AuditChangesError,
  type AuditEntry,
  type AuditInput,
  canonicalJson,
  GENESIS_HASH,
  hashEntry,
  nextEntry,
  verifyChain,
  verifyTrail,
} from '../../../shared/audit/model.ts';

const t0 = new Date('2026-11-30T10:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** A trail of `inputs` appended one after the other, a minute apart. */
function trail(inputs: AuditInput[], subjectId = 'report-1'): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [i, input] of inputs.entries()) entries.push(nextEntry(subjectId, entries.at(-1), input, later(i)));
  return entries;
}
const head = (entries: AuditEntry[]) => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

const five: AuditInput[] = [
  { actor: 'sub:officer-1', action: 'read' },
  { actor: 'sub:officer-1', action: 'decided', changes: { status: { from: 'new', to: 'needs_info' } } },
  { actor: 'sub:officer-1', action: 'feedback', changes: { feedbackId: 'fb-1', channels: ['sms'] } },
  { actor: 'member:m-1', action: 'information_added', changes: { informationId: 'inf-1' } },
  { actor: 'sub:coordinator-1', action: 'read' },
];

/** One field of an entry changed to another value of the same type. */
const mutations: Record<keyof AuditEntry, (e: AuditEntry) => AuditEntry> = {
  subjectId: (e) => ({ ...e, subjectId: `${e.subjectId}x` }),
  seq: (e) => ({ ...e, seq: e.seq + 100 }),
  actor: (e) => ({ ...e, actor: 'sub:someone-else' }),
  action: (e) => ({ ...e, action: e.action === 'read' ? 'decided' : 'read' }),
  at: (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1).toISOString() }),
  changes: (e) => ({
    ...e,
    changes: { ...e.changes, status: e.changes.status === 'validated' ? 'rejected' : 'validated' },
  }),
  prevHash: (e) => ({ ...e, prevHash: e.prevHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
  hash: (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
};

describe('audit entries', () => {
  it('start at seq 1 linked to the genesis hash, and each next one links to the hash of the one before', () => {
    const [first, second] = trail(five.slice(0, 2));
    expect(first).toEqual({
      subjectId: 'report-1',
      seq: 1,
      actor: 'sub:officer-1',
      action: 'read',
      at: '2026-11-30T10:00:00.000Z',
      changes: {},
      prevHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash, at: '2026-11-30T10:01:00.000Z' });
    expect(first!.hash).toBe(hashEntry(first!));
  });

  it('hash the canonical serialisation: the order of keys in changes never matters, the values do', () => {
    const a = nextEntry(
      'r',
      undefined,
      { actor: 'sub:o', action: 'decided', changes: { a: 1, b: { c: 'x', d: [1, 2] } } },
      t0,
    );
    const b = nextEntry(
      'r',
      undefined,
      { actor: 'sub:o', action: 'decided', changes: { b: { d: [1, 2], c: 'x' }, a: 1 } },
      t0,
    );
    const c = nextEntry(
      'r',
      undefined,
      { actor: 'sub:o', action: 'decided', changes: { b: { d: [2, 1], c: 'x' }, a: 1 } },
      t0,
    );
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(canonicalJson({ b: [true, null, 'é'], a: 1.5, u: undefined })).toBe('{"a":1.5,"b":[true,null,"é"]}');
  });

  it('hash a fixed value, so a change of serialisation or algorithm cannot go unnoticed', () => {
    const entry = nextEntry('report-1', undefined, { actor: 'sub:officer-1', action: 'read' }, t0);
    const serialised =
      'plp-audit-entry-v1\n{"action":"read","actor":"sub:officer-1","at":"2026-11-30T10:00:00.000Z","changes":{},' +
      `"prevHash":"${GENESIS_HASH}","seq":1,"subjectId":"report-1"}`;
    expect(entry.hash).toBe(createHash('sha256').update(serialised, 'utf8').digest('hex'));
  });

  it('refuse changes that are not small JSON: text too long, or values JSON cannot carry', () => {
    const input = (changes: AuditChanges): AuditInput => ({ actor: 'sub:o', action: 'decided', changes });
    expect(() => nextEntry('r', undefined, input({ note: 'x'.repeat(2000) }), t0)).toThrow(AuditChangesError);
    expect(() => nextEntry('r', undefined, input({ n: Number.NaN }), t0)).toThrow(AuditChangesError);
    expect(() => nextEntry('r', undefined, input({ n: 1, ids: ['a', 'b'] }), t0)).not.toThrow();
  });
});

describe('verifyChain', () => {
  it('accepts an empty trail and a trail as appended', () => {
    expect(verifyChain([])).toEqual({ valid: true });
    expect(verifyChain(trail(five))).toEqual({ valid: true });
  });

  describe.each(Object.keys(mutations) as (keyof AuditEntry)[])('when the field %s of an entry is altered', (field) => {
    it.each([1, 2, 3, 4, 5])('detects it at that entry (seq %i)', (seq) => {
      const entries = trail(five);
      entries[seq - 1] = mutations[field](entries[seq - 1]!);
      const verdict = verifyChain(entries);
      expect(verdict).toEqual({ valid: false, brokenAt: seq, reason: field === 'seq' ? 'gap' : 'hash' });
    });
  });

  it('detects an entry altered and rehashed at the next entry, whose link no longer matches', () => {
    const entries = trail(five);
    const { hash: _, ...altered } = { ...entries[2]!, actor: 'sub:someone-else' };
    entries[2] = { ...altered, hash: hashEntry(altered) };
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 4, reason: 'link' });
  });

  it('detects an entry deleted in the middle at the seq that is missing', () => {
    const entries = trail(five);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 3, reason: 'gap' });
  });

  it('detects two entries swapped, at the first place out of order', () => {
    const entries = trail(five);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 2, reason: 'gap' });
  });

  it('detects two entries’ contents swapped under their seqs', () => {
    const entries = trail(five);
    const [second, third] = [entries[1]!, entries[2]!];
    entries[1] = { ...third, seq: 2 };
    entries[2] = { ...second, seq: 3 };
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 2, reason: 'hash' });
  });

  it('detects an entry of another subject’s trail put in this one', () => {
    const entries = trail(five);
    entries[1] = trail(five, 'report-2')[1]!;
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 2, reason: 'link' });
  });

  it('cannot tell, alone, that the last entry was removed: the chain that is left is valid', () => {
    expect(verifyChain(trail(five).slice(0, 4))).toEqual({ valid: true });
  });
});

describe('verifyTrail (the chain and its head)', () => {
  it('accepts a trail as appended, and nothing at all', () => {
    const entries = trail(five);
    expect(verifyTrail({ head: head(entries), entries })).toEqual({ valid: true });
    expect(verifyTrail({ head: undefined, entries: [] })).toEqual({ valid: true });
  });

  it('detects the last entry removed, at its seq', () => {
    const entries = trail(five);
    expect(verifyTrail({ head: head(entries), entries: entries.slice(0, 4) })).toEqual({
      valid: false,
      brokenAt: 5,
      reason: 'gap',
    });
    expect(verifyTrail({ head: head(entries), entries: [] })).toEqual({ valid: false, brokenAt: 1, reason: 'gap' });
  });

  it('detects the last entry replaced by another valid one, and the head removed', () => {
    const entries = trail(five);
    const replaced = [
      ...entries.slice(0, 4),
      nextEntry('report-1', entries[3], { actor: 'sub:x', action: 'read' }, t0),
    ];
    expect(verifyTrail({ head: head(entries), entries: replaced })).toEqual({
      valid: false,
      brokenAt: 5,
      reason: 'head',
    });
    expect(verifyTrail({ head: undefined, entries })).toEqual({ valid: false, brokenAt: 5, reason: 'head' });
  });

  it('accepts entries appended after the head was read (a concurrent append), and still checks their chain', () => {
    const entries = trail(five);
    const headOfFour = head(entries.slice(0, 4));
    expect(verifyTrail({ head: headOfFour, entries })).toEqual({ valid: true });
    entries[4] = mutations.actor(entries[4]!);
    expect(verifyTrail({ head: headOfFour, entries })).toEqual({ valid: false, brokenAt: 5, reason: 'hash' });
  });

  it('reports a broken chain before the head', () => {
    const entries = trail(five);
    const altered = [entries[0]!, mutations.changes(entries[1]!), ...entries.slice(2)];
    expect(verifyTrail({ head: head(entries), entries: altered })).toEqual({
      valid: false,
      brokenAt: 2,
      reason: 'hash',
    });
  });
});

describe('audit chain properties', () => {
  const value: fc.Arbitrary<AuditChanges[string]> = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  );
  const input: fc.Arbitrary<AuditInput> = fc.record(
    {
      actor: fc.oneof(
        fc.uuid().map((id) => `sub:${id}`),
        fc.constant('member:m-1'),
      ),
      action: fc.oneof(
        fc.constantFrom('read', 'decided', 'feedback', 'information_added'),
        fc.string({ maxLength: 10 }),
      ),
      changes: fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 4 }),
    },
    { requiredKeys: ['actor', 'action'] },
  );
  const inputs = fc.array(input, { minLength: 1, maxLength: 12 });

  it('any sequence of appends verifies, with its head', () => {
    fc.assert(
      fc.property(inputs, (list) => {
        const entries = trail(list);
        expect(verifyChain(entries)).toEqual({ valid: true });
        expect(verifyTrail({ head: head(entries), entries })).toEqual({ valid: true });
      }),
    );
  });

  it('any single-field mutation of any entry is detected at that entry', () => {
    fc.assert(
      fc.property(
        inputs,
        fc.nat(),
        fc.constantFrom(...(Object.keys(mutations) as (keyof AuditEntry)[])),
        (list, pick, field) => {
          const entries = trail(list);
          const seq = (pick % entries.length) + 1;
          entries[seq - 1] = mutations[field](entries[seq - 1]!);
          expect(verifyTrail({ head: head(trail(list)), entries })).toMatchObject({ valid: false, brokenAt: seq });
        },
      ),
    );
  });
});
