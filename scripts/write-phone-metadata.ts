import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as prettier from 'prettier';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/**
 * Writes shared/enrolment/phone-metadata.json: the 'min' metadata of the installed libphonenumber-js cut down
 * to the given countries (default BE), so a Lambda that parses phone numbers does not carry every country's
 * (about 80 KB). `npm run phone-metadata -- BE NL` when the allow-list grows;
 * test/unit/enrolment/phone-metadata.test.ts fails when the file no longer matches the installed library.
 */
export const phoneMetadataFile = path.resolve(import.meta.dirname, '../shared/enrolment/phone-metadata.json');

const fullMetadata = (): MetadataJson =>
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8'));

/**
 * The metadata of the given countries. A calling code shared by several countries (+1, +7…) also keeps its
 * main country, listed first: the others borrow its number formats. Non-geographic codes (+800…) are left out.
 */
export function phoneMetadata(countries: readonly CountryCode[], full = fullMetadata()): MetadataJson {
  const unknown = countries.filter((c) => !full.countries[c]);
  if (unknown.length > 0) throw new Error(`libphonenumber-js has no metadata for ${unknown.join(', ')}`);
  const country_calling_codes: MetadataJson['country_calling_codes'] = {};
  for (const [code, list] of Object.entries(full.country_calling_codes)) {
    if (list.some((c) => countries.includes(c))) {
      country_calling_codes[code] = list.filter((c, i) => i === 0 || countries.includes(c));
    }
  }
  const kept = Object.values(country_calling_codes).flat();
  return {
    version: full.version,
    country_calling_codes,
    countries: Object.fromEntries(kept.map((c) => [c, full.countries[c]])),
    nonGeographic: {},
  };
}

if (process.argv[1] === import.meta.filename) {
  const countries = process.argv.slice(2).map((c) => c.toUpperCase() as CountryCode);
  const metadata = phoneMetadata(countries.length > 0 ? countries : ['BE']);
  const options = await prettier.resolveConfig(phoneMetadataFile);
  writeFileSync(phoneMetadataFile, await prettier.format(JSON.stringify(metadata), { ...options, parser: 'json' }));
  console.log(
    `wrote ${path.relative(process.cwd(), phoneMetadataFile)} (${Object.keys(metadata.countries).join(', ')})`,
  );
}
