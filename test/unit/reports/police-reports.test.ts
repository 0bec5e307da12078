import { ulid } from 'ulid';
import { launchedPlpRecord } from '../../support/plp-record.ts';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/directory/caller.ts';
import type { Plp } from '../../../shared/directory/model.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors.ts';
import { PoliceReportsQuery } from '../../../shared/reports/model.ts';
import type { Report } from '../../../shared/reports/ports.ts';
import { getPoliceReport, listPoliceReports } from '../../../shared/reports/police-reports.ts';
import { fakeAuditStore } from '../../support/fakes/audit-store.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeReportStore } from '../../support/fakes/report-store.ts';

const NOW = new Date('2026-11-29T17:00:00.000Z');
const officer: Caller = { sub: 'officer-a', groups: ['police'] };
const otherOfficer: Caller = { sub: 'officer-b', groups: ['police'] };
const coordinator: Caller = { sub: 'coord-a', groups: ['coordinator'] };

function plp(n: number): Plp {
  const code = `POLICE-${n}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  return launchedPlpRecord({ name: `Quartier ${n}`, code }, NOW);
}

let seq = 0;
function report(plpId: string, minutesAgo: number, over: Partial<Report> = {}): Report {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
  return {
    reportId: ulid(NOW.getTime() - minutesAgo * 60_000),
    reference: `21003-2026-${String(++seq).padStart(6, '0')}`,
    plpId,
    communeNis: '21003',
    memberId: 'member-1',
    via: 'web',
    category: 'suspicious_vehicle',
    description: 'A grey van stopped three times',
    observedAt: at,
    location: { street: 'Rue des Tilleuls', postcode: '1082' },
    status: 'submitted',
    language: 'fr',
    createdAt: at,
    feedbackDueAt: new Date(Date.parse(at) + 72 * 3_600_000).toISOString(),
    version: 1,
    ...over,
  };
}

async function harness() {
  const directory = fakeDirectoryStore();
  const reports = fakeReportStore();
  const audit = fakeAuditStore();
  const mine = plp(1);
  const theirs = plp(2);
  await directory.createPlp(mine, [{ principal: 'sub:officer-a', role: 'officer' }]);
  await directory.createPlp(theirs, [
    { principal: 'sub:officer-b', role: 'officer' },
    { principal: 'sub:coord-a', role: 'coordinator' },
  ]);
  const older = report(mine.plpId, 30);
  const newer = report(mine.plpId, 5);
  const validated = report(mine.plpId, 10, { status: 'validated' });
  const other = report(theirs.plpId, 1);
  for (const r of [older, newer, validated, other]) await reports.createReport(r);
  const deps = { directory, reports, audit, now: () => NOW };
  return { deps, audit, mine, theirs, older, newer, validated, other };
}

const query = (q: Record<string, unknown> = {}) => PoliceReportsQuery.parse(q);

describe('GET /police/reports (listPoliceReports)', () => {
  it("lists the submitted reports of the officer's PLPs, newest first, with the police's fields", async () => {
    const h = await harness();
    const { items } = await listPoliceReports(officer, query(), h.deps);
    expect(items.map((i) => i.reportId)).toEqual([h.newer.reportId, h.older.reportId]);
    expect(items[0]).toEqual({
      reportId: h.newer.reportId,
      reference: h.newer.reference,
      plpId: h.mine.plpId,
      category: 'suspicious_vehicle',
      description: 'A grey van stopped three times',
      status: 'submitted',
      observedAt: h.newer.observedAt,
      createdAt: h.newer.createdAt,
      feedbackDueAt: h.newer.feedbackDueAt,
    });
  });

  it('filters by status and plpId, and honours limit', async () => {
    const h = await harness();
    const validated = await listPoliceReports(officer, query({ status: 'validated', plpId: h.mine.plpId }), h.deps);
    expect(validated.items.map((i) => i.reportId)).toEqual([h.validated.reportId]);
    const one = await listPoliceReports(officer, query({ limit: '1' }), h.deps);
    expect(one.items.map((i) => i.reportId)).toEqual([h.newer.reportId]);
  });

  it("a plpId that is not one of the officer's PLPs, existing or not, is 404", async () => {
    const h = await harness();
    await expect(listPoliceReports(officer, query({ plpId: h.theirs.plpId }), h.deps)).rejects.toThrow(NotFoundError);
    await expect(listPoliceReports(officer, query({ plpId: ulid() }), h.deps)).rejects.toThrow(NotFoundError);
  });

  it('a coordinator (not in group police) is refused with 403, even with a coordinator mandate', async () => {
    const h = await harness();
    await expect(listPoliceReports(coordinator, query(), h.deps)).rejects.toThrow(ForbiddenError);
  });
});

describe('GET /police/reports/{reportId} (getPoliceReport)', () => {
  it('gives the report with its trail, appends the read by the officer first, and the chain verifies', async () => {
    const h = await harness();
    const first = await getPoliceReport(officer, h.newer.reportId, h.deps);
    expect(first).toMatchObject({
      reportId: h.newer.reportId,
      reference: h.newer.reference,
      plpId: h.mine.plpId,
      location: h.newer.location,
      via: 'web',
    });
    expect(first).not.toHaveProperty('memberId');
    expect(first.history).toEqual({
      entries: [{ seq: 1, actor: 'sub:officer-a', action: 'read', at: NOW.toISOString(), changes: {} }],
      chainValid: true,
    });
    const second = await getPoliceReport(officer, h.newer.reportId, h.deps);
    expect(second.history.entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'read'],
      [2, 'read'],
    ]);
    expect(second.history.chainValid).toBe(true);
  });

  it("another PLP's officer gets 404 and nothing is appended to the trail", async () => {
    const h = await harness();
    await expect(getPoliceReport(otherOfficer, h.newer.reportId, h.deps)).rejects.toThrow(NotFoundError);
    await expect(getPoliceReport(officer, h.other.reportId, h.deps)).rejects.toThrow(NotFoundError);
    await expect(getPoliceReport(officer, ulid(), h.deps)).rejects.toThrow(NotFoundError);
    expect((await h.audit.trailOf(h.newer.reportId)).entries).toEqual([]);
    expect((await h.audit.trailOf(h.other.reportId)).entries).toEqual([]);
  });

  it('a coordinator gets 403 and nothing is appended', async () => {
    const h = await harness();
    await expect(getPoliceReport(coordinator, h.other.reportId, h.deps)).rejects.toThrow(ForbiddenError);
    expect((await h.audit.trailOf(h.other.reportId)).entries).toEqual([]);
  });
});
