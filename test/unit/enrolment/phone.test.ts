import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors.ts';
import { canReceiveSms, isMobile, parsePhone } from '../../../shared/enrolment/phone.ts';
import {
  countryNotAllowedField,
  invalidPhoneField,
  notBelgianField,
  phoneExtensionField,
} from '../../../shared/enrolment/problems.ts';
import { requiredField, tooLongField } from '../../../shared/i18n/problems.ts';
import { phoneMetadata } from '../../../scripts/write-phone-metadata.ts';

function problem(
  input: string,
  allowed?: Parameters<typeof parsePhone>[1],
  metadata?: Parameters<typeof parsePhone>[2],
) {
  try {
    parsePhone(input, allowed, metadata);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe('parsePhone', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['0470123456', '+32470123456'],
    ['0470-12-34-56', '+32470123456'],
    ['(0470) 12.34.56', '+32470123456'],
    ['+32470123456', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032 470 12 34 56', '+32470123456'],
    ['0032470123456', '+32470123456'],
    ['  0493 12 34 56 ', '+32493123456'],
    ['02 511 22 33', '+3225112233'],
    ['+32 2 511 22 33', '+3225112233'],
    ['081 23 45 67', '+3281234567'],
  ])('accepts the Belgian number %s as %s', (input, e164) => {
    expect(parsePhone(input)).toBe(e164);
  });

  it.each([
    '+33612345678',
    '+33 6 12 34 56 78',
    '0033 6 12 34 56 78',
    '+31612345678',
    '+31 6 12345678',
    '+352 621 123 456',
  ])('refuses the foreign number %s', (input) => {
    expect(problem(input)).toEqual([{ path: 'phone', kind: notBelgianField }]);
  });

  it.each(['', '   ', 'abc', 'not a number', '0470', '12', '+', '+32 4701234567', '0000 00 00 00', '0'.repeat(40)])(
    'refuses the garbage %j',
    (input) => {
      const errors = problem(input);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe('phone');
    },
  );

  it('refuses numbers with an extension', () => {
    expect(problem('+32 470 12 34 56 ext 3')).toEqual([{ path: 'phone', kind: phoneExtensionField }]);
  });

  it('says what is wrong with a code per case: missing, too long, not a number', () => {
    expect(problem('  ')).toEqual([{ path: 'phone', kind: requiredField }]);
    expect(problem('0'.repeat(40))).toEqual([{ path: 'phone', kind: tooLongField, vars: { maximum: 32 } }]);
    expect(problem('0470')).toEqual([{ path: 'phone', kind: invalidPhoneField }]);
  });

  it.each(['+33 6 12 34 56 78', '0031 6 12345678', '+1 202 555 0123'])(
    'refuses the valid foreign number %s as foreign, not as invalid',
    (input) => {
      expect(problem(input)).toEqual([{ path: 'phone', kind: notBelgianField }]);
    },
  );

  it('accepts other countries when they are on the allow-list', () => {
    const metadata = phoneMetadata(['BE', 'FR']);
    expect(parsePhone('+33612345678', ['BE', 'FR'], metadata)).toBe('+33612345678');
    expect(parsePhone('0470 12 34 56', ['BE', 'FR'], metadata)).toBe('+32470123456');
    expect(problem('+31612345678', ['BE', 'FR'], metadata)).toEqual([
      { path: 'phone', kind: countryNotAllowedField, vars: { countries: 'BE, FR' } },
    ]);
  });

  it('refuses, as foreign, a country in the metadata but off the allow-list', () => {
    expect(problem('+31 6 12345678', ['BE'], phoneMetadata(['BE', 'NL']))).toEqual([
      { path: 'phone', kind: notBelgianField },
    ]);
  });

  it('throws a configuration error (not a ValidationError) for an allow-list the metadata lacks', () => {
    const call = () => parsePhone('0470 12 34 56', ['BE', 'NL']);
    expect(call).toThrow('regenerate the phone metadata with npm run phone-metadata -- BE NL');
    expect(call).not.toThrow(ValidationError);
  });
});

describe('isMobile', () => {
  it('tells Belgian mobiles from landlines', () => {
    expect(isMobile(parsePhone('0470 12 34 56'))).toBe(true);
    expect(isMobile('+32493123456')).toBe(true);
    expect(isMobile('+3225112233')).toBe(false);
    expect(isMobile('+3281234567')).toBe(false);
    expect(isMobile('+3280012345')).toBe(false);
  });
});

describe('canReceiveSms', () => {
  it('refuses Belgian landlines and assumes numbers of other countries can', () => {
    expect(canReceiveSms('+32470123456')).toBe(true);
    expect(canReceiveSms('+3225112233')).toBe(false);
    expect(canReceiveSms('+31612345678')).toBe(true);
  });
});
