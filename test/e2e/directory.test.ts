import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEFAULT_POSTCODE, newCommune, newPostcode, tokenFor, uniqueCode } from '../support/http.ts';

const plpBody = (communeNis: string, overrides: Record<string, unknown> = {}) => ({
  communeNis,
  name: 'Quartier des Tilleuls',
  code: uniqueCode('TILLEULS'),
  type: 'residents',
  zone: { postcodes: [DEFAULT_POSTCODE] },
  dispatchMode: 'direct',
  requiresApproval: true,
  coordinators: [{ email: 'coord.tilleuls@example.be', name: 'Anne', language: 'fr' }],
  officers: [{ email: 'agent.tilleuls@police.example.be' }],
  ...overrides,
});

const launchPath = [
  { to: 'information_session' },
  { to: 'charter_submitted' },
  { to: 'charter_approved', charterReference: 'SPF-IBZ/2026/42' },
  { to: 'launched' },
];

describe('directory over HTTP (local stack)', () => {
  let regionAdmin: string;
  beforeAll(async () => {
    regionAdmin = await tokenFor('region-e2e', ['region_admin'], 'region@e2e.test');
  });

  it('answers /health', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('lists the demo PLPs for postcode 1082', async () => {
    const res = await call('GET', '/public/plps?postcode=1082');
    expect(res.status).toBe(200);
    expect(res.json.items.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['BERCHEM-CENTRE', 'BERCHEM-GARE']),
    );
    expect(res.json.items[0].commune).toEqual({ nis: '21003', name: 'Berchem-Sainte-Agathe' });
  });

  it('lets an admin create a commune and a PLP, launch it, and a resident find it by postcode', async () => {
    const postcode = newPostcode();
    const nis = await newCommune(regionAdmin, {}, postcode);
    const body = plpBody(nis, { zone: { postcodes: [postcode] } });
    const created = await call('POST', '/admin/plps', { token: regionAdmin, body });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ plpId: expect.any(String), status: 'preparation' });
    const { plpId } = created.json;

    const before = await call('GET', `/public/plps?postcode=${postcode}`);
    expect(before.json.items.find((p: { id: string }) => p.id === plpId)).toBeUndefined();

    for (const step of launchPath) {
      const res = await call('POST', `/admin/plps/${plpId}/transitions`, { token: regionAdmin, body: step });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.status).toBe(step.to);
    }

    const after = await call('GET', `/public/plps?postcode=${postcode}`);
    expect(after.json.items).toContainEqual({
      id: plpId,
      code: body.code,
      name: body.name,
      commune: { nis, name: `Commune ${nis}` },
      type: 'residents',
      languages: ['fr'],
    });

    // The history consumer (PlpStatusChanged on the bus) has recorded every step.
    await expect
      .poll(async () => (await call('GET', `/admin/plps/${plpId}`, { token: regionAdmin })).json.history?.length)
      .toBe(5);
  });

  it('refuses an illegal transition with 409 and a charter approval without reference with 400', async () => {
    const nis = await newCommune(regionAdmin);
    const { json } = await call('POST', '/admin/plps', { token: regionAdmin, body: plpBody(nis) });
    const skip = await call('POST', `/admin/plps/${json.plpId}/transitions`, {
      token: regionAdmin,
      body: { to: 'launched' },
    });
    expect(skip.status).toBe(409);
    expect(skip.headers.get('content-type')).toBe('application/problem+json');
    for (const to of ['information_session', 'charter_submitted']) {
      await call('POST', `/admin/plps/${json.plpId}/transitions`, { token: regionAdmin, body: { to } });
    }
    const noRef = await call('POST', `/admin/plps/${json.plpId}/transitions`, {
      token: regionAdmin,
      body: { to: 'charter_approved' },
    });
    expect(noRef.status).toBe(400);
    expect(noRef.json.type).toBe('https://plp-alert.be/problems/validation');
    expect(noRef.json.errors).toEqual([{ path: 'charterReference', code: 'required', message: 'Required.' }]);
  });

  it('refuses a duplicate PLP code with 409', async () => {
    const nis = await newCommune(regionAdmin);
    const body = plpBody(nis);
    expect((await call('POST', '/admin/plps', { token: regionAdmin, body })).status).toBe(201);
    const again = await call('POST', '/admin/plps', { token: regionAdmin, body });
    expect(again.status).toBe(409);
  });

  describe('commune administrators', () => {
    it('act on their own commune but get 404 for another commune', async () => {
      const own = await newCommune(regionAdmin, { admins: [{ email: 'admin.own@commune.test' }] });
      const other = await newCommune(regionAdmin);
      const communeAdmin = await tokenFor('commune-admin-e2e', ['commune_admin'], 'admin.own@commune.test');

      const mine = await call('POST', '/admin/plps', { token: communeAdmin, body: plpBody(own) });
      expect(mine.status).toBe(201);

      const theirs = await call('POST', '/admin/plps', { token: communeAdmin, body: plpBody(other) });
      expect(theirs.status).toBe(404);

      const { json: otherPlp } = await call('POST', '/admin/plps', { token: regionAdmin, body: plpBody(other) });
      const transition = await call('POST', `/admin/plps/${otherPlp.plpId}/transitions`, {
        token: communeAdmin,
        body: { to: 'information_session' },
      });
      expect(transition.status).toBe(404);
      const read = await call('GET', `/admin/plps/${otherPlp.plpId}`, { token: communeAdmin });
      expect(read.status).toBe(404);
    });

    it('may not register communes (403)', async () => {
      const communeAdmin = await tokenFor('commune-admin-e2e', ['commune_admin']);
      const res = await call('POST', '/admin/communes', {
        token: communeAdmin,
        body: { nis: '99998', name: { fr: 'X' }, languages: ['fr'], policeZone: 'Z' },
      });
      expect(res.status).toBe(403);
    });
  });

  describe('refusals', () => {
    it('answers 401 without a token, with a bad signature, and with alg none', async () => {
      expect((await call('POST', '/admin/plps', { body: {} })).status).toBe(401);
      const token = await tokenFor('region-e2e', ['region_admin']);
      const [h, p] = token.split('.');
      const forged = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
      expect((await call('POST', '/admin/plps', { token: forged, body: {} })).status).toBe(401);
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
      const res = await call('POST', '/admin/plps', { token: none, body: {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    });

    it('answers 403 to a police officer on an admin route', async () => {
      const officer = await tokenFor('officer-demo', ['police'], 'officer@demo.plp');
      const res = await call('POST', '/admin/plps', { token: officer, body: plpBody('21003') });
      expect(res.status).toBe(403);
    });

    it('answers 404 for an unknown PLP', async () => {
      const res = await call('POST', '/admin/plps/01JUNKNOWN0000000000000000/transitions', {
        token: regionAdmin,
        body: { to: 'information_session' },
      });
      expect(res.status).toBe(404);
    });

    it('answers 400 with field problems for an invalid body, and stores nothing', async () => {
      const nis = await newCommune(regionAdmin);
      const code = uniqueCode('BAD');
      const res = await call('POST', '/admin/plps', {
        token: regionAdmin,
        body: plpBody(nis, { code, zone: { postcodes: ['12'] }, type: 'martians' }),
      });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['zone.postcodes.0', 'type']),
      );
      const retry = await call('POST', '/admin/plps', { token: regionAdmin, body: plpBody(nis, { code }) });
      expect(retry.status).toBe(201); // the code was not taken by the refused request
    });

    it('answers 400 for malformed JSON and 413 for a body over 16 KB', async () => {
      expect((await call('POST', '/admin/communes', { token: regionAdmin, body: '{"nis":' })).status).toBe(400);
      const big = await call('POST', '/admin/communes', {
        token: regionAdmin,
        body: { nis: '12345', name: { fr: 'x'.repeat(17 * 1024) }, languages: ['fr'], policeZone: 'Z' },
      });
      expect(big.status).toBe(413);
    });

    it("answers 400 on the postcode for a PLP whose postcode lies outside its commune's province", async () => {
      const eupen = await newCommune(regionAdmin, { name: { de: 'Eupen' }, languages: ['de'] }, '4700');
      const code = uniqueCode('EUPEN');
      const res = await call('POST', '/admin/plps', {
        token: regionAdmin,
        body: plpBody(eupen, { code, zone: { postcodes: ['4700', 'B-1082'] } }),
      });
      expect(res.status).toBe(400);
      expect(res.json.type).toBe('https://plp-alert.be/problems/postcodes-outside-commune');
      expect(res.json.errors).toEqual([
        {
          path: 'zone.postcodes.1',
          code: 'postcode_outside_commune',
          message: '1082 is not in the province (or the Brussels Region) of commune ' + eupen + '.',
        },
      ]);
      const own = await call('POST', '/admin/plps', {
        token: regionAdmin,
        body: plpBody(eupen, { code, zone: { postcodes: ['4700'] } }),
      });
      expect(own.status).toBe(201);
    });

    it('answers 400 for an unknown commune in the body', async () => {
      const res = await call('POST', '/admin/plps', { token: regionAdmin, body: plpBody('99999') });
      expect(res.status).toBe(400);
    });

    it('answers 404 problem+json for an unknown route', async () => {
      const res = await call('GET', '/nope');
      expect(res.status).toBe(404);
      expect(res.json.status).toBe(404);
    });
  });

  it('serves an OpenAPI 3.1 document with every route', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/public/plps',
        '/admin/communes',
        '/admin/plps',
        '/admin/plps/{plpId}/transitions',
      ]),
    );
    expect(
      res.json.paths['/admin/plps'].post.requestBody.content['application/json'].schema.properties.code,
    ).toBeDefined();
  });
});

