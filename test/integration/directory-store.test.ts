import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoDirectoryStore } from '../../shared/adapters/dynamodb/directory-store.ts';
import type { Commune, Plp } from '../../shared/directory/model.ts';
import type { DirectoryStore } from '../../shared/directory/ports.ts';
import { ConflictError } from '../../shared/errors.ts';
import { keys } from '../../shared/table/keys.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `directory-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let store: DirectoryStore;

const run = Math.random().toString(36).slice(2, 8).toUpperCase();
const at = '2026-03-01T10:00:00.000Z';

const commune = (nis: string, over: Partial<Commune> = {}): Commune => ({
  nis,
  name: { fr: `Commune ${nis}` },
  languages: ['fr'],
  policeZone: 'Zone',
  createdAt: at,
  ...over,
});

const plp = (plpId: string, code: string, postcodes: string[], over: Partial<Plp> = {}): Plp => ({
  plpId,
  communeNis: '21009',
  name: `PLP ${plpId}`,
  code,
  type: 'residents',
  zone: { postcodes },
  dispatchMode: 'direct',
  requiresApproval: false,
  languages: ['fr', 'nl'],
  coordinators: [{ email: 'coord@example.be', name: 'Coord', language: 'fr' }],
  officers: [{ email: 'agent@police.be' }],
  status: 'preparation',
  createdAt: at,
  updatedAt: at,
  ...over,
});

beforeAll(async () => {
  await ensureTable(endpoint, tableName);
  store = dynamoDirectoryStore(doc, tableName);
});

describe('dynamoDirectoryStore (DynamoDB Local)', () => {
  it('creates a commune once; a second create is a ConflictError', async () => {
    const c = commune('21009', { name: { fr: 'Ixelles', nl: 'Elsene' }, languages: ['fr', 'nl'] });
    await store.createCommune(c, ['sub:admin-1']);
    expect(await store.getCommune('21009')).toEqual(c);
    await expect(store.createCommune(commune('21009'), [])).rejects.toThrow(ConflictError);
    expect(await store.getCommune('21009')).toEqual(c);
    expect(await store.assignmentsOf(['sub:admin-1'])).toEqual([{ role: 'commune_admin', scopeId: '21009' }]);
  });

  it('returns undefined for an unknown commune or PLP', async () => {
    expect(await store.getCommune('00000')).toBeUndefined();
    expect(await store.getPlp('nope')).toBeUndefined();
    expect(await store.plpIdByCode('NOPE-NOPE')).toBeUndefined();
  });

  it('creates a PLP findable by id, code and postcode', async () => {
    const p = plp(`plp-a-${run}`, `CODE-A-${run}`, ['1050', '1000']);
    await store.createPlp(p, [{ principal: 'email:coord@example.be', role: 'coordinator' }]);
    expect(await store.getPlp(p.plpId)).toEqual(p);
    expect(await store.plpIdByCode(p.code)).toBe(p.plpId);
    expect(await store.plpIdByCode(p.code.toLowerCase())).toBe(p.plpId);
    expect(await store.plpIdsByPostcode('1050')).toContain(p.plpId);
    expect(await store.plpIdsByPostcode('1000')).toContain(p.plpId);
    expect(await store.plpIdsByPostcode('9999')).toEqual([]);
  });

  it('refuses a duplicate code and stores nothing of the second PLP', async () => {
    const first = plp(`plp-b-${run}`, `CODE-B-${run}`, ['1060']);
    await store.createPlp(first, []);
    const second = plp(`plp-c-${run}`, `CODE-B-${run}`, ['1070']);
    await expect(
      store.createPlp(second, [{ principal: 'email:second@example.be', role: 'coordinator' }]),
    ).rejects.toThrow(ConflictError);

    expect(await store.getPlp(second.plpId)).toBeUndefined();
    expect(await store.plpIdByCode(second.code)).toBe(first.plpId);
    expect(await store.plpIdsByPostcode('1070')).toEqual([]);
    const postcodeItem = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.postcodePlp('1070', second.plpId) }),
    );
    expect(postcodeItem.Item).toBeUndefined();
    expect(await store.assignmentsOf(['email:second@example.be'])).toEqual([]);
  });

  it('returns the assignments of an e-mail principal', async () => {
    const p1 = plp(`plp-d-${run}`, `CODE-D-${run}`, ['1080']);
    const p2 = plp(`plp-e-${run}`, `CODE-E-${run}`, ['1080']);
    const principal = `email:agent-${run.toLowerCase()}@police.be`;
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

  it('updates the status only from the expected one (stale from → ConflictError)', async () => {
    const p = plp(`plp-f-${run}`, `CODE-F-${run}`, ['1090']);
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
    expect((await store.getPlp(p.plpId))!.status).toBe('information_session');

    await expect(
      store.updatePlpStatus(`missing-${run}`, 'preparation', { status: 'dissolved', updatedAt: later }),
    ).rejects.toThrow(ConflictError);
  });

  it('stores the charter reference with the status', async () => {
    const p = plp(`plp-g-${run}`, `CODE-G-${run}`, ['1140'], { status: 'charter_submitted' });
    await store.createPlp(p, []);
    const updated = await store.updatePlpStatus(p.plpId, 'charter_submitted', {
      status: 'charter_approved',
      updatedAt: at,
      charterReference: 'SPF/2026/7',
    });
    expect(updated.charterReference).toBe('SPF/2026/7');
    expect((await store.getPlp(p.plpId))!.charterReference).toBe('SPF/2026/7');
  });

  it('records a history entry once per eventId', async () => {
    const plpId = `plp-h-${run}`;
    const entry = { eventId: 'evt-1', from: null, to: 'preparation' as const, by: 'sub:admin-1', at };
    await store.appendHistory(plpId, entry);
    await store.appendHistory(plpId, { ...entry, by: 'sub:someone-else' });
    await store.appendHistory(plpId, {
      eventId: 'evt-2',
      from: 'preparation',
      to: 'information_session',
      by: 'sub:admin-1',
      at,
    });
    const history = await store.listHistory(plpId);
    expect(history).toHaveLength(2);
    expect(history.find((h) => h.eventId === 'evt-1')).toEqual(entry);
  });

  it('batch-reads PLPs and communes, skipping unknown ids', async () => {
    const ids = Array.from({ length: 3 }, (_, i) => `plp-batch-${i}-${run}`);
    for (const [i, id] of ids.entries()) await store.createPlp(plp(id, `CODE-BATCH-${i}-${run}`, ['1150']), []);
    const plps = await store.getPlps([...ids, `missing-${run}`]);
    expect(plps.map((p) => p.plpId).sort()).toEqual([...ids].sort());
    expect(plps[0]).not.toHaveProperty('PK');
    expect(await store.getPlps([])).toEqual([]);

    await store.createCommune(commune('44021', { name: { nl: 'Gent' }, languages: ['nl'] }), []);
    const communes = await store.getCommunes(['21009', '44021', '00001']);
    expect(communes.map((c) => c.nis).sort()).toEqual(['21009', '44021']);
    expect(communes.find((c) => c.nis === '44021')).toEqual(
      commune('44021', { name: { nl: 'Gent' }, languages: ['nl'] }),
    );
  });
});
