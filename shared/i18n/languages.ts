import * as z from '../zod.ts';

/** The languages members may choose. */
export const Language = z.enum(['fr', 'nl', 'de', 'en']);
export type Language = z.infer<typeof Language>;

/** A commune's official languages (language laws: NL, FR, DE; FR+NL in Brussels). */
export const OfficialLanguage = z.enum(['fr', 'nl', 'de']);
export type OfficialLanguage = z.infer<typeof OfficialLanguage>;
