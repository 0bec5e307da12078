import { ulid } from 'ulid';
import type { EventPublisher } from '../../events/define-event.ts';
import { PlpStatusChanged } from '../../events/directory/plp-status-changed.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { invalidPageTokenField, invalidPageTokenProblem, notFoundProblem } from '../i18n/problems.ts';
import { principalId, type Role } from './identity.ts';
import { type Caller, principalIdsOf } from './caller.ts';
import { checkTransition } from './lifecycle.ts';
import { assertPostcodesOfCommune } from './postcode-rule.ts';
import { unknownCommuneField, unknownCommuneProblem } from './problems.ts';
import type {
  AdminCommunesQuery,
  AdminPlpsQuery,
  Commune,
  CreateCommuneInput,
  CreatePlpInput,
  Plp,
  PublicPlp,
  TransitionInput,
} from './model.ts';
import type { DirectoryStore, PlpHistoryEntry } from './ports.ts';
import { assertAdministersCommune, assertGroup, canAdministerCommune, loadScope } from './scope.ts';

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
    throw new ValidationError(unknownCommuneProblem, [{ path: 'communeNis', kind: unknownCommuneField }]);
  }
  assertPostcodesOfCommune(input);
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
  if (!plp) throw new NotFoundError(notFoundProblem);
  assertAdministersCommune(caller, scope, plp.communeNis);
  return plp;
}

/**
 * The communes the caller administers, in NIS order: every commune for a region administrator, those
 * assigned to a commune administrator. `nextToken` (when more may follow) continues after the last one.
 */
export async function listAdministeredCommunes(
  query: AdminCommunesQuery,
  caller: Caller,
  d: Pick<DirectoryDeps, 'store'>,
): Promise<{ items: Commune[]; nextToken?: string }> {
  assertGroup(caller, 'region_admin', 'commune_admin');
  const after = query.nextToken ? readToken(query.nextToken, 'communes') : undefined;
  const scope = await loadScope(caller, d.store);
  let items: Commune[];
  if (scope.isRegionAdmin) {
    // One more than asked tells whether a next page exists, so no token leads to an empty page.
    items = (await d.store.listCommunes({ limit: query.limit + 1, ...(after ? { after } : {}) })).items;
  } else {
    const nis = [
      ...new Set(scope.assignments.filter((a) => canAdministerCommune(caller, scope, a.scopeId)).map((a) => a.scopeId)),
    ]
      .filter((n) => after === undefined || n > after)
      .sort()
      .slice(0, query.limit + 1);
    items = (await d.store.getCommunes(nis)).sort((a, b) => (a.nis < b.nis ? -1 : 1));
  }
  return page(items, query.limit, (c) => writeToken('communes', c.nis));
}

/**
 * PLPs of a commune the caller administers (404 otherwise), newest first, only those in `status` when given.
 * `nextToken` continues after the last one and holds to the same commune.
 */
export async function listAdministeredPlps(
  query: AdminPlpsQuery,
  caller: Caller,
  d: Pick<DirectoryDeps, 'store'>,
): Promise<{ items: Plp[]; nextToken?: string }> {
  assertGroup(caller, 'region_admin', 'commune_admin');
  const after = query.nextToken ? readToken(query.nextToken, `plps:${query.communeNis}`) : undefined;
  assertAdministersCommune(caller, await loadScope(caller, d.store), query.communeNis);
  const { items } = await d.store.plpsOfCommune(query.communeNis, {
    limit: query.limit + 1,
    ...(after ? { after } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  return page(items, query.limit, (p) => writeToken(`plps:${query.communeNis}`, p.plpId));
}

function page<T>(items: T[], limit: number, token: (last: T) => string): { items: T[]; nextToken?: string } {
  if (items.length <= limit) return { items };
  const shown = items.slice(0, limit);
  return { items: shown, nextToken: token(shown[limit - 1] as T) };
}

/**
 * A page token: base64url of `{"l": list, "a": last id}`, where the list names what was listed (`communes`,
 * or `plps:<nis>`). A token of another list, or one edited into anything else, is a 400, never a store error.
 */
const writeToken = (list: string, after: string) =>
  Buffer.from(JSON.stringify({ l: list, a: after })).toString('base64url');

function readToken(token: string, list: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { l, a } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (l !== list || typeof a !== 'string' || !/^[\w-]{1,64}$/.test(a))
    throw new ValidationError(invalidPageTokenProblem, [{ path: 'query.nextToken', kind: invalidPageTokenField }]);
  return a;
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
