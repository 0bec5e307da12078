import { communeExistsProblem, plpCodeTakenProblem } from '../../../shared/directory/problems.ts';
import type { Commune, Plp } from '../../../shared/directory/model.ts';
import type { Assignment, DirectoryStore, PlpHistoryEntry } from '../../../shared/directory/ports.ts';
import { ConflictError } from '../../../shared/errors.ts';
import type { Role } from '../../../shared/directory/identity.ts';
import { assertNoRepeats, copy, sortedBy } from './copy.ts';

/**
 * An in-memory DirectoryStore with the rules of dynamoDirectoryStore: commune ids, PLP ids and PLP codes (in
 * any case) are unique, a create is all or nothing, a status changes only from the expected one, a history
 * entry is kept once per eventId, a bind moves every assignment of one principal to another, and lists come in the table's key order. Like DynamoDB it refuses a request
 * naming one item twice (a repeated id in a batch read, a repeated assignment in a create). It passes the same contract suite
 * (test/support/contracts/directory-store.contract.ts).
 */
export function fakeDirectoryStore(): DirectoryStore {
  const communes = new Map<string, Commune>();
  const plps = new Map<string, Plp>();
  /** Upper-case PLP code → plpId. */
  const codes = new Map<string, string>();
  /** Postcode → plpIds. */
  const postcodes = new Map<string, Set<string>>();
  /** Principal → `${role}#${scopeId}` → assignment. */
  const assignments = new Map<string, Map<string, Assignment>>();
  /** plpId → eventId → entry. */
  const history = new Map<string, Map<string, PlpHistoryEntry>>();

  const within = <C>(outer: Map<string, C>, key: string, empty: () => C) => {
    if (!outer.has(key)) outer.set(key, empty());
    return outer.get(key)!;
  };
  const assign = (principal: string, role: Role, scopeId: string) =>
    within(assignments, principal, () => new Map()).set(`${role}#${scopeId}`, { role, scopeId });
  const batchGet = <T>(ids: string[], from: Map<string, T>) => {
    assertNoRepeats(ids, 'BatchGet');
    return ids.flatMap((id) => (from.has(id) ? [copy(from.get(id)!)] : []));
  };

  return {
    async createCommune(commune, admins) {
      assertNoRepeats(admins, 'createCommune (TransactWrite)');
      if (communes.has(commune.nis)) throw new ConflictError(communeExistsProblem, { vars: { nis: commune.nis } });
      communes.set(commune.nis, copy(commune));
      for (const a of admins) assign(a, 'commune_admin', commune.nis);
    },

    getCommune: async (nis) => copy(communes.get(nis)),

    async createPlp(plp, list) {
      assertNoRepeats(plp.zone.postcodes, 'createPlp (TransactWrite)');
      assertNoRepeats(
        list.map((a) => `${a.principal}#${a.role}`),
        'createPlp (TransactWrite)',
      );
      if (plps.has(plp.plpId) || codes.has(plp.code.toUpperCase()))
        throw new ConflictError(plpCodeTakenProblem, { vars: { code: plp.code } });
      plps.set(plp.plpId, copy(plp));
      codes.set(plp.code.toUpperCase(), plp.plpId);
      for (const pc of plp.zone.postcodes) within(postcodes, pc, () => new Set()).add(plp.plpId);
      for (const a of list) assign(a.principal, a.role, plp.plpId);
    },

    getPlp: async (plpId) => copy(plps.get(plpId)),

    plpIdByCode: async (code) => codes.get(code.toUpperCase()),

    async updatePlpStatus(plpId, from, patch) {
      const current = plps.get(plpId);
      if (current?.status !== from) throw new ConflictError('The PLP changed meanwhile; read it again');
      const next: Plp = {
        ...current,
        status: patch.status,
        updatedAt: patch.updatedAt,
        ...(patch.charterReference ? { charterReference: patch.charterReference } : {}),
      };
      plps.set(plpId, copy(next));
      return copy(next);
    },

    plpIdsByPostcode: async (postcode) => sortedBy(postcodes.get(postcode)?.keys() ?? [], (id) => id),

    getPlps: async (plpIds) => batchGet(plpIds, plps),
    getCommunes: async (nis) => batchGet(nis, communes),

    assignmentsOf: async (principals) =>
      principals.flatMap((p) =>
        sortedBy(assignments.get(p)?.values() ?? [], (a) => `${a.role}#${a.scopeId}`).map(copy),
      ),

    async bindAssignments(from, to) {
      const held = sortedBy(assignments.get(from)?.values() ?? [], (a) => `${a.role}#${a.scopeId}`).map(copy);
      for (const a of held) assign(to, a.role, a.scopeId);
      assignments.delete(from);
      return held;
    },

    async appendHistory(plpId, entry) {
      const entries = within(history, plpId, () => new Map<string, PlpHistoryEntry>());
      if (!entries.has(entry.eventId)) entries.set(entry.eventId, copy(entry));
    },

    listHistory: async (plpId) => sortedBy(history.get(plpId)?.values() ?? [], (e) => e.eventId).map(copy),

    async listCommunes({ limit, after }) {
      const all = sortedBy(communes.values(), (c) => c.nis).filter((c) => after === undefined || c.nis > after);
      return { items: all.slice(0, limit).map(copy), more: all.length > limit };
    },

    async plpsOfCommune(nis, { limit, after, status }) {
      const all = sortedBy(
        [...plps.values()].filter((p) => p.communeNis === nis),
        (p) => p.plpId,
      )
        .reverse()
        .filter((p) => (after === undefined || p.plpId < after) && (!status || p.status === status));
      return { items: all.slice(0, limit).map(copy), more: all.length > limit };
    },
  };
}
