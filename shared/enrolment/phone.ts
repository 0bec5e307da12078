/**
 * Phone numbers: accepted in national ('0470 12 34 56') or international ('+32470123456', '0032 470…')
 * form, stored as E.164. Only countries on the allow-list (default Belgium) are accepted.
 *
 * Parses with libphonenumber-js/core and the 'min' metadata of the allowed countries only
 * (phone-metadata.json, written by `npm run phone-metadata`): the metadata of every country would add about
 * 80 KB to each function that takes a phone number. 'min' checks Belgian number lengths and leading digits
 * well enough but does not tell number types, so `isMobile` relies on the numbering plan (Belgian mobiles
 * are +32 4xx xx xx xx).
 */
import {
  ParseError,
  parsePhoneNumberWithError,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import { type FieldKind, type ProblemKind, ValidationError, type Vars } from '../errors.ts';
import { requiredField, tooLongField } from '../i18n/problems.ts';
import phoneMetadata from './phone-metadata.json' with { type: 'json' };
import {
  countryNotAllowedField,
  countryNotAllowedProblem,
  invalidPhoneField,
  invalidPhoneProblem,
  notBelgianField,
  notBelgianProblem,
  phoneExtensionField,
} from './problems.ts';

export const DEFAULT_ALLOWED_COUNTRIES: readonly CountryCode[] = ['BE'];
const MAX_INPUT_LENGTH = 32;

function invalid(kind: FieldKind, vars?: Vars, problem: ProblemKind<400> = invalidPhoneProblem): never {
  throw new ValidationError(problem, [{ path: 'phone', kind, ...(vars ? { vars } : {}) }], vars ? { vars } : {});
}

/**
 * The number, or 'foreign' when it is international with a calling code the metadata does not know: a
 * country off the allow-list, refused as such (as with the full metadata) rather than as not a number.
 */
function parse(text: string, country: CountryCode, metadata: MetadataJson): PhoneNumber | 'foreign' | undefined {
  try {
    return parsePhoneNumberWithError(text, country, metadata);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return error.message === 'INVALID_COUNTRY' ? 'foreign' : undefined;
  }
}

/**
 * Parses a phone number and returns it in E.164, or throws ValidationError (path 'phone'). An allow-list
 * naming a country the metadata lacks is a deployment mistake: a plain Error, whatever the input.
 */
export function parsePhone(
  input: string,
  allowedCountries: readonly CountryCode[] = DEFAULT_ALLOWED_COUNTRIES,
  metadata: MetadataJson = phoneMetadata as unknown as MetadataJson,
): string {
  const missing = allowedCountries.filter((c) => !metadata.countries[c]);
  if (missing.length > 0) {
    throw new Error(
      `no phone metadata for ${missing.join(', ')}: regenerate the phone metadata with npm run phone-metadata -- ${allowedCountries.join(' ')}`,
    );
  }
  if (typeof input !== 'string' || input.trim() === '') invalid(requiredField);
  if (input.length > MAX_INPUT_LENGTH) invalid(tooLongField, { maximum: MAX_INPUT_LENGTH });
  const belgianOnly = allowedCountries.length === 1 && allowedCountries[0] === 'BE';
  const foreign: () => never = () =>
    belgianOnly
      ? invalid(notBelgianField, undefined, notBelgianProblem)
      : invalid(countryNotAllowedField, { countries: allowedCountries.join(', ') }, countryNotAllowedProblem);
  const parsed = parse(input.trim(), allowedCountries[0] ?? 'BE', metadata);
  if (parsed === 'foreign') foreign();
  if (!parsed || !parsed.isValid()) invalid(invalidPhoneField);
  if (parsed.ext) invalid(phoneExtensionField);
  if (!parsed.country || !allowedCountries.includes(parsed.country)) foreign();
  return parsed.number;
}

const BE_MOBILE = /^\+324\d{8}$/;

/** Whether an E.164 number is a mobile number (able to receive SMS). Known for Belgium only. */
export function isMobile(e164: string): boolean {
  return BE_MOBILE.test(e164);
}

/** Whether SMS can be sent to the number: Belgian numbers only when mobile; others are assumed able. */
export function canReceiveSms(e164: string): boolean {
  return !e164.startsWith('+32') || isMobile(e164);
}

/** Why the number is refused under the default allow-list (its field kind), or undefined when it is accepted. */
export function phoneFieldProblem(input: string): { kind: FieldKind; vars?: Vars } | undefined {
  try {
    parsePhone(input);
    return undefined;
  } catch (error) {
    const first = error instanceof ValidationError ? error.errors[0] : undefined;
    return first && 'kind' in first
      ? { kind: first.kind, ...(first.vars ? { vars: first.vars } : {}) }
      : { kind: invalidPhoneField };
  }
}
