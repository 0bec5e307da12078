import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { MetadataJson } from 'libphonenumber-js/core';
import committed from '../../../shared/enrolment/phone-metadata.json' with { type: 'json' };
import type { ValidationError } from '../../../shared/errors.ts';
import { parsePhone } from '../../../shared/enrolment/phone.ts';
import { phoneMetadata } from '../../../scripts/write-phone-metadata.ts';

const allCountries: MetadataJson = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json');

describe('phone metadata', () => {
  it('is what npm run phone-metadata writes from the installed libphonenumber-js', () => {
    const countries = Object.keys(committed.countries) as Parameters<typeof phoneMetadata>[0];
    expect(committed).toEqual(phoneMetadata(countries));
  });

  it('keeps the main country of a shared calling code, whose formats the others borrow', () => {
    const metadata = phoneMetadata(['CA']);
    expect(metadata.country_calling_codes).toEqual({ 1: ['US', 'CA'] });
    expect(parsePhone('+1 613 555 0123', ['CA'], metadata)).toBe('+16135550123');
  });

  it('parses as the metadata of every country does, foreign numbers included', () => {
    const outcome = (input: string, metadata?: MetadataJson) => {
      try {
        return parsePhone(input, ['BE'], metadata);
      } catch (error) {
        return (error as ValidationError).errors;
      }
    };
    for (const input of [
      '0470 12 34 56',
      '0032 470 12 34 56',
      '02 511 22 33',
      '+32 4701234567',
      '+32 470 12 34 56 ext 3',
      '+33 6 12 34 56 78',
      '0031 6 12345678',
      '+352 621 123 456',
      'abc',
    ]) {
      expect(outcome(input)).toEqual(outcome(input, allCountries));
    }
  });
});
