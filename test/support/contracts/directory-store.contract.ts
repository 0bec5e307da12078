import { beforeAll, describe, expect, it } from 'vitest';
import type { Commune, Plp } from '../../../shared/directory/model.ts';
import type { DirectoryStore } from '../../../shared/directory/ports.ts';
import { ConflictError } from '../../../shared/errors.ts';

const at = '2026-03-01T10:00:00.000Z';

/**
 * What DirectoryStore (shared/directory/ports.ts) promises, checked against any implementation: the DynamoDB
 * adapter (test/integration/directory-store.test.ts) and the in-memory fake (test/unit/fakes/stores.test.ts).
 * `makeStore` is called once; every test uses NIS codes, PLP ids, codes and postcodes of its own.
 */
export function describeDirectoryStoreContract(
  name: string,
  makeStore: () => DirectoryStore | Promise<DirectoryStore>,
) {
  let store: DirectoryStore;

  const run = Math.random().toString(36).slice(2, 8).toUpperCase();
  let counter = 0;
  const n = () => ++counter;
  const newNis = () => String(10_000 + n());
  const newPostcode = () => String(1000 + n());
  const newPlpId = () => `plp-${run}-${n()}`;
  const newCode = () => `CODE-${run}-${n()}`;

  const commune = (nis: string, over: Partial<Commune> = {}): Commune => ({
    nis,
    name: { fr: `Commune ${nis}` },
    languages: ['fr'],
    policeZone: 'Zone',
    createdAt: at,
    ...over,
  });

  const plp = (over: Partial<Plp> = {}): Plp => {
    const plpId = over.plpId ?? newPlpId();
    return {
      plpId,
      communeNis: '21009',
      name: `PLP ${plpId}`,
      code: newCode(),
      type: 'residents',
      zone: { postcodes: [newPostcode()] },
      dispatchMode: 'direct',
      requiresApproval: false,
      languages: ['fr', 'nl'],
      coordinators: [{ email: 'coord@example.be', name: 'Coord', language: 'fr' }],
      officers: [{ email: 'agent@police.be' }],
      status: 'preparation',
      createdAt: at,
      updatedAt: at,
      ...over,
    };
  };

  describe(name, () => {
    beforeAll(async () => {
      store = await makeStore();
    });

    it('creates a commune once; a second create is a ConflictError and assigns nobody', async () => {
      const nis = newNis();
      const admin = `sub:admin-${run}-${n()}`;
      const latecomer = `sub:admin-${run}-${n()}`;
      const c = commune(nis, { name: { fr: 'Ixelles', nl: 'Elsene' }, languages: ['fr', 'nl'] });
      await store.createCommune(c, [admin]);
      expect(await store.getCommune(nis)).toEqual(c);
      await expect(store.createCommune(commune(nis), [latecomer])).rejects.toThrow(ConflictError);
      expect(await store.getCommune(nis)).toEqual(c);
      expect(await store.assignmentsOf([admin])).toEqual([{ role: 'commune_admin', scopeId: nis }]);
      expect(await store.assignmentsOf([latecomer])).toEqual([]);
    });

    it('returns undefined for an unknown commune, PLP or code', async () => {
      expect(await store.getCommune('00000')).toBeUndefined();
      expect(await store.getPlp('nope')).toBeUndefined();
      expect(await store.plpIdByCode('NOPE-NOPE')).toBeUndefined();
    });

    it('creates a PLP findable by id, code in any case and each of its postcodes', async () => {
      const [pc1, pc2] = [newPostcode(), newPostcode()];
      const p = plp({ zone: { postcodes: [pc1, pc2] } });
      await store.createPlp(p, [{ principal: 'email:coord@example.be', role: 'coordinator' }]);
      expect(await store.getPlp(p.plpId)).toEqual(p);
      expect(await store.plpIdByCode(p.code)).toBe(p.plpId);
      expect(await store.plpIdByCode(p.code.toLowerCase())).toBe(p.plpId);
      expect(await store.plpIdsByPostcode(pc1)).toEqual([p.plpId]);
      expect(await store.plpIdsByPostcode(pc2)).toEqual([p.plpId]);
      expect(await store.plpIdsByPostcode(newPostcode())).toEqual([]);
    });

    it('lists the PLPs of a postcode in id order, and only those', async () => {
      const pc = newPostcode();
      const ids = [`${newPlpId()}-b`, `${newPlpId()}-a`, `${newPlpId()}-c`];
      for (const plpId of ids) await store.createPlp(plp({ plpId, zone: { postcodes: [pc] } }), []);
      await store.createPlp(plp(), []);
      expect(await store.plpIdsByPostcode(pc)).toEqual([...ids].sort());
    });

    it('keeps its own copy: changing the written or the read PLP changes nothing stored', async () => {
      const p = plp();
      const written = structuredClone(p);
      await store.createPlp(written, []);
      written.name = 'Changed';
      written.zone.postcodes.push('9999');
      (await store.getPlp(p.plpId))!.coordinators.pop();
      expect(await store.getPlp(p.plpId)).toEqual(p);
    });

    it('refuses a duplicate code, in any case, and stores nothing of the second PLP', async () => {
      const first = plp();
      await store.createPlp(first, []);
      const pc = newPostcode();
      const second = plp({ code: first.code.toLowerCase(), zone: { postcodes: [pc] } });
      await expect(
        store.createPlp(second, [{ principal: 'email:second@example.be', role: 'coordinator' }]),
      ).rejects.toThrow(ConflictError);

      expect(await store.getPlp(second.plpId)).toBeUndefined();
      expect(await store.plpIdByCode(first.code)).toBe(first.plpId);
      expect(await store.plpIdsByPostcode(pc)).toEqual([]);
      expect(await store.assignmentsOf(['email:second@example.be'])).toEqual([]);
    });

    it('refuses a PLP id already taken, leaving the new code free', async () => {
      const first = plp();
      await store.createPlp(first, []);
      const again = plp({ plpId: first.plpId });
      await expect(store.createPlp(again, [])).rejects.toThrow(ConflictError);
      expect(await store.getPlp(first.plpId)).toEqual(first);
      expect(await store.plpIdByCode(again.code)).toBeUndefined();
    });

    it('returns the assignments of the principals asked for', async () => {
      const [p1, p2] = [plp(), plp()];
      const principal = `email:agent-${run.toLowerCase()}-${n()}@police.be`;
      await store.createPlp(p1, [{ principal, role: 'officer' }]);
      await store.createPlp(p2, [
        { principal, role: 'officer' },
        { principal, role: 'coordinator' },
      ]);

      const found = await store.assignmentsOf([principal, `sub:unknown-${run}`]);
      expect(found).toHaveLength(3);
      expect(found).toEqual(
        expect.arrayContaining([
          { role: 'officer', scopeId: p1.plpId },
          { role: 'officer', scopeId: p2.plpId },
          { role: 'coordinator', scopeId: p2.plpId },
        ]),
      );
      expect(await store.assignmentsOf([])).toEqual([]);
    });

    it('binds every assignment of one principal to another, once (a second bind moves nothing)', async () => {
      const [p1, p2] = [plp(), plp()];
      const from = `email:coord-${run.toLowerCase()}-${n()}@example.be`;
      const to = `sub:coord-${run}-${n()}`;
      await store.createPlp(p1, [{ principal: from, role: 'coordinator' }]);
      await store.createPlp(p2, [
        { principal: from, role: 'officer' },
        { principal: to, role: 'coordinator' },
      ]);
      const expected = [
        { role: 'coordinator', scopeId: p1.plpId },
        { role: 'officer', scopeId: p2.plpId },
      ];

      expect(await store.bindAssignments!(from, to)).toEqual(expect.arrayContaining(expected));
      expect(await store.assignmentsOf([from])).toEqual([]);
      const bound = await store.assignmentsOf([to]);
      expect(bound).toHaveLength(3);
      expect(bound).toEqual(expect.arrayContaining([...expected, { role: 'coordinator', scopeId: p2.plpId }]));
      expect(await store.bindAssignments!(from, to)).toEqual([]);
      expect(await store.assignmentsOf([to])).toHaveLength(3);
    });

    it('binds more assignments than one transaction holds, and ends the same after parallel binds', async () => {
      const from = `email:admin-${run.toLowerCase()}-${n()}@example.be`;
      const to = `sub:admin-${run}-${n()}`;
      const communes = Array.from({ length: 60 }, () => newNis());
      for (const nis of communes) await store.createCommune(commune(nis), [from]);

      const results = await Promise.all([store.bindAssignments!(from, to), store.bindAssignments!(from, to)]);
      expect(Math.max(...results.map((r) => r.length))).toBe(60);
      expect(await store.assignmentsOf([from])).toEqual([]);
      const bound = await store.assignmentsOf([to]);
      expect(bound.map((a) => a.scopeId).sort()).toEqual([...communes].sort());
      expect(bound.every((a) => a.role === 'commune_admin')).toBe(true);
    });

    it('updates the status only from the expected one (stale from, unknown PLP → ConflictError)', async () => {
      const p = plp();
      await store.createPlp(p, []);
      const later = '2026-03-02T10:00:00.000Z';
      const updated = await store.updatePlpStatus(p.plpId, 'preparation', {
        status: 'information_session',
        updatedAt: later,
      });
      expect(updated).toEqual({ ...p, status: 'information_session', updatedAt: later });

      await expect(
        store.updatePlpStatus(p.plpId, 'preparation', { status: 'dissolved', updatedAt: later }),
      ).rejects.toThrow(ConflictError);
      expect(await store.getPlp(p.plpId)).toEqual(updated);

      await expect(
        store.updatePlpStatus(`missing-${run}`, 'preparation', { status: 'dissolved', updatedAt: later }),
      ).rejects.toThrow(ConflictError);
      expect(await store.getPlp(`missing-${run}`)).toBeUndefined();
    });

    it('stores the charter reference with the status and keeps it through later changes', async () => {
      const p = plp({ status: 'charter_submitted' });
      await store.createPlp(p, []);
      const updated = await store.updatePlpStatus(p.plpId, 'charter_submitted', {
        status: 'charter_approved',
        updatedAt: at,
        charterReference: 'SPF/2026/7',
      });
      expect(updated.charterReference).toBe('SPF/2026/7');
      expect((await store.getPlp(p.plpId))!.charterReference).toBe('SPF/2026/7');

      const launched = await store.updatePlpStatus(p.plpId, 'charter_approved', { status: 'launched', updatedAt: at });
      expect(launched).toMatchObject({ status: 'launched', charterReference: 'SPF/2026/7' });
    });

    it('records a history entry once per eventId, listed in eventId order', async () => {
      const plpId = newPlpId();
      const entry = { eventId: 'evt-2', from: null, to: 'preparation' as const, by: 'sub:admin-1', at };
      const next = {
        eventId: 'evt-3',
        from: 'preparation' as const,
        to: 'information_session' as const,
        by: 'sub:admin-1',
        at,
      };
      await store.appendHistory(plpId, entry);
      await store.appendHistory(plpId, { ...entry, by: 'sub:someone-else' });
      await store.appendHistory(plpId, next);
      expect(await store.listHistory(plpId)).toEqual([entry, next]);
      expect(await store.listHistory(newPlpId())).toEqual([]);
    });

    it('batch-reads PLPs and communes, skipping unknown ids', async () => {
      const plps = [plp(), plp(), plp()];
      for (const p of plps) await store.createPlp(p, []);
      const read = await store.getPlps([...plps.map((p) => p.plpId), `missing-${run}`]);
      expect([...read].sort((a, b) => (a.plpId < b.plpId ? -1 : 1))).toEqual(
        [...plps].sort((a, b) => (a.plpId < b.plpId ? -1 : 1)),
      );
      expect(await store.getPlps([])).toEqual([]);

      const [ghent, ixelles] = [commune(newNis(), { name: { nl: 'Gent' }, languages: ['nl'] }), commune(newNis())];
      for (const c of [ghent, ixelles]) await store.createCommune(c, []);
      const communes = await store.getCommunes([ghent.nis, ixelles.nis, '00001']);
      expect(communes.map((c) => c.nis).sort()).toEqual([ghent.nis, ixelles.nis].sort());
      expect(communes.find((c) => c.nis === ghent.nis)).toEqual(ghent);
      expect(await store.getCommunes([])).toEqual([]);
    });

    it('lists every commune in NIS order, a page at a time, from after a NIS code', async () => {
      const mine = [commune(newNis()), commune(newNis()), commune(newNis())];
      for (const c of [mine[2]!, mine[0]!, mine[1]!]) await store.createCommune(c, []);
      const seen: Commune[] = [];
      let after: string | undefined;
      for (let more = true; more;) {
        const page = await store.listCommunes({ limit: 2, ...(after ? { after } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        after = page.items.at(-1)?.nis ?? after;
        more = page.more;
      }
      const nis = seen.map((c) => c.nis);
      expect(nis).toEqual([...new Set(nis)].sort());
      expect(seen.filter((c) => mine.some((m) => m.nis === c.nis))).toEqual(mine);
      expect((await store.listCommunes({ limit: 10, after: mine[1]!.nis })).items[0]).toEqual(mine[2]);
    });

    it('lists the PLPs of a commune newest first (descending id), a page at a time, optionally in one status', async () => {
      const nis = newNis();
      const ids = ['01A', '01C', '01B', '01D', '01E'].map((suffix) => `${newPlpId()}-${suffix}`);
      for (const [i, plpId] of ids.entries())
        await store.createPlp(plp({ plpId, communeNis: nis, status: i % 2 ? 'launched' : 'preparation' }), []);
      await store.createPlp(plp({ communeNis: newNis() }), []);
      const newestFirst = [...ids].sort().reverse();

      const pages: string[][] = [];
      let after: string | undefined;
      for (let more = true; more;) {
        const page = await store.plpsOfCommune(nis, { limit: 2, ...(after ? { after } : {}) });
        pages.push(page.items.map((p) => p.plpId));
        after = page.items.at(-1)?.plpId ?? after;
        more = page.more;
      }
      expect(pages.slice(0, 3)).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
      expect(pages.flat()).toEqual(newestFirst);

      const launched = newestFirst.filter((id) => ids.indexOf(id) % 2 === 1);
      const first = await store.plpsOfCommune(nis, { limit: 1, status: 'launched' });
      expect(first.items.map((p) => p.plpId)).toEqual(launched.slice(0, 1));
      expect(first.items[0]?.status).toBe('launched');
      expect(first.more).toBe(true);
      const rest = await store.plpsOfCommune(nis, { limit: 5, status: 'launched', after: launched[0]! });
      expect(rest.items.map((p) => p.plpId)).toEqual(launched.slice(1));
      expect(await store.plpsOfCommune(newNis(), { limit: 5 })).toEqual({ items: [], more: false });
    });
  });
}
