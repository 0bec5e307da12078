/** Issue 16 (14): what a resident types, accepted over HTTP — postcodes, codes, streets, house numbers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { codeIn, enrolmentBody, launchedPlp, newMobile, smsTo, type TestPlp } from '../support/enrolment.ts';
import { call, tokenFor } from '../support/http.ts';

let plp: TestPlp;

beforeAll(async () => {
  const admin = await tokenFor('region-typed-e2e', ['region_admin'], 'region.typed@e2e.test');
  plp = await launchedPlp(admin, {
    requiresApproval: false,
    streets: [{ fr: 'Rue de la Loi', nl: 'Wetstraat' }, 'Avenue Louise', 'Kerkstraat'],
  });
});

const enrol = (body: unknown) => call('POST', '/public/enrolments', { body });

describe('input as residents type it (local stack)', () => {
  it('finds the PLPs of a postcode written B-1082 or with spaces', async () => {
    for (const postcode of ['B-1082', 'B 1082', ' 1082 ']) {
      const res = await call('GET', `/public/plps?postcode=${encodeURIComponent(postcode)}`);
      expect(res.status).toBe(200);
      expect(res.json.items.map((p: { code: string }) => p.code)).toEqual(
        expect.arrayContaining(['BERCHEM-CENTRE', 'BERCHEM-GARE']),
      );
    }
  });

  it('enrols with the Dutch name of a bilingual street, the number in the street field, B-postcode and a spaced code', async () => {
    const phone = newMobile();
    const res = await enrol(
      enrolmentBody(plp, { phone, address: { street: 'Wetstr. 16 bus 2', postcode: `B-${plp.postcode}` } }),
    );
    expect(res.status).toBe(202);
    const code = codeIn((await smsTo(phone)).at(-1));
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    const confirmed = await call('POST', `/public/enrolments/${res.json.enrolmentId}/confirm`, {
      body: { code: spaced },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.status).toBe('active');
  });

  it('accepts street abbreviations and the French name, and still refuses a street outside the zone', async () => {
    for (const street of ['Av. Louise', 'Kerkstr.', 'R. de la Loi', 'rue de la loi 3']) {
      const res = await enrol(
        enrolmentBody(plp, { phone: newMobile(), address: { street, number: '3', postcode: plp.postcode } }),
      );
      expect(res.status, street).toBe(202);
    }
    const outside = await enrol(
      enrolmentBody(plp, {
        phone: newMobile(),
        address: { street: 'Rue Belliard', number: '3', postcode: plp.postcode },
      }),
    );
    expect(outside.status).toBe(400);
    const noNumber = await enrol(
      enrolmentBody(plp, { phone: newMobile(), address: { street: 'Avenue Louise', postcode: plp.postcode } }),
    );
    expect(noNumber.status).toBe(400);
    expect(noNumber.json.errors.map((e: { path: string }) => e.path)).toEqual(['address.number']);
  });

  it("tells a foreign mobile number, in the resident's language, that only Belgian numbers can receive SMS here", async () => {
    const res = await enrol(
      enrolmentBody(plp, {
        phone: '+33 6 12 34 56 78',
        language: 'nl',
        address: { street: 'Kerkstraat', number: '1', postcode: plp.postcode },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: 'phone', code: 'not_belgian', message: "Alleen Belgische nummers kunnen hier sms'jes ontvangen." },
    ]);
  });
});
