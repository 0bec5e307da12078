import { describe, expect, it } from 'vitest';
import { addressInZone, normaliseStreet } from '../../../shared/enrolment/zone.ts';

describe('normaliseStreet', () => {
  it('ignores case, accents, apostrophes, hyphens and extra spaces', () => {
    const expected = 'rue de l eglise';
    for (const s of [
      'Rue de l’Église',
      "rue de l'eglise",
      'RUE DE L EGLISE',
      "  Rue  de   l'Eglise ",
      'Rue-de-l’église',
    ]) {
      expect(normaliseStreet(s)).toBe(expected);
    }
  });

  it('handles Dutch and German names', () => {
    expect(normaliseStreet('Sint-Agatha-Berchemse Steenweg')).toBe(normaliseStreet('sint agatha berchemse steenweg'));
    expect(normaliseStreet('Hauptstraße')).toBe(normaliseStreet('HAUPTSTRASSE'));
    expect(normaliseStreet('Rue Dr. Schweitzer')).toBe(normaliseStreet('rue dr schweitzer'));
  });

  it('keeps different streets different', () => {
    expect(normaliseStreet('Rue de la Gare')).not.toBe(normaliseStreet('Rue de la Station'));
  });
});

describe('addressInZone', () => {
  const address = { street: 'Rue de l’Église', number: '12', postcode: '1082' };

  it('accepts any street of the postcode when the zone has no street list', () => {
    expect(addressInZone(address, { postcodes: ['1082'] })).toBe(true);
    expect(addressInZone({ ...address, street: 'Anything' }, { postcodes: ['1080', '1082'] })).toBe(true);
  });

  it('refuses a postcode outside the zone', () => {
    expect(addressInZone({ ...address, postcode: '1083' }, { postcodes: ['1082'] })).toBe(false);
    expect(addressInZone(address, { postcodes: ['1083'], streets: ['Rue de l’Église'] })).toBe(false);
  });

  it('matches listed streets without case, accents or apostrophes', () => {
    const zone = { postcodes: ['1082'], streets: ['RUE DE L EGLISE', 'Avenue du Roi Albert'] };
    expect(addressInZone(address, zone)).toBe(true);
    expect(addressInZone({ ...address, street: "rue de l'eglise" }, zone)).toBe(true);
    expect(addressInZone({ ...address, street: 'avenue du roi-albert' }, zone)).toBe(true);
  });

  it('refuses a street not on the list', () => {
    const zone = { postcodes: ['1082'], streets: ['Avenue du Roi Albert'] };
    expect(addressInZone(address, zone)).toBe(false);
    expect(addressInZone({ ...address, street: '   ' }, zone)).toBe(false);
  });

  it('refuses everything when the street list is empty', () => {
    expect(addressInZone(address, { postcodes: ['1082'], streets: [] })).toBe(false);
  });
});
