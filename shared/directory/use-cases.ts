import { ulid } from 'ulid';
import type { EventPublisher } from '../../events/define-event.ts';
import { PlpStatusChanged } from '../../events/directory/plp-status-changed.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { principalId, type Role } from './identity.ts';
import { type Caller, principalIdsOf } from './caller.ts';
import { checkTransition } from './lifecycle.ts';
import type { Commune, CreateCommuneInput, CreatePlpInput, Plp, PublicPlp, TransitionInput } from './model.ts';
import type { DirectoryStore, PlpHistoryEntry } from './ports.ts';
import { assertAdministersCommune, assertGroup, loadScope } from './scope.ts';

export type DirectoryDeps = { store: DirectoryStore; publish: EventPublisher; now: () => Date; newId?: () => string };

const callerId = (caller: Caller) => principalIdsOf(caller)[0] as string;

/** A region administrator registers a commune and, optionally, its commune administrators. */
export async function createCommune(
  input: CreateCommuneInput,
  caller: Caller,
  d: Pick<DirectoryDeps, 'store' | 'now'>,
): Promise<Commune> {
  assertGroup(caller, 'region_admin');
  const commune: Commune = {
    nis: input.nis,
    name: input.name,
    languages: [...new Set(input.languages)],
    policeZone: input.policeZone,
    createdAt: d.now().toISOString(),
  };
  // The same administrator named twice (or in another case) is one assignment: a transaction may not write it twice.
  await d.store.createCommune(commune, [...new Set((input.admins ?? []).map(principalId))]);
  return commune;
}

/**
 * An administrator of the commune creates a PLP in `preparation`, with its coordinators and mandated
 * officers. Emits PlpStatusChanged (null → preparation).
 */
export async function createPlp(input: CreatePlpInput, caller: Caller, d: DirectoryDeps): Promise<Plp> {
  assertGroup(caller, 'region_admin', 'commune_admin');
  const scope = await loadScope(caller, d.store);
  assertAdministersCommune(caller, scope, input.communeNis);
  const commune = await d.store.getCommune(input.communeNis);
  if (!commune) {
    throw new ValidationError('Unknown commune', [{ path: 'communeNis', message: 'no commune with this NIS code' }]);
  }
  const at = d.now().toISOString();
  const plp: Plp = {
    ...input,
    plpId: (d.newId ?? ulid)(),
    zone: { ...input.zone, postcodes: [...new Set(input.zone.postcodes)] },
    languages: input.languages ?? commune.languages,
    status: 'preparation',
    createdAt: at,
    updatedAt: at,
  };
  const assignments = [
    ...plp.coordinators.map((c) => ({ principal: principalId({ email: c.email }), role: 'coordinator' as Role })),
    ...plp.officers.map((o) => ({ principal: principalId(o), role: 'officer' as Role })),
  ];
  await d.store.createPlp(plp, dedupe(assignments));
  await publishStatusChange(d, plp, null, callerId(caller), at);
  return plp;
}

/** Moves a PLP along its life cycle. Illegal moves → 409; another commune's PLP → 404. */
export async function transitionPlp(
  plpId: string,
  input: TransitionInput,
  caller: Caller,
  d: DirectoryDeps,
): Promise<Plp> {
  assertGroup(caller, 'region_admin', 'commune_admin');
  const plp = await getAdministeredPlp(plpId, caller, d);
  checkTransition(plp.status, input.to, input.charterReference);
  const at = d.now().toISOString();
  const updated = await d.store.updatePlpStatus(plpId, plp.status, {
    status: input.to,
    updatedAt: at,
    charterReference: input.charterReference ?? plp.charterReference,
  });
  await publishStatusChange(d, updated, plp.status, callerId(caller), at);
  return updated;
}

/** A PLP as its administrators see it, with its life-cycle history. */
export async function getPlpForAdmin(plpId: string, caller: Caller, d: Pick<DirectoryDeps, 'store'>) {
  assertGroup(caller, 'region_admin', 'commune_admin');
  const plp = await getAdministeredPlp(plpId, caller, d);
  return { ...plp, history: await d.store.listHistory(plpId) };
}

async function getAdministeredPlp(plpId: string, caller: Caller, d: Pick<DirectoryDeps, 'store'>): Promise<Plp> {
  const [plp, scope] = await Promise.all([d.store.getPlp(plpId), loadScope(caller, d.store)]);
  if (!plp) throw new NotFoundError('PLP not found');
  assertAdministersCommune(caller, scope, plp.communeNis, 'PLP');
  return plp;
}

/** Launched PLPs whose zone includes the postcode, for residents looking for their PLP. */
export async function findLaunchedPlps(postcode: string, d: Pick<DirectoryDeps, 'store'>): Promise<PublicPlp[]> {
  const plps = (await d.store.getPlps(await d.store.plpIdsByPostcode(postcode))).filter((p) => p.status === 'launched');
  const communes = new Map(
    (await d.store.getCommunes([...new Set(plps.map((p) => p.communeNis))])).map((c) => [c.nis, c]),
  );
  return plps
    .map((p) => {
      const commune = communes.get(p.communeNis);
      const communeName = commune ? (commune.languages.map((l) => commune.name[l]).find(Boolean) ?? '') : '';
      return {
        id: p.plpId,
        code: p.code,
        name: p.name,
        commune: { nis: p.communeNis, name: communeName },
        type: p.type,
        languages: p.languages,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Consumer of PlpStatusChanged: keeps the audit history of a PLP (idempotent on the event's key). */
export async function recordPlpHistory(entry: PlpHistoryEntry & { plpId: string }, d: Pick<DirectoryDeps, 'store'>) {
  const { plpId, ...rest } = entry;
  await d.store.appendHistory(plpId, rest);
}

async function publishStatusChange(d: DirectoryDeps, plp: Plp, from: Plp['status'] | null, by: string, at: string) {
  await d.publish(
    PlpStatusChanged,
    {
      plpId: plp.plpId,
      communeNis: plp.communeNis,
      from,
      to: plp.status,
      by,
      ...(plp.status === 'charter_approved' && plp.charterReference ? { charterReference: plp.charterReference } : {}),
    },
    { idempotencyKey: `plp-status:${plp.plpId}:${plp.updatedAt}:${plp.status}`, occurredAt: at },
  );
}

function dedupe<T extends { principal: string; role: Role }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(`${i.role}|${i.principal}`) && seen.add(`${i.role}|${i.principal}`));
}
