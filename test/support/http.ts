import { inject } from 'vitest';

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

/** Registers a commune with a fresh random NIS code (retrying the rare collision) and returns the code. */
export async function newCommune(adminToken: string, extra: Record<string, unknown> = {}): Promise<string> {
  for (;;) {
    const nis = String(10000 + Math.floor(Math.random() * 89999));
    const res = await call('POST', '/admin/communes', {
      token: adminToken,
      body: { nis, name: { fr: `Commune ${nis}` }, languages: ['fr'], policeZone: 'Zone test', ...extra },
    });
    if (res.status === 201) return nis;
    if (res.status !== 409) throw new Error(`commune: ${res.status} ${res.text}`);
  }
}
