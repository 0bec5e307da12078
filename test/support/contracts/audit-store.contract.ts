import { beforeAll, describe, expect, it } from 'vitest';
import { AuditChangesError, type AuditInput, GENESIS_HASH, verifyTrail } from '../../../shared/audit/model.ts';
import type { AuditStore } from '../../../shared/audit/ports.ts';

/**
 * What AuditStore promises (shared/audit/ports.ts), checked against the DynamoDB adapter
 * (test/integration/audit-store.test.ts) and the in-memory fake (test/unit/fakes/stores.test.ts).
 * `makeStore` is called once; every test appends to subjects of its own.
 */
export function describeAuditStoreContract(name: string, makeStore: () => AuditStore | Promise<AuditStore>) {
  let store: AuditStore;
  const run = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  const newSubject = () => `report-${run}-${++counter}`;
  const t0 = new Date('2026-11-30T10:00:00.000Z');
  const read: AuditInput = { actor: 'sub:officer-1', action: 'read' };

  describe(name, () => {
    beforeAll(async () => {
      store = await makeStore();
    });

    it('offers append and trailOf only: nothing updates or deletes an entry', () => {
      expect(Object.keys(store).sort()).toEqual(['append', 'trailOf']);
    });

    it('has an empty, valid trail for a subject never audited', async () => {
      const trail = await store.trailOf(newSubject());
      expect(trail).toEqual({ head: undefined, entries: [] });
      expect(verifyTrail(trail)).toEqual({ valid: true });
    });

    it('appends entries 1, 2, 3 linked to each other, and reads them back as written, with the head on the last', async () => {
      const subjectId = newSubject();
      const first = await store.append(subjectId, read, t0);
      const second = await store.append(
        subjectId,
        { actor: 'sub:officer-1', action: 'decided', changes: { status: { from: 'new', to: 'validated' } } },
        new Date(t0.getTime() + 60_000),
      );
      const third = await store.append(subjectId, { actor: 'sub:coordinator-1', action: 'read' }, t0);

      expect(first).toMatchObject({ subjectId, seq: 1, prevHash: GENESIS_HASH, at: t0.toISOString(), changes: {} });
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, action: 'decided' });
      expect(third).toMatchObject({ seq: 3, prevHash: second.hash, actor: 'sub:coordinator-1' });
      const trail = await store.trailOf(subjectId);
      expect(trail).toEqual({ head: { seq: 3, hash: third.hash }, entries: [first, second, third] });
      expect(verifyTrail(trail)).toEqual({ valid: true });
    });

    it('gives 20 appends at once to one subject the seqs 1 to 20, once each, in one valid chain', async () => {
      const subjectId = newSubject();
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append(subjectId, { ...read, changes: { n: i } }, t0)),
      );

      expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(appended.map((e) => e.changes.n)).size).toBe(20);
      const trail = await store.trailOf(subjectId);
      expect(trail.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(trail.head?.seq).toBe(20);
      expect(verifyTrail(trail)).toEqual({ valid: true });
    });

    it('keeps each subject’s trail apart, even when one id begins with the other', async () => {
      const subjectId = newSubject();
      await store.append(subjectId, read, t0);
      await store.append(`${subjectId}0`, read, t0);
      await store.append(subjectId, read, t0);

      expect((await store.trailOf(subjectId)).entries.map((e) => [e.subjectId, e.seq])).toEqual([
        [subjectId, 1],
        [subjectId, 2],
      ]);
      expect((await store.trailOf(`${subjectId}0`)).head?.seq).toBe(1);
    });

    it('reads back changes of every JSON kind so that their hashes still verify', async () => {
      const subjectId = newSubject();
      const changes = {
        status: { to: 'needs_info', from: 'new' },
        ids: ['fb-1', 'inf-2'],
        count: 2,
        ratio: 0.1,
        negative: -3,
        done: false,
        none: null,
        empty: '',
        emptyList: [],
        emptyMap: {},
        nested: [{ b: 1, a: [true] }],
      };
      const entry = await store.append(subjectId, { actor: 'sub:officer-1', action: 'decided', changes }, t0);

      const trail = await store.trailOf(subjectId);
      expect(trail.entries).toEqual([entry]);
      expect(trail.entries[0]!.changes).toEqual(changes);
      expect(verifyTrail(trail)).toEqual({ valid: true });
    });

    it('refuses changes that are not small JSON, writing nothing', async () => {
      const subjectId = newSubject();
      await expect(
        store.append(
          subjectId,
          { actor: 'sub:officer-1', action: 'feedback', changes: { text: 'x'.repeat(2000) } },
          t0,
        ),
      ).rejects.toThrow(AuditChangesError);
      expect(await store.trailOf(subjectId)).toEqual({ head: undefined, entries: [] });
    });

    it('hands out copies: changing what append or trailOf returned changes nothing stored', async () => {
      const subjectId = newSubject();
      const input = { actor: 'sub:officer-1', action: 'decided', changes: { ids: ['a'] } };
      const entry = await store.append(subjectId, input, t0);
      input.changes.ids.push('b');
      (entry.changes.ids as string[]).push('c');
      (await store.trailOf(subjectId)).entries[0]!.actor = 'sub:someone-else';

      const trail = await store.trailOf(subjectId);
      expect(trail.entries[0]).toMatchObject({ actor: 'sub:officer-1', changes: { ids: ['a'] } });
      expect(verifyTrail(trail)).toEqual({ valid: true });
    });
  });
}
