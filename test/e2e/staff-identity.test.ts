import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEFAULT_POSTCODE, newCommune, tokenFor, uniqueCode } from '../support/http.ts';

const run = Date.now().toString(36);

describe('staff identity over HTTP (local stack)', () => {
  let regionAdmin: string;
  beforeAll(async () => {
    regionAdmin = await tokenFor(`region-staff-${run}`, ['region_admin'], `region-${run}@e2e.test`);
  });

  it('refuses an administrator whose sign-in shows no second factor (403 problem+json)', async () => {
    const token = await tokenFor(`region-nomfa-${run}`, ['region_admin'], undefined, { mfa: false });
    const res = await call('GET', '/admin/plps/unknown', { token });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.detail).toMatch(/second factor \(TOTP\)/);
  });

  it('gives a coordinator named by e-mail their PLP only with a token whose e-mail is verified', async () => {
    const email = `coord-${run}@e2e.test`;
    const communeNis = await newCommune(regionAdmin);
    const created = await call('POST', '/admin/plps', {
      token: regionAdmin,
      body: {
        communeNis,
        name: 'Quartier du Lac',
        code: uniqueCode('LAC'),
        type: 'residents',
        zone: { postcodes: [DEFAULT_POSTCODE] },
        dispatchMode: 'direct',
        requiresApproval: true,
        coordinators: [{ email, name: 'Lou', language: 'fr' }],
        officers: [],
      },
    });
    expect(created.status).toBe(201);
    const members = (token: string) =>
      call('GET', `/coordinator/members?plpId=${created.json.plpId}`, { token }).then((r) => r.status);

    const unverified = await tokenFor(`coord-a-${run}`, ['coordinator'], email, { emailVerified: false });
    expect(await members(unverified)).toBe(404);

    const first = await tokenFor(`coord-a-${run}`, ['coordinator'], email);
    expect(await members(first)).toBe(200);
  });
});
