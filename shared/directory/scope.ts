import { ForbiddenError, NotFoundError } from '../errors.ts';
import { notFoundProblem, roleRequiredProblem } from '../i18n/problems.ts';
import type { Role } from './identity.ts';
import { type Caller, emailPrincipalOf, hasGroup, subPrincipalOf } from './caller.ts';
import type { Assignment, DirectoryStore } from './ports.ts';

/**
 * Object-level authorisation from the directory's assignments. A caller outside the scope of an object
 * gets NotFoundError (404), so that ids of other communes and PLPs are never confirmed to exist.
 */
export type Scope = { isRegionAdmin: boolean; assignments: Assignment[] };

/** What loadScope reads, and (when the function may write the table) how it binds e-mail assignments. */
export type ScopeStore = Pick<DirectoryStore, 'assignmentsOf' | 'bindAssignments'>;

/**
 * The caller's assignments: those held by their `sub`, and those an administrator made to their verified
 * e-mail. The first time e-mail assignments are found they are bound to the `sub` (moved under it), so a
 * later change of the account's e-mail does not carry them and no other account can claim them with that
 * address. A store without `bindAssignments` (a function that only reads the table) still honours them
 * and leaves the binding to the caller's next request to a function that writes.
 */
export async function loadScope(caller: Caller, store: ScopeStore): Promise<Scope> {
  const own = subPrincipalOf(caller);
  const byEmail = emailPrincipalOf(caller);
  const [held, named] = await Promise.all([
    store.assignmentsOf([own]),
    byEmail ? store.assignmentsOf([byEmail]) : Promise.resolve([]),
  ]);
  if (byEmail && named.length && store.bindAssignments) await store.bindAssignments(byEmail, own);
  const seen = new Set(held.map((a) => `${a.role}#${a.scopeId}`));
  return {
    isRegionAdmin: hasGroup(caller, 'region_admin'),
    assignments: [...held, ...named.filter((a) => !seen.has(`${a.role}#${a.scopeId}`))],
  };
}

const holds = (scope: Scope, role: Role, scopeId: string) =>
  scope.assignments.some((a) => a.role === role && a.scopeId === scopeId);

/** Region admins administer every commune; commune admins only the communes assigned to them. */
export function canAdministerCommune(caller: Caller, scope: Scope, nis: string): boolean {
  if (scope.isRegionAdmin) return true;
  return hasGroup(caller, 'commune_admin') && holds(scope, 'commune_admin', nis);
}

export function assertAdministersCommune(caller: Caller, scope: Scope, nis: string): void {
  if (!canAdministerCommune(caller, scope, nis)) throw new NotFoundError(notFoundProblem);
}

/** PLP ids where the caller holds the role (officer: police group; coordinator: coordinator group). */
export function plpIdsFor(caller: Caller, scope: Scope, role: 'officer' | 'coordinator'): string[] {
  const group = role === 'officer' ? 'police' : 'coordinator';
  if (!hasGroup(caller, group)) return [];
  return scope.assignments.filter((a) => a.role === role).map((a) => a.scopeId);
}

export function assertPlpRole(caller: Caller, scope: Scope, role: 'officer' | 'coordinator', plpId: string): void {
  if (!plpIdsFor(caller, scope, role).includes(plpId)) throw new NotFoundError(notFoundProblem);
}

export function assertGroup(caller: Caller, ...groups: Parameters<typeof hasGroup>[1][]): void {
  if (!hasGroup(caller, ...groups))
    throw new ForbiddenError(roleRequiredProblem, { vars: { roles: groups.join(', ') } });
}
