/**
 * Phone numbers: accepted in national ('0470 12 34 56') or international ('+32470123456', '0032 470…')
 * form, stored as E.164. Only countries on the allow-list (default Belgium) are accepted.
 *
 * Uses the default ('min') metadata of libphonenumber-js: it checks Belgian number lengths and leading
 * digits well enough and is about half the size of 'max'. It does not tell number types, so `isMobile`
 * relies on the numbering plan (Belgian mobiles are +32 4xx xx xx xx).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { ValidationError } from '../errors.ts';

export const DEFAULT_ALLOWED_COUNTRIES: readonly CountryCode[] = ['BE'];
const MAX_INPUT_LENGTH = 32;

function invalid(message: string): never {
  throw new ValidationError('invalid phone number', [{ path: 'phone', message }]);
}

/** Parses a phone number and returns it in E.164, or throws ValidationError (path 'phone'). */
export function parsePhone(
  input: string,
  allowedCountries: readonly CountryCode[] = DEFAULT_ALLOWED_COUNTRIES,
): string {
  if (typeof input !== 'string' || input.trim() === '') invalid('give a phone number');
  if (input.length > MAX_INPUT_LENGTH) invalid(`a phone number has at most ${MAX_INPUT_LENGTH} characters`);
  const defaultCountry = allowedCountries[0] ?? 'BE';
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) invalid('not a valid phone number');
  if (parsed.ext) invalid('give the number without an extension');
  if (!parsed.country || !allowedCountries.includes(parsed.country)) {
    invalid(`only numbers from ${allowedCountries.join(', ')} are accepted`);
  }
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

/** Why the number is refused under the default allow-list, or undefined when it is accepted. */
export function phoneProblem(input: string): string | undefined {
  try {
    parsePhone(input);
    return undefined;
  } catch (error) {
    return error instanceof ValidationError ? (error.errors[0]?.message ?? error.message) : 'not a valid phone number';
  }
}
