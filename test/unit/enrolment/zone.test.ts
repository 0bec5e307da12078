import { describe, expect, it } from 'vitest';
import { addressInZone, normaliseStreet, streetInZone } from '../../../shared/enrolment/zone.ts';

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

describe('streetInZone: streets as people write them', () => {
  it.each([
    ['Av. Louise', 'Avenue Louise'],
    ['Av Louise', 'Avenue Louise'],
    ['Ave Louise', 'Avenue Louise'],
    ['Bd Léopold II', 'Boulevard Léopold II'],
    ['Bld. Léopold II', 'Boulevard Léopold II'],
    ['Boul. Léopold II', 'Boulevard Léopold II'],
    ['Ch. de Gand', 'Chaussée de Gand'],
    ['Chée de Gand', 'Chaussée de Gand'],
    ['Ch. des Postes', 'Chemin des Postes'],
    ['Pl. Sainctelette', 'Place Sainctelette'],
    ['R. des Alliés', 'Rue des Alliés'],
    ['Sq. Ambiorix', 'Square Ambiorix'],
    ['Kerkstr.', 'Kerkstraat'],
    ['kerkstr', 'Kerkstraat'],
    ['Kerk Str.', 'Kerkstraat'],
    ['Kerk straat', 'Kerkstraat'],
    ['Stationsln', 'Stationslaan'],
    ['Tervurenln.', 'Tervurenlaan'],
    ['Brusselsestwg', 'Brusselsesteenweg'],
    ['Ninoofse Stwg', 'Ninoofsesteenweg'],
    ['Dorpspln', 'Dorpsplein'],
    ['Hauptstr.', 'Hauptstraße'],
    ['Aachener Str.', 'Aachener Straße'],
    ['Aachener Strasse', 'Aachener Straße'],
    ['Marktpl.', 'Marktplatz'],
    ['St-Agatha-Berchemse Stwg', 'Sint-Agatha-Berchemsesteenweg'],
    ['Rue St-Jean', 'Rue Saint-Jean'],
    ['rue de l eglise', 'Rue de l’Église'],
    ['RUE DES ALLIES', 'Rue des Alliés'],
  ])('%j is %j', (typed, listed) => {
    expect(streetInZone(typed, [listed])).toBe(true);
    // an abbreviation in the zone's own list matches the full name typed too
    expect(streetInZone(listed, [typed])).toBe(true);
  });

  it.each([
    ['Rue Loi', 'Rue de la Loi'], // articles stay as they are
    ['Avenue Louise', 'Avenue Louis'],
    ['Rue de la Gare', 'Rue de la Station'],
    ['Kerkstraat', 'Kerklaan'],
    ['Av. Louise', 'Boulevard Louise'],
    ['', 'Rue des Alliés'],
  ])('%j is not %j', (typed, listed) => {
    expect(streetInZone(typed, [listed])).toBe(false);
  });

  it('matches a street in either of its languages', () => {
    const streets = [{ fr: 'Rue de la Loi', nl: 'Wetstraat' }, 'Rue Belliard'];
    for (const typed of ['Rue de la Loi', 'Wetstraat', 'wetstr.', 'R. de la Loi', 'Rue Belliard']) {
      expect(streetInZone(typed, streets)).toBe(true);
    }
    expect(streetInZone('Belliardstraat', streets)).toBe(false);
    expect(
      addressInZone({ street: 'Wetstraat', number: '16', postcode: '1040' }, { postcodes: ['1040'], streets }),
    ).toBe(true);
  });

  it('stays small for a name made of abbreviations', () => {
    expect(streetInZone('St St St St St St St St Pl Pl Pl Ch Ch', ['Saint Saint'])).toBe(false);
  });
});
