/** Bodies of the public enrolment and member routes (see API.md, "Public routes"). */
import * as z from '../zod.ts';
import { IdInput, Postcode, Ulid } from '../directory/scalars.ts';
import { Language } from '../i18n/languages.ts';
import { requiredField } from '../i18n/problems.ts';
import { withHouseNumber } from './address.ts';

/** Version of the consent text shown on the enrolment form; stored with each enrolment. */
export const CONSENT_TEXT_VERSION = '2026-11-v1';

export const Channel = z.enum(['sms', 'email']);
export type Channel = z.infer<typeof Channel>;

/** The member field holding each channel's contact. */
export const CONTACT_FIELD = { sms: 'phone', email: 'email' } as const satisfies Record<Channel, string>;

export const Channels = z.array(Channel).check(
  // More than two always repeats one: the same message, once.
  z.maxLength(2, { error: 'each channel at most once', abort: true }),
  z.minLength(1, 'choose at least one channel'),
  z.refine((cs) => new Set(cs).size === cs.length, 'each channel at most once'),
);

/** An e-mail address, stored in lower case. */
export const EmailInput = z.pipe(
  z.email().check(z.maxLength(254)),
  z.transform((e) => e.toLowerCase()),
);

/**
 * A resident's address. The house number may be typed at the end of the street ("Rue des Alliés 12",
 * "Kerkstraat 12 bus 3"): it is then split out (shared/enrolment/address.ts), so `number` is needed only when
 * the street carries none.
 */
export const EnrolmentAddress = z.pipe(
  z.strictObject({
    street: z.string().check(z.trim(), z.minLength(1, 'give the street'), z.maxLength(120)),
    number: z.optional(z.string().check(z.trim(), z.maxLength(10))),
    postcode: Postcode,
  }),
  z.transform((typed, ctx) => {
    const { number, ...address } = withHouseNumber(typed);
    if (number !== undefined) return { ...address, number };
    const params = { field: requiredField };
    ctx.issues.push({ code: 'custom', path: ['number'], message: 'give the house number', input: typed, params });
    return z.NEVER;
  }),
);

/** The 6-digit code, as people type it: spaces, dashes or dots between the digits are dropped (`123 456`, `12-34-56`). */
const Code = z.pipe(
  z
    .string()
    .check(
      z.regex(/^[\s.\-‐‑–—]*(?:\d[\s.\-‐‑–—]*){6}$/, { error: 'the code has six digits', abort: true }),
      z.maxLength(20),
    ),
  z.transform((s) => s.replace(/\D/g, '')),
);

/** The code; an enrolment started by SMS (JOIN) also gives its name and address here. */
export const ConfirmInput = z.strictObject({
  code: Code,
  name: z.optional(z.string().check(z.trim(), z.minLength(1, 'give your name'), z.maxLength(120))),
  address: z.optional(EnrolmentAddress),
});
export type ConfirmInput = z.infer<typeof ConfirmInput>;

/** A phone number or an e-mail address; which one is decided by the handler. */
export const MemberLinkInput = z.strictObject({
  contact: z.string().check(z.trim(), z.minLength(1), z.maxLength(254)),
});
export type MemberLinkInput = z.infer<typeof MemberLinkInput>;

export const UpdateMeInput = z
  .strictObject({
    language: z.optional(Language),
    channels: z.optional(Channels),
    /** Rectification (GDPR) of the name given at enrolment. */
    name: z.optional(z.string().check(z.trim(), z.minLength(1, 'give your name'), z.maxLength(120))),
  })
  .check(
    z.refine(
      (v) => v.language !== undefined || v.channels !== undefined || v.name !== undefined,
      'give language, channels or name',
    ),
  );
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

/** Rectification of the address held for one PLP (still in that PLP's zone). */
export const UpdateMembershipInput = z.strictObject({ address: EnrolmentAddress });
export type UpdateMembershipInput = z.infer<typeof UpdateMembershipInput>;

export const EnrolmentIdParams = z.strictObject({ enrolmentId: IdInput });

export const DecisionInput = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const CoordinatorEnrolmentsQuery = z.strictObject({
  status: z._default(z.literal('pending_approval'), 'pending_approval'),
  plpId: z.optional(IdInput),
});

export const CoordinatorMembersQuery = z.strictObject({
  plpId: IdInput,
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

/** What a member sees of themselves (GET /public/me). */
export const MeView = z.object({
  memberId: Ulid,
  plps: z.array(z.object({ id: Ulid, name: z.string().check(z.maxLength(120)) })),
  name: z.string().check(z.maxLength(120)),
  language: Language,
  channels: z.array(Channel).check(z.maxLength(2)),
  /** E.164 */
  phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{1,14}$/), z.maxLength(16))),
  email: z.optional(EmailInput),
  status: z.enum(['active', 'left']),
});
export type MeView = z.infer<typeof MeView>;

export const ConfirmContactInput = z.strictObject({ code: Code });
