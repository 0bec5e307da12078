/**
 * Whether an address lies in a PLP's zone. Street names are compared without case, accents,
 * apostrophes, hyphens or repeated spaces: 'Rue de l’Église' ≡ 'rue de l'eglise' ≡ 'RUE DE L EGLISE'.
 */

import { ValidationError } from '../errors.ts';

export type Address = { street: string; number: string; postcode: string };
export type ZoneRule = { postcodes: readonly string[]; streets?: readonly string[] | undefined };

/** A comparable form of a street name. */
export function normaliseStreet(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // combining marks (accents)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['’‘`´ʼ\-‐‑‒–—.,]/g, ' ') // apostrophes, hyphens, dashes, dots, commas separate words
    .replace(/\s+/g, ' ')
    .trim();
}

export function addressInZone(address: Address, zone: ZoneRule): boolean {
  const postcode = address.postcode.trim();
  if (!zone.postcodes.includes(postcode)) return false;
  if (zone.streets === undefined) return true;
  const street = normaliseStreet(address.street);
  if (street === '') return false;
  return zone.streets.some((s) => normaliseStreet(s) === street);
}

/** The address in the PLP's zone, or 400 on `address`. */
export function assertInZone(address: Address, plp: { name: string; zone: ZoneRule }): void {
  if (!addressInZone(address, plp.zone))
    throw new ValidationError('The address is outside the zone of this PLP', [
      { path: 'address', message: `not in the zone of ${plp.name}` },
    ]);
}
