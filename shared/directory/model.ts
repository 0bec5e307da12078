import * as z from 'zod';
import { Language, OfficialLanguage } from '../i18n/languages.ts';

/** A Belgian postcode: four digits, 1000–9999. */
export const Postcode = z.string().regex(/^[1-9]\d{3}$/, 'a Belgian postcode has four digits');
/** A NIS (INS) code of a commune: five digits. */
export const NisCode = z.string().regex(/^\d{5}$/, 'a NIS code has five digits');
export const PlpCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'upper-case letters, digits and hyphens, 3 to 40 characters');
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const PrincipalInput = z.union([
  z.strictObject({ sub: z.string().min(1).max(128) }),
  z.strictObject({ email: Email }),
]);

export const CreateCommuneInput = z.strictObject({
  nis: NisCode,
  name: z
    .strictObject({ fr: z.string().min(1).max(120), nl: z.string().min(1).max(120), de: z.string().min(1).max(120) })
    .partial()
    .refine((n) => Object.keys(n).length > 0, 'give the name in at least one language'),
  languages: z.array(OfficialLanguage).min(1).max(3),
  policeZone: z.string().min(1).max(120),
  /** Commune administrators, by token sub or e-mail. */
  admins: z.array(PrincipalInput).max(20).optional(),
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
export const PlpStatus = z.enum([
  'preparation',
  'information_session',
  'charter_submitted',
  'charter_approved',
  'launched',
  'suspended',
  'dissolved',
]);
export type PlpStatus = z.infer<typeof PlpStatus>;

export const Coordinator = z.strictObject({ email: Email, name: z.string().min(1).max(120), language: Language });
export type Coordinator = z.infer<typeof Coordinator>;

export const Zone = z.strictObject({
  postcodes: z.array(Postcode).min(1).max(50),
  /** When present, only these streets (compared without case and accents) are in the zone. */
  streets: z.array(z.string().min(1).max(120)).max(500).optional(),
});

export const CreatePlpInput = z.strictObject({
  communeNis: NisCode,
  name: z.string().min(1).max(120),
  code: PlpCode,
  type: PlpType,
  zone: Zone,
  dispatchMode: DispatchMode,
  requiresApproval: z.boolean(),
  smsMonthlyBudgetEur: z.number().min(0).max(100_000).optional(),
  /** Languages of the PLP's messages; the commune's official languages when absent. */
  languages: z.array(OfficialLanguage).min(1).max(3).optional(),
  coordinators: z.array(Coordinator).max(10),
  officers: z.array(PrincipalInput).max(20),
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
  smsMonthlyBudgetEur: z.number().optional(),
  languages: z.array(OfficialLanguage),
  coordinators: z.array(Coordinator),
  officers: z.array(PrincipalInput),
  status: PlpStatus,
  charterReference: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plp = z.infer<typeof Plp>;

export const TransitionInput = z.strictObject({
  to: PlpStatus.exclude(['preparation']),
  charterReference: z.string().min(1).max(120).optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

export const PlpIdParams = z.strictObject({ plpId: z.string().min(1).max(64) });
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
