import * as z from '../zod.ts';
import { Language, OfficialLanguage } from '../i18n/languages.ts';

/**
 * A Belgian postcode: four digits, 1000–9999, given on as those four digits. Accepted as people type it:
 * `1082`, ` 1082 `, `B-1082`, `B 1082`, `B1082`, `BE-1082`.
 */
export const Postcode = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^(?:BE?\s?-?\s?)?[1-9]\d{3}$/i, { error: 'a Belgian postcode has four digits', abort: true }),
      z.maxLength(9),
    ),
  z.transform((s) => s.slice(-4)),
);
/** A NIS (INS) code of a commune: five digits. */
export const NisCode = z.string().check(z.regex(/^\d{5}$/, 'a NIS code has five digits'));
export const PlpCode = z
  .string()
  .check(z.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'upper-case letters, digits and hyphens, 3 to 40 characters'));
export const Email = z.pipe(
  z.email().check(z.maxLength(254)),
  z.transform((e) => e.toLowerCase()),
);

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
  languages: z.array(OfficialLanguage),
  policeZone: z.string(),
  createdAt: z.string(),
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
  plpId: z.string(),
  communeNis: NisCode,
  name: z.string(),
  code: PlpCode,
  type: PlpType,
  zone: Zone,
  dispatchMode: DispatchMode,
  requiresApproval: z.boolean(),
  smsMonthlyBudgetEur: z.optional(z.number()),
  languages: z.array(OfficialLanguage),
  coordinators: z.array(Coordinator),
  officers: z.array(PrincipalInput),
  status: PlpStatus,
  charterReference: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
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
const NextToken = z.string().check(z.minLength(1), z.maxLength(512));
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

export const CommunePage = z.object({ items: z.array(Commune), nextToken: z.optional(z.string()) });
export const PlpPage = z.object({ items: z.array(Plp), nextToken: z.optional(z.string()) });

export const PlpIdParams = z.strictObject({ plpId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const PostcodeQuery = z.strictObject({ postcode: Postcode });

export const PublicPlp = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  commune: z.object({ nis: z.string(), name: z.string() }),
  type: PlpType,
  languages: z.array(OfficialLanguage),
});
export type PublicPlp = z.infer<typeof PublicPlp>;
