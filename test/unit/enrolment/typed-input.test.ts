/** Issue 16 (14): input as a resident types it — codes, postcodes, streets. */
import { describe, expect, it } from 'vitest';
import { PostcodeQuery, Zone } from '../../../shared/directory/model.ts';
import { EnrolmentInput } from '../../../shared/enrolment/contact-input.ts';
import { ConfirmContactInput, ConfirmInput, EnrolmentAddress } from '../../../shared/enrolment/model.ts';

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
