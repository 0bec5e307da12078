import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Role } from './identity.ts';
import { type Caller, hasGroup, principalIdsOf } from './caller.ts';
import type { Assignment, DirectoryStore } from './ports.ts';

/**
 * Object-level authorisation from the directory's assignments. A caller outside the scope of an object
 * gets NotFoundError (404), so that ids of other communes and PLPs are never confirmed to exist.
 */
export type Scope = { isRegionAdmin: boolean; assignments: Assignment[] };

export async function loadScope(caller: Caller, store: Pick<DirectoryStore, 'assignmentsOf'>): Promise<Scope> {
  return {
    isRegionAdmin: hasGroup(caller, 'region_admin'),
    assignments: await store.assignmentsOf(principalIdsOf(caller)),
  };
}

const holds = (scope: Scope, role: Role, scopeId: string) =>
  scope.assignments.some((a) => a.role === role && a.scopeId === scopeId);

/** Region admins administer every commune; commune admins only the communes assigned to them. */
export function canAdministerCommune(caller: Caller, scope: Scope, nis: string): boolean {
  if (scope.isRegionAdmin) return true;
  return hasGroup(caller, 'commune_admin') && holds(scope, 'commune_admin', nis);
}

export function assertAdministersCommune(caller: Caller, scope: Scope, nis: string, what = 'Commune'): void {
  if (!canAdministerCommune(caller, scope, nis)) throw new NotFoundError(`${what} not found`);
}

/** PLP ids where the caller holds the role (officer: police group; coordinator: coordinator group). */
export function plpIdsFor(caller: Caller, scope: Scope, role: 'officer' | 'coordinator'): string[] {
  const group = role === 'officer' ? 'police' : 'coordinator';
  if (!hasGroup(caller, group)) return [];
  return scope.assignments.filter((a) => a.role === role).map((a) => a.scopeId);
}

export function assertPlpRole(caller: Caller, scope: Scope, role: 'officer' | 'coordinator', plpId: string): void {
  if (!plpIdsFor(caller, scope, role).includes(plpId)) throw new NotFoundError('PLP not found');
}

export function assertGroup(caller: Caller, ...groups: Parameters<typeof hasGroup>[1][]): void {
  if (!hasGroup(caller, ...groups))
    throw new ForbiddenError(`This action needs one of the roles: ${groups.join(', ')}`);
}
