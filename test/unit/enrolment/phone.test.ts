import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors.ts';
import { canReceiveSms, isMobile, parsePhone } from '../../../shared/enrolment/phone.ts';

function problem(input: string, allowed?: Parameters<typeof parsePhone>[1]) {
  try {
    parsePhone(input, allowed);
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
    expect(problem(input)).toEqual([{ path: 'phone', message: expect.stringContaining('BE') }]);
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
    expect(problem('+32 470 12 34 56 ext 3')[0]?.path).toBe('phone');
  });

  it('accepts other countries when they are on the allow-list', () => {
    expect(parsePhone('+33612345678', ['BE', 'FR'])).toBe('+33612345678');
    expect(parsePhone('0470 12 34 56', ['BE', 'FR'])).toBe('+32470123456');
    expect(problem('+31612345678', ['BE', 'FR'])[0]?.path).toBe('phone');
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
