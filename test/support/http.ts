import { inject } from 'vitest';
import { POSTCODES_BY_PROVINCE } from '../../shared/directory/postcode-provinces.ts';
import { provinceOfPostcode } from '../../shared/directory/postcode-rule.ts';
import { nisPrefixesOf } from '../../shared/directory/provinces.ts';

/** A small client of the local stack, as any HTTP client would use it. */
export const baseUrl = () => inject('baseUrl');

export async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** A token of the local issuer; `options` may say `emailVerified: false` or `mfa: false` (POST /dev/token). */
export async function tokenFor(
  sub: string,
  groups: string[],
  email?: string,
  options: { emailVerified?: boolean; mfa?: boolean } = {},
): Promise<string> {
  const res = await call('POST', '/dev/token', { body: { sub, groups, ...(email ? { email } : {}), ...options } });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return res.json.token as string;
}

let counter = 0;
export const uniqueCode = (prefix = 'PLP') => `${prefix}-${Date.now().toString(36).toUpperCase()}-${counter++}`;

/**
 * Registers a commune with a fresh random NIS code (retrying the rare collision) and returns the code. The code
 * names the province of `postcode` (Namur by default), so PLPs of the commune may hold the postcodes of that
 * province (shared/directory/postcode-rule.ts).
 */
export async function newCommune(
  adminToken: string,
  extra: Record<string, unknown> = {},
  postcode = DEFAULT_POSTCODE,
): Promise<string> {
  const province = provinceOfPostcode(postcode);
  if (!province) throw new Error(`newCommune: ${postcode} is not a postcode of bpost's list`);
  const prefixes = nisPrefixesOf(province);
  for (;;) {
    const prefix = prefixes[Math.floor(Math.random() * prefixes.length)]!;
    const digits = 5 - prefix.length;
    // …9990 to …9999 are never made: tests use 99999 and 99998 as communes that do not exist.
    const nis = prefix + String(Math.floor(Math.random() * (10 ** digits - 10))).padStart(digits, '0');
    const res = await call('POST', '/admin/communes', {
      token: adminToken,
      body: { nis, name: { fr: `Commune ${nis}` }, languages: ['fr'], policeZone: 'Zone test', ...extra },
    });
    if (res.status === 201) return nis;
    if (res.status !== 409) throw new Error(`commune: ${res.status} ${res.text}`);
  }
}

/** The postcode of the communes newCommune makes by default (Namur); a PLP zone of such a commune may hold it. */
export const DEFAULT_POSTCODE = '5000';

const allPostcodes = Object.values(POSTCODES_BY_PROVINCE)
  .flat()
  .map(String)
  .filter((pc) => pc !== '1082' && pc !== DEFAULT_POSTCODE);
let postcodes = 0;
/**
 * A postcode of bpost's list that no other PLP of this test file uses (nor the demo data's 1082, nor
 * DEFAULT_POSTCODE): give it to newCommune so that the commune's province holds it.
 */
export const newPostcode = () => allPostcodes[(Date.now() + postcodes++ * 7919) % allPostcodes.length]!;
