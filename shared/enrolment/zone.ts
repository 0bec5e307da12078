/**
 * Whether an address lies in a PLP's zone. Street names are compared as people write them (docs/api.md,
 * "Addresses"): without case, accents, apostrophes, hyphens, dots or spaces ('Rue de l’Église' ≡
 * 'rue de l eglise'; 'Kerk straat' ≡ 'Kerkstraat'), with the usual abbreviations read as any of the words they
 * stand for ('Av. Louise' ≡ 'Avenue Louise', 'Kerkstr.' ≡ 'Kerkstraat', 'Aachener Str.' ≡ 'Aachener Straße',
 * 'Ch. de Gand' ≡ 'Chaussée de Gand'). Articles stay as they are ('Rue Loi' is not 'Rue de la Loi'). A zone
 * street may carry a name per language ({fr: 'Rue de la Loi', nl: 'Wetstraat'}): either name matches.
 */

import { ValidationError } from '../errors.ts';
import {
  postcodeOutsideZoneField,
  postcodeOutsideZoneProblem,
  streetOutsideZoneField,
  streetOutsideZoneProblem,
} from './problems.ts';

export type Address = { street: string; number: string; postcode: string };
/** A street of a zone: its one name, or its name in each language of the commune. */
export type ZoneStreet =
  string | { readonly fr?: string | undefined; readonly nl?: string | undefined; readonly de?: string | undefined };
export type ZoneRule = { postcodes: readonly string[]; streets?: readonly ZoneStreet[] | undefined };

/** A comparable form of a street name: lower case, no accents, punctuation as single spaces. */
export function normaliseStreet(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // combining marks (accents)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['’‘`´ʼ\-‐‑‒–—.,/]/g, ' ') // apostrophes, hyphens, dashes, dots, commas, slashes separate words
    .replace(/\s+/g, ' ')
    .trim();
}

/** What an abbreviation written as a word of its own stands for (fr, nl, de). */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  av: ['avenue'],
  ave: ['avenue'],
  bd: ['boulevard'],
  bld: ['boulevard'],
  blvd: ['boulevard'],
  boul: ['boulevard'],
  bvd: ['boulevard'],
  ch: ['chaussee', 'chemin'],
  chee: ['chaussee'],
  chss: ['chaussee'],
  pl: ['place', 'plein', 'platz'],
  r: ['rue'],
  sq: ['square'],
  imp: ['impasse'],
  st: ['saint', 'sint', 'sankt'],
  ste: ['sainte'],
  dr: ['docteur', 'dokter', 'doktor'],
  str: ['straat', 'strasse'],
  ln: ['laan'],
  stwg: ['steenweg'],
  stw: ['steenweg'],
  pln: ['plein'],
};
/** What an abbreviation at the end of a compound stands for ('kerkstr' → 'kerkstraat'). */
const SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['str', ['straat', 'strasse']],
  ['stwg', ['steenweg']],
  ['stw', ['steenweg']],
  ['ln', ['laan']],
  ['pln', ['plein']],
  ['pl', ['plein', 'platz']],
];

function readingsOf(word: string): readonly string[] {
  const whole = WORDS[word];
  if (whole) return [word, ...whole];
  const compounds = SUFFIXES.filter(([suffix]) => word.length > suffix.length + 1 && word.endsWith(suffix)).flatMap(
    ([suffix, full]) => full.map((f) => word.slice(0, -suffix.length) + f),
  );
  return [word, ...compounds];
}

/** At most this many readings of one name (a name of a dozen abbreviations keeps the first ones only). */
const MAX_READINGS = 64;

/** Every way of reading a street name, as comparable strings without spaces. */
export function streetReadings(name: string): Set<string> {
  let readings = [''];
  for (const word of normaliseStreet(name).split(' ')) {
    const options = readingsOf(word);
    const usable = readings.length * options.length <= MAX_READINGS ? options : [word];
    readings = readings.flatMap((r) => usable.map((o) => r + o));
  }
  return new Set(readings.filter((r) => r !== ''));
}

/** The names of a zone street. */
export const namesOf = (street: ZoneStreet): string[] =>
  typeof street === 'string' ? [street] : Object.values(street).filter((n): n is string => !!n);

/** Whether a typed street name is one of the zone's streets (any of its names, any reading). */
export function streetInZone(street: string, streets: readonly ZoneStreet[]): boolean {
  const typed = streetReadings(street);
  if (typed.size === 0) return false;
  return streets.some((s) => namesOf(s).some((name) => [...streetReadings(name)].some((r) => typed.has(r))));
}

export function addressInZone(address: Address, zone: ZoneRule): boolean {
  const postcode = address.postcode.trim();
  if (!zone.postcodes.includes(postcode)) return false;
  if (zone.streets === undefined) return true;
  return streetInZone(address.street, zone.streets);
}

/**
 * The address in the PLP's zone, or 400 on the field that is not: `address.postcode` (outside-zone,
 * outside_zone_postcode) when the postcode is none of the zone's, else `address.street` (outside_zone_street).
 */
export function assertInZone(address: Address, plp: { name: string; zone: ZoneRule }): void {
  if (addressInZone(address, plp.zone)) return;
  const vars = { plp: plp.name };
  if (!addressInZone(address, { postcodes: plp.zone.postcodes }))
    throw new ValidationError(
      postcodeOutsideZoneProblem,
      [{ path: 'address.postcode', kind: postcodeOutsideZoneField, vars }],
      { vars },
    );
  throw new ValidationError(
    streetOutsideZoneProblem,
    [{ path: 'address.street', kind: streetOutsideZoneField, vars }],
    {
      vars,
    },
  );
}
