import * as z from '../zod.ts';
import { Language, OfficialLanguage } from '../i18n/languages.ts';
import { IdInput, Postcode, Ulid } from './scalars.ts';

export { IdInput, Postcode, Ulid };

/*
 * The maxLength after a pattern that already fixes the length never fails (the pattern aborts first); it
 * states the bound in the OpenAPI document, where Spectral's OWASP rules want maxLength on every string.
 */
/** A NIS (INS) code of a commune: five digits. */
export const NisCode = z
  .string()
  .check(z.regex(/^\d{5}$/, { error: 'a NIS code has five digits', abort: true }), z.maxLength(5));
export const PlpCode = z.string().check(
  z.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, {
    error: 'upper-case letters, digits and hyphens, 3 to 40 characters',
    abort: true,
  }),
  z.maxLength(40),
);
export const Email = z.pipe(
  z.email().check(z.maxLength(254)),
  z.transform((e) => e.toLowerCase()),
);

/** A time as answers carry it: ISO 8601 in UTC, as `Date.toISOString()` writes it. */
export const Timestamp = z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), z.maxLength(24));
/** A name or label given in one of the administration's bodies. */
const Label = z.string().check(z.minLength(1), z.maxLength(120));

export const PrincipalInput = z.union([
  z.strictObject({ sub: z.string().check(z.minLength(1), z.maxLength(128)) }),
  z.strictObject({ email: Email }),
]);

export const CreateCommuneInput = z.strictObject({
  nis: NisCode,
  name: z
    .partial(
      z.strictObject({
        fr: z.string().check(z.minLength(1), z.maxLength(120)),
        nl: z.string().check(z.minLength(1), z.maxLength(120)),
        de: z.string().check(z.minLength(1), z.maxLength(120)),
      }),
    )
    .check(z.refine((n) => Object.keys(n).length > 0, 'give the name in at least one language')),
  languages: z.array(OfficialLanguage).check(z.minLength(1), z.maxLength(3)),
  policeZone: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Commune administrators, by token sub or e-mail. */
  admins: z.optional(z.array(PrincipalInput).check(z.maxLength(20))),
});
export type CreateCommuneInput = z.infer<typeof CreateCommuneInput>;

export const Commune = z.object({
  nis: NisCode,
  name: CreateCommuneInput.shape.name,
  languages: z.array(OfficialLanguage).check(z.maxLength(3)),
  policeZone: Label,
  createdAt: Timestamp,
});
export type Commune = z.infer<typeof Commune>;

export const PlpType = z.enum(['residents', 'independents']);
export const DispatchMode = z.enum(['direct', 'via_coordinator']);
const PLP_STATUSES = [
  'preparation',
  'information_session',
  'charter_submitted',
  'charter_approved',
  'launched',
  'suspended',
  'dissolved',
] as const;
export const PlpStatus = z.enum(PLP_STATUSES);
export type PlpStatus = z.infer<typeof PlpStatus>;

export const Coordinator = z.strictObject({
  email: Email,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  language: Language,
});
export type Coordinator = z.infer<typeof Coordinator>;

const StreetName = z.string().check(z.minLength(1), z.maxLength(120));
/** A street of a zone: one name, or its name per language (either matches an address). */
export const ZoneStreet = z.union([
  StreetName,
  z
    .strictObject({ fr: z.optional(StreetName), nl: z.optional(StreetName), de: z.optional(StreetName) })
    .check(z.refine((n) => Object.values(n).some(Boolean), 'give the name in at least one language')),
]);

export const Zone = z.strictObject({
  postcodes: z.array(Postcode).check(z.minLength(1), z.maxLength(50)),
  /**
   * When present, only these streets are in the zone (compared as people write them: shared/enrolment/zone.ts).
   * Each is a name, or its name in each of the commune's languages: `{"fr": "Rue de la Loi", "nl": "Wetstraat"}`.
   */
  streets: z.optional(z.array(ZoneStreet).check(z.maxLength(500))),
});

export const CreatePlpInput = z.strictObject({
  communeNis: NisCode,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  code: PlpCode,
  type: PlpType,
  zone: Zone,
  dispatchMode: DispatchMode,
  requiresApproval: z.boolean(),
  smsMonthlyBudgetEur: z.optional(z.number().check(z.gte(0), z.lte(100_000))),
  /** Languages of the PLP's messages; the commune's official languages when absent. */
  languages: z.optional(z.array(OfficialLanguage).check(z.minLength(1), z.maxLength(3))),
  coordinators: z.array(Coordinator).check(z.maxLength(10)),
  officers: z.array(PrincipalInput).check(z.maxLength(20)),
});
export type CreatePlpInput = z.infer<typeof CreatePlpInput>;

export const Plp = z.object({
  plpId: Ulid,
  communeNis: NisCode,
  name: Label,
  code: PlpCode,
  type: PlpType,
  zone: Zone,
  dispatchMode: DispatchMode,
  requiresApproval: z.boolean(),
  smsMonthlyBudgetEur: z.optional(z.number()),
  languages: z.array(OfficialLanguage).check(z.maxLength(3)),
  coordinators: CreatePlpInput.shape.coordinators,
  officers: CreatePlpInput.shape.officers,
  status: PlpStatus,
  charterReference: z.optional(Label),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Plp = z.infer<typeof Plp>;

/** Every status but `preparation`, where a PLP only starts. */
const [, ...LATER_STATUSES] = PLP_STATUSES;

export const TransitionInput = z.strictObject({
  to: z.enum(LATER_STATUSES),
  charterReference: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

/** An opaque page token from a previous answer (shared/directory/use-cases.ts says what it holds). */
const NextToken = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[\w-]*$/, 'not a page token'));
const PageLimit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50);

export const AdminCommunesQuery = z.strictObject({ limit: PageLimit, nextToken: z.optional(NextToken) });
export type AdminCommunesQuery = z.infer<typeof AdminCommunesQuery>;

export const AdminPlpsQuery = z.strictObject({
  communeNis: NisCode,
  status: z.optional(PlpStatus),
  limit: PageLimit,
  nextToken: z.optional(NextToken),
});
export type AdminPlpsQuery = z.infer<typeof AdminPlpsQuery>;

/** A page holds at most `limit` (≤ 100) items. */
export const CommunePage = z.object({
  items: z.array(Commune).check(z.maxLength(100)),
  nextToken: z.optional(NextToken),
});
export const PlpPage = z.object({ items: z.array(Plp).check(z.maxLength(100)), nextToken: z.optional(NextToken) });

export const PlpIdParams = z.strictObject({ plpId: IdInput });
export const PostcodeQuery = z.strictObject({ postcode: Postcode });

export const PublicPlp = z.object({
  id: Ulid,
  code: PlpCode,
  name: Label,
  commune: z.object({ nis: NisCode, name: Label }),
  type: PlpType,
  languages: z.array(OfficialLanguage).check(z.maxLength(3)),
});
export type PublicPlp = z.infer<typeof PublicPlp>;
