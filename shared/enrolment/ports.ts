import type { Language } from '../i18n/languages.ts';
import type { StoredCode } from './codes.ts';
import type { LimitDecision, LimitRule, TokenBucket } from './limits.ts';
import type { Channel } from './model.ts';
import type { Address } from './zone.ts';

export type EnrolmentStatus = 'pending_confirmation' | 'pending_approval' | 'active' | 'rejected' | 'locked';
/** The contacts an enrolment may give; each is confirmed on its own (API.md, "Contacts"). */
export type ContactKind = 'phone' | 'email';
/** A code sent to one contact: its hash and expiry (attempts are counted on the enrolment, for all its codes). */
export type ContactCode = Omit<StoredCode, 'attempts'>;
export type Consent = { textVersion: string; at: string; via: 'web' | 'sms' };

/**
 * An enrolment request. Its contact data (name, address, phone, email) is held only until it is
 * decided: activation moves it to the member, rejection drops it. `version` guards every update.
 */
export type Enrolment = {
  enrolmentId: string;
  plpId: string;
  via: 'web' | 'sms';
  status: EnrolmentStatus;
  language: Language;
  channels: Channel[];
  consent: Consent;
  name?: string;
  /** Missing for enrolments started by SMS until the resident completes them. */
  address?: Address;
  phone?: string;
  email?: string;
  /**
   * The contact whose confirmation moves the enrolment on: the phone when a code could be texted to it,
   * else the e-mail address.
   */
  primary: ContactKind;
  /** The codes still waiting, one per contact given; a confirmed contact's code is gone. */
  codes?: Partial<Record<ContactKind, ContactCode>>;
  /** Codes tried so far, whichever contact they were meant for: MAX_CODE_ATTEMPTS wrong ones lock. */
  codeAttempts: number;
  /** When each contact was confirmed; an unconfirmed contact is never matched, stored on a member or messaged. */
  confirmed?: Partial<Record<ContactKind, string>>;
  createdAt: string;
  updatedAt: string;
  confirmedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  memberId?: string;
  /** The coordinator's note on a decision. */
  note?: string;
  version: number;
};

/** A person reached by the platform; one per contact (phone or e-mail), possibly in several PLPs. */
export type Member = {
  memberId: string;
  name: string;
  language: Language;
  channels: Channel[];
  phone?: string;
  email?: string;
  status: 'active' | 'left';
  /** Hashes of the member tokens issued (newest last); a token is valid while its hash is here. */
  tokenHashes: string[];
  /**
   * A new phone number or e-mail address waiting for its code (double opt-in of a contact change), or the
   * e-mail given at enrolment beside a phone and not yet confirmed when the member was activated (`enrolmentId`
   * says which enrolment; its code still confirms it there). Never used, shown or exported until confirmed.
   */
  pendingContact?: { channel: Channel; value: string; code: StoredCode; enrolmentId?: string };
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** A member's place in one PLP. */
export type Membership = {
  memberId: string;
  plpId: string;
  enrolmentId: string;
  address: Address;
  consent: Consent;
  joinedAt: string;
  approvedBy?: string;
};

/** One write of a member and what hangs on it, all or nothing. Conflicts (stale version, taken contact) → ConflictError. */
export type MemberChange = {
  member: Member;
  /** The version read before the change; null when the member is new. */
  expectedVersion: number | null;
  putMemberships?: Membership[];
  deleteMemberships?: string[];
  /** Contact hashes to point at this member (must be free or already this member's). */
  addContacts?: string[];
  removeContacts?: string[];
  addTokens?: string[];
  removeTokens?: string[];
  /** The enrolment that caused the change, written in the same transaction. */
  enrolment?: { next: Enrolment; expectedVersion: number };
};

export type Page<T> = { items: T[]; cursor?: string };

/** Enrolment requests (keys in shared/table/keys.ts). */
export type EnrolmentStore = {
  /**
   * Stores a new enrolment; with `unique`, also claims its guard (one enrolment per PLP and contact while
   * its code is valid), all or nothing: a guard held by another live enrolment → ConflictError, unless it
   * is held by `replaces` (an enrolment that has moved on).
   */
  createEnrolment(enrolment: Enrolment, unique?: { guardHash: string; until: Date; replaces?: string }): Promise<void>;
  /** The enrolment holding a guard, while the guard is live. */
  pendingEnrolmentFor(guardHash: string, now: Date): Promise<string | undefined>;
  getEnrolment(enrolmentId: string): Promise<Enrolment | undefined>;
  /** Replaces the enrolment if it is still at `expectedVersion`; otherwise ConflictError. */
  updateEnrolment(next: Enrolment, expectedVersion: number): Promise<void>;
  enrolmentsOf(plpId: string, status: EnrolmentStatus): Promise<Enrolment[]>;
  /**
   * Counts one attempt at the enrolment's codes, atomically, if it still has codes, is waiting for
   * confirmation or approval, and has made fewer than `max` attempts: the enrolment with the new count, or
   * undefined when no attempt is left (no code is then compared). The count is not a version change.
   */
  countCodeAttempt(enrolmentId: string, max: number): Promise<Enrolment | undefined>;
  /**
   * Undoes an enrolment whose code could not be sent: deletes it, and its guard if the guard still names it.
   * Nothing personal is kept.
   */
  discardEnrolment(enrolmentId: string, guardHash?: string): Promise<void>;
};

/** Members with their memberships, contact and token entries. */
export type MemberStore = {
  memberIdByContact(contactHash: string): Promise<string | undefined>;
  memberIdByToken(tokenHash: string): Promise<string | undefined>;
  getMember(memberId: string): Promise<{ member: Member; memberships: Membership[] } | undefined>;
  getMembers(memberIds: string[]): Promise<Member[]>;
  membershipsOf(plpId: string, limit: number, cursor?: string): Promise<Page<Membership>>;
  writeMember(change: MemberChange): Promise<void>;
  /** Deletes the member, their memberships, contact and token entries. */
  eraseMember(member: Member, memberships: Membership[], contactHashes: string[]): Promise<void>;
  /** As countCodeAttempt, for the code of the member's pending contact change: the member, or undefined. */
  countContactCodeAttempt(memberId: string, max: number): Promise<Member | undefined>;
};

/** Sliding-window send counts (per contact, per client address). */
export type LimitStore = {
  /** Counts one send under the rules if allowed now; the decision either way. */
  consumeLimit(kind: string, keyHash: string, rules: readonly LimitRule[], now: Date): Promise<LimitDecision>;
  /** Takes one token of the key's bucket if there is one (atomically); the decision either way. */
  takeToken(kind: string, keyHash: string, bucket: TokenBucket, now: Date): Promise<LimitDecision>;
  /** Gives back the send counted at `at` by consumeLimit (the message could not be sent). */
  refundLimit(kind: string, keyHash: string, at: Date): Promise<void>;
};

/** Once-only markers: a message or delivery handled once, an opt-out remembered. */
export type OnceStore = {
  /** True the first time for (scope, id) within ttlSeconds; false after. */
  claimOnce(scope: string, id: string, ttlSeconds: number, now: Date): Promise<boolean>;
  releaseOnce(scope: string, id: string): Promise<void>;
  /** Whether (scope, id) is claimed and not expired. */
  isClaimed(scope: string, id: string, now: Date): Promise<boolean>;
};
