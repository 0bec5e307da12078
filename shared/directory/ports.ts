import type { Role } from './identity.ts';
import type { Commune, Plp, PlpStatus } from './model.ts';

export type Assignment = { role: Role; scopeId: string };
export type PlpHistoryEntry = {
  eventId: string;
  from: PlpStatus | null;
  to: PlpStatus;
  by: string;
  at: string;
  charterReference?: string;
};

/** Storage of communes, PLPs and assignments. Conflicts (duplicate id or code, stale status) → ConflictError. */
export type DirectoryStore = {
  createCommune(commune: Commune, admins: string[]): Promise<void>;
  getCommune(nis: string): Promise<Commune | undefined>;
  /** Creates the PLP with its code reservation, postcode entries and assignments, all or nothing. */
  createPlp(plp: Plp, assignments: { principal: string; role: Role }[]): Promise<void>;
  getPlp(plpId: string): Promise<Plp | undefined>;
  plpIdByCode(code: string): Promise<string | undefined>;
  /** Changes the status only if it is still `from`; otherwise ConflictError. */
  updatePlpStatus(
    plpId: string,
    from: PlpStatus,
    patch: Pick<Plp, 'status' | 'updatedAt' | 'charterReference'>,
  ): Promise<Plp>;
  plpIdsByPostcode(postcode: string): Promise<string[]>;
  getPlps(plpIds: string[]): Promise<Plp[]>;
  getCommunes(nis: string[]): Promise<Commune[]>;
  /** Assignments held by any of these principal ids. */
  assignmentsOf(principals: string[]): Promise<Assignment[]>;
  /**
   * Moves every assignment held by `from` to `to` (puts the `to` items, deletes the `from` ones, a transaction
   * per batch) and answers what it moved. Idempotent: a second call, or one racing another, moves nothing
   * more and does not fail. Absent from the store of a function granted only `read` on the table
   * (shared/adapters/runtime.ts): such a function reads assignments and binds none.
   */
  bindAssignments?(from: string, to: string): Promise<Assignment[]>;
  /** Records one history entry; a repeated eventId is ignored (events may be delivered twice). */
  appendHistory(plpId: string, entry: PlpHistoryEntry): Promise<void>;
  listHistory(plpId: string): Promise<PlpHistoryEntry[]>;
  /** Communes in NIS order, from after `after` (a NIS code); `more` when some may follow the page. */
  listCommunes(page: { limit: number; after?: string }): Promise<{ items: Commune[]; more: boolean }>;
  /**
   * PLPs of a commune, newest first (descending plpId: ULIDs), from after `after` (a plpId), only those in
   * `status` when given; `more` when some may follow the page.
   */
  plpsOfCommune(
    nis: string,
    page: { limit: number; after?: string; status?: PlpStatus },
  ): Promise<{ items: Plp[]; more: boolean }>;
};
