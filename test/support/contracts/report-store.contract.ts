import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/errors.ts';
import type { Report, ReportStore } from '../../../shared/reports/ports.ts';
import { formatReference } from '../../../shared/reports/reference.ts';

/**
 * What ReportStore promises (shared/reports/ports.ts), checked against the DynamoDB adapter
 * (test/integration/report-store.test.ts) and the in-memory fake (test/unit/fakes/stores.test.ts).
 * `makeStore` is called once; every test writes under ids of its own.
 */
export function describeReportStoreContract(name: string, makeStore: () => ReportStore | Promise<ReportStore>) {
  let store: ReportStore;
  const run = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  const fresh = (what: string) => `${what}-${run}-${++counter}`;
  /** A commune code of its own per call, so its counters start at zero. */
  const nisBase = 10_000 + Math.floor(Math.random() * 80_000);
  const newNis = () => String(nisBase + ++counter);

  const report = (over: Partial<Report> = {}): Report => ({
    reportId: ulid(),
    reference: '21003-2026-000001',
    plpId: fresh('plp'),
    communeNis: '21003',
    memberId: fresh('member'),
    via: 'web',
    category: 'suspicious_vehicle',
    description: 'A grey van drove past three times',
    observedAt: '2026-11-29T17:00:00.000Z',
    location: { street: 'Rue de la Gare', number: '12', postcode: '1082' },
    status: 'submitted',
    language: 'fr',
    createdAt: '2026-11-29T17:05:00.000Z',
    feedbackDueAt: '2026-12-02T17:05:00.000Z',
    version: 1,
    ...over,
  });

  describe(name, () => {
    beforeAll(async () => {
      store = await makeStore();
    });

    it('counts references per commune and year from 1, each on its own', async () => {
      const nis = newNis();
      expect(await store.nextSequence(nis, 2026)).toBe(1);
      expect(await store.nextSequence(nis, 2026)).toBe(2);
      expect(await store.nextSequence(nis, 2027)).toBe(1);
      expect(await store.nextSequence(newNis(), 2026)).toBe(1);
    });

    it('gives 20 parallel reports of one commune 20 different references, 1 to 20', async () => {
      const nis = newNis();
      const sequences = await Promise.all(Array.from({ length: 20 }, () => store.nextSequence(nis, 2026)));
      expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const references = sequences.map((s) => formatReference(nis, 2026, s));
      expect(new Set(references).size).toBe(20);
      for (const r of references) expect(r).toMatch(new RegExp(`^${nis}-2026-\\d{6}$`));
    });

    it('stores a report and gives it back as it was', async () => {
      const r = report();
      await store.createReport(r);
      expect(await store.getReport(r.reportId)).toEqual(r);
      expect(await store.getReport(ulid())).toBeUndefined();
    });

    it('refuses a second report with the same id', async () => {
      const r = report();
      await store.createReport(r);
      await expect(store.createReport({ ...r, description: 'other' })).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getReport(r.reportId))?.description).toBe(r.description);
    });

    it("lists a member's reports newest first, and only theirs", async () => {
      const memberId = fresh('member');
      const ids = [ulid(Date.now() - 2000), ulid(Date.now() - 1000), ulid()];
      for (const reportId of [ids[1], ids[0], ids[2]]) await store.createReport(report({ reportId, memberId }));
      await store.createReport(report());
      expect((await store.reportsOfMember(memberId)).map((r) => r.reportId)).toEqual([...ids].reverse());
      expect(await store.reportsOfMember(fresh('member'))).toEqual([]);
    });

    it("lists a PLP's reports in a status newest first", async () => {
      const plpId = fresh('plp');
      const older = report({ plpId, reportId: ulid(Date.now() - 1000) });
      const newer = report({ plpId });
      await store.createReport(older);
      await store.createReport(newer);
      await store.createReport(report({ plpId, status: 'validated' }));
      expect((await store.reportsOfPlp(plpId, 'submitted')).map((r) => r.reportId)).toEqual([
        newer.reportId,
        older.reportId,
      ]);
    });

    it('forgets a reporter: the reports stay, without memberId, and the member lists none', async () => {
      const memberId = fresh('member');
      const mine = [report({ memberId }), report({ memberId })];
      for (const r of mine) await store.createReport(r);
      expect(await store.forgetReporter(memberId)).toBe(2);
      expect(await store.reportsOfMember(memberId)).toEqual([]);
      for (const r of mine) {
        const kept = await store.getReport(r.reportId);
        expect(kept?.description).toBe(r.description);
        expect(kept).not.toHaveProperty('memberId');
      }
      expect(await store.forgetReporter(memberId)).toBe(0);
    });
  });
}