describe('administration lists over HTTP (local stack)', () => {
  const run = uniqueCode('ADM');
  let regionAdmin: string;
  let communeAdmin: string;
  let mine: string[];
  let other: string;
  beforeAll(async () => {
    regionAdmin = await tokenFor(`region-${run}`, ['region_admin']);
    communeAdmin = await tokenFor(`commune-${run}`, ['commune_admin']);
    const admins = [{ sub: `commune-${run}` }];
    mine = [await newCommune(regionAdmin, { admins }), await newCommune(regionAdmin, { admins })].sort();
    other = await newCommune(regionAdmin);
  });

  /** Every page of a list, following nextToken. */
  async function all(path: string, token: string) {
    const pages: any[][] = [];
    let next: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await call('GET', `${path}${next ? `${sep}nextToken=${encodeURIComponent(next)}` : ''}`, { token });
      expect(res.status, res.text).toBe(200);
      pages.push(res.json.items);
      next = res.json.nextToken;
    } while (next);
    return pages;
  }

  it('shows a commune administrator only their communes, a page at a time', async () => {
    const pages = await all('/admin/communes?limit=1', communeAdmin);
    expect(pages.map((p) => p.map((c: { nis: string }) => c.nis))).toEqual([[mine[0]], [mine[1]]]);
    expect(pages[0]![0]).toMatchObject({ nis: mine[0], name: { fr: `Commune ${mine[0]}` }, languages: ['fr'] });
  });

  it('shows a region administrator every commune, in NIS order, across pages', async () => {
    const pages = await all('/admin/communes?limit=7', regionAdmin);
    const nis = pages.flat().map((c: { nis: string }) => c.nis);
    expect(pages.every((p) => p.length <= 7)).toBe(true);
    expect(nis).toEqual([...new Set(nis)].sort());
    expect(nis).toEqual(expect.arrayContaining([...mine, other, '21003']));
  });

  it('lists the PLPs of an administered commune newest first, by status, and hides other communes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', '/admin/plps', { token: communeAdmin, body: plpBody(mine[0]!) });
      expect(res.status, res.text).toBe(201);
      ids.push(res.json.plpId);
    }
    await call('POST', `/admin/plps/${ids[1]}/transitions`, { token: communeAdmin, body: launchPath[0] });
    const pages = await all(`/admin/plps?communeNis=${mine[0]}&limit=2`, communeAdmin);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((p: { plpId: string }) => p.plpId)).toEqual([...ids].reverse());

    const inSession = await all(`/admin/plps?communeNis=${mine[0]}&status=information_session`, communeAdmin);
    expect(inSession.flat().map((p: { plpId: string; status: string }) => [p.plpId, p.status])).toEqual([
      [ids[1], 'information_session'],
    ]);
    expect(await all(`/admin/plps?communeNis=${mine[0]}`, regionAdmin)).toEqual(
      await all(`/admin/plps?communeNis=${mine[0]}`, communeAdmin),
    );

    const elsewhere = await call('GET', `/admin/plps?communeNis=${other}`, { token: communeAdmin });
    expect(elsewhere.status).toBe(404);
    expect((await call('GET', `/admin/plps?communeNis=${other}`, { token: regionAdmin })).json).toEqual({ items: [] });
  });

  it('refuses a bad or foreign nextToken, a missing communeNis and a bad status with 400', async () => {
    const first = await call('GET', '/admin/communes?limit=1', { token: regionAdmin });
    const communesToken = first.json.nextToken as string;
    const forged = Buffer.from(JSON.stringify({ l: 'communes', a: { $gt: '' } })).toString('base64url');
    for (const path of [
      '/admin/communes?nextToken=not-a-token',
      `/admin/communes?nextToken=${forged}`,
      `/admin/plps?communeNis=${mine[0]}&nextToken=${communesToken}`,
      '/admin/plps',
      `/admin/plps?communeNis=${mine[0]}&status=sleeping`,
      '/admin/communes?limit=0',
    ]) {
      const res = await call('GET', path, { token: regionAdmin });
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const plpsToken = Buffer.from(JSON.stringify({ l: `plps:${mine[0]}`, a: 'X' })).toString('base64url');
    const wrongCommune = await call('GET', `/admin/plps?communeNis=${mine[1]}&nextToken=${plpsToken}`, {
      token: communeAdmin,
    });
    expect(wrongCommune.status).toBe(400);
  });

  it('answers 403 to a caller without an administrator role', async () => {
    const officer = await tokenFor(`officer-${run}`, ['police']);
    expect((await call('GET', '/admin/communes', { token: officer })).status).toBe(403);
  });
});
