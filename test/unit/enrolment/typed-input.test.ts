/** Issue 16 (14): input as a resident types it — codes, postcodes, streets. */
import { describe, expect, it } from 'vitest';
import { PostcodeQuery, Zone } from '../../../shared/directory/model.ts';
import { EnrolmentInput } from '../../../shared/enrolment/contact-input.ts';
import { ConfirmContactInput, ConfirmInput, EnrolmentAddress } from '../../../shared/enrolment/model.ts';
import { errorToProblem } from '../../../shared/http/problem.ts';

const address = { street: 'Rue des Alliés', number: '12', postcode: '1082' };

describe('the confirmation code', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 123456 ', '123456'],
    ['12 34 56', '123456'],
    ['123-456', '123456'],
    ['12.34.56', '123456'],
    ['1 2 3 4 5 6', '123456'],
    ['123\u00a0456', '123456'], // a no-break space, as some phones paste it
    ['123–456', '123456'],
  ])('accepts %j as %s', (typed, code) => {
    expect(ConfirmInput.parse({ code: typed }).code).toBe(code);
    expect(ConfirmContactInput.parse({ code: typed }).code).toBe(code);
  });

  it.each(['12345', '1234567', '123 45', '12345a', 'abcdef', '123/456', '', '-'.repeat(30) + '123456'])(
    'refuses %j',
    (typed) => {
      expect(ConfirmInput.safeParse({ code: typed }).success).toBe(false);
    },
  );
});

describe('the postcode', () => {
  it.each(['1082', ' 1082 ', 'B-1082', 'B 1082', 'B1082', 'b-1082', 'BE-1082', 'BE 1082', 'B - 1082'])(
    'accepts %j as 1082 in an address, a zone and the PLP search',
    (typed) => {
      expect(EnrolmentAddress.parse({ ...address, postcode: typed }).postcode).toBe('1082');
      expect(PostcodeQuery.parse({ postcode: typed }).postcode).toBe('1082');
      expect(Zone.parse({ postcodes: [typed] }).postcodes).toEqual(['1082']);
    },
  );

  it('reaches the enrolment body normalised', () => {
    const body = {
      plpId: '01JD0000000000000000000000',
      name: 'Marie',
      address: { ...address, postcode: 'B-1082' },
      phone: '0470 12 34 56',
      language: 'fr',
      channels: ['sms'],
      consent: true,
    };
    expect(EnrolmentInput.parse(body).address.postcode).toBe('1082');
  });

  it.each(['0999', '10820', 'F-1082', 'NL-1082', '1082B', 'B--1082', '', 'B-'])('refuses %j', (typed) => {
    expect(PostcodeQuery.safeParse({ postcode: typed }).success).toBe(false);
  });
});

describe('the house number typed into the street field', () => {
  it.each([
    ['Rue des Alliés 12', undefined, 'Rue des Alliés', '12'],
    ['Rue des Alliés, 12', '', 'Rue des Alliés', '12'],
    ['Rue des Alliés 12A', undefined, 'Rue des Alliés', '12A'],
    ['Rue des Alliés 12 bis', undefined, 'Rue des Alliés', '12 bis'],
    ['Kerkstraat 12 bus 3', undefined, 'Kerkstraat', '12 bus 3'],
    ['Kerkstraat 12/3', undefined, 'Kerkstraat', '12/3'],
    ['Rue des Alliés 12 bte 3', undefined, 'Rue des Alliés', '12 bte 3'],
    ['12, rue des Alliés', undefined, 'rue des Alliés', '12'],
    ['12 rue des Alliés', undefined, 'rue des Alliés', '12'],
    ['Rue du 11 Novembre 5', undefined, 'Rue du 11 Novembre', '5'],
    // typed in both fields: the same house once
    ['Rue des Alliés 12', '12', 'Rue des Alliés', '12'],
    ['Kerkstraat 12 bus 3', '12', 'Kerkstraat', '12 bus 3'],
    ['Rue des Alliés 12', '12 B', 'Rue des Alliés', '12 B'],
    // another house in the number field: the street stays as typed
    ['Allée 2', '7', 'Allée 2', '7'],
    // a number inside the name is part of it
    ['Rue du 11 Novembre', '5', 'Rue du 11 Novembre', '5'],
    ['Place du 20 Août', '1', 'Place du 20 Août', '1'],
  ])('reads street %j with number %j as %j, %j', (street, number, expectedStreet, expectedNumber) => {
    const parsed = EnrolmentAddress.parse({ street, postcode: '1082', ...(number !== undefined ? { number } : {}) });
    expect(parsed).toEqual({ street: expectedStreet, number: expectedNumber, postcode: '1082' });
  });

  it('still wants a house number somewhere, on the number field', () => {
    for (const body of [{ street: 'Rue des Alliés' }, { street: 'Rue des Alliés', number: '  ' }]) {
      const r = EnrolmentAddress.safeParse({ ...body, postcode: '1082' });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['number', 'give the house number']]);
    }
  });

  it('reports the path inside the body', () => {
    const r = ConfirmInput.safeParse({ code: '123456', address: { street: 'Rue des Alliés', postcode: '1082' } });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['address.number']);
  });
});

describe('zone streets', () => {
  it('accept a name or a name per language, not an empty one', () => {
    const zone = { postcodes: ['1040'], streets: ['Rue Belliard', { fr: 'Rue de la Loi', nl: 'Wetstraat' }] };
    expect(Zone.parse(zone)).toEqual(zone);
    expect(Zone.safeParse({ postcodes: ['1040'], streets: [{}] }).success).toBe(false);
    expect(Zone.safeParse({ postcodes: ['1040'], streets: [{ en: 'Law Street' }] }).success).toBe(false);
    expect(Zone.safeParse({ postcodes: ['1040'], streets: [{ fr: '' }] }).success).toBe(false);
  });
});

describe('a foreign mobile number', () => {
  const body = {
    plpId: '01JD0000000000000000000000',
    name: 'Marie',
    address: { street: 'Rue des Alliés', number: '12', postcode: '1082' },
    phone: '+33 6 12 34 56 78',
    channels: ['sms'],
    consent: true,
  };
  const answer = (language: 'fr' | 'nl' | 'de' | 'en') => {
    const r = EnrolmentInput.safeParse({ ...body, language });
    expect(r.success).toBe(false);
    return JSON.parse(errorToProblem(r.error, language)!.body as string) as {
      errors: { path: string; code: string; message: string }[];
    };
  };

  it.each([
    ['fr', 'Seuls les numéros belges peuvent recevoir des SMS ici.'],
    ['nl', "Alleen Belgische nummers kunnen hier sms'jes ontvangen."],
    ['de', 'Hier können nur belgische Nummern SMS empfangen.'],
    ['en', 'Only Belgian numbers can receive SMS here.'],
  ] as const)(
    'is told in %s that only Belgian numbers can receive SMS here, with the code not_belgian',
    (language, message) => {
      expect(answer(language).errors).toEqual([{ path: 'phone', code: 'not_belgian', message }]);
    },
  );

  it('keeps the other phone codes apart: a malformed number is invalid_phone', () => {
    const r = EnrolmentInput.safeParse({ ...body, phone: '0470', language: 'nl' });
    const errors = JSON.parse(errorToProblem(r.error, 'nl')!.body as string).errors;
    expect(errors.map((e: { code: string }) => e.code)).toEqual(['invalid_phone']);
  });
});
