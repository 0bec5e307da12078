/** Issue 16 (15): a PLP's postcodes belong to its commune (shared/directory/postcode-rule.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCsv, postcodesModule, postcodesSource } from '../../../scripts/write-postcodes.ts';
import type { Caller } from '../../../shared/directory/caller.ts';
import { assertPostcodesOfCommune, provinceOfPostcode } from '../../../shared/directory/postcode-rule.ts';
import {
  nisWithoutProvinceField,
  postcodeOutsideCommuneField,
  unknownPostcodeField,
} from '../../../shared/directory/problems.ts';
import { provinceOfNis } from '../../../shared/directory/provinces.ts';
import { createCommune, createPlp, type DirectoryDeps } from '../../../shared/directory/use-cases.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors;
  }
  return [];
};

describe('provinces', () => {
  it.each([
    ['11002', 'antwerp'],
    ['21003', 'brussels'],
    ['23088', 'flemish_brabant'],
    ['24062', 'flemish_brabant'],
    ['25072', 'walloon_brabant'],
    ['31005', 'west_flanders'],
    ['44021', 'east_flanders'],
    ['53053', 'hainaut'],
    ['63023', 'liege'],
    ['71022', 'limburg'],
    ['82003', 'luxembourg'],
    ['92094', 'namur'],
  ])('of commune %s is %s', (nis, province) => {
    expect(provinceOfNis(nis)).toBe(province);
  });

  it.each(['01000', '20001', '22001', '26001', '29999', '1234', 'abcde'])('of %j is none', (nis) => {
    expect(provinceOfNis(nis)).toBeUndefined();
  });

  it.each([
    ['1082', 'brussels'],
    ['1000', 'brussels'],
    ['1020', 'brussels'], // Laeken: a sub-locality only
    ['4700', 'liege'],
    ['4000', 'liege'],
    ['9000', 'east_flanders'],
    ['1300', 'walloon_brabant'],
    ['1500', 'flemish_brabant'],
    ['3000', 'flemish_brabant'],
    ['6600', 'luxembourg'],
  ])('of postcode %s is %s', (postcode, province) => {
    expect(provinceOfPostcode(postcode)).toBe(province);
  });

  it.each(['1047', '1005', '0612', '9999', '1001', 'B-1082'])('of %j (no locality) is none', (postcode) => {
    expect(provinceOfPostcode(postcode)).toBeUndefined();
  });
});

describe('assertPostcodesOfCommune', () => {
  it('accepts postcodes of the commune’s province', () => {
    expect(
      problemsOf(() => assertPostcodesOfCommune({ communeNis: '63023', zone: { postcodes: ['4700', '4701'] } })),
    ).toEqual([]);
    expect(problemsOf(() => assertPostcodesOfCommune({ communeNis: '21003', zone: { postcodes: ['1082'] } }))).toEqual(
      [],
    );
  });

  it('refuses the Eupen PLP a Brussels postcode, on that postcode, saying where each lies', () => {
    expect(
      problemsOf(() =>
        assertPostcodesOfCommune({ communeNis: '63023', zone: { postcodes: ['4700', '1082', '9999'] } }),
      ),
    ).toEqual([
      { path: 'zone.postcodes.1', kind: postcodeOutsideCommuneField, vars: { postcode: '1082', nis: '63023' } },
      { path: 'zone.postcodes.2', kind: unknownPostcodeField, vars: { postcode: '9999' } },
    ]);
  });

  it('tells Flemish from Walloon Brabant and both from Brussels', () => {
    expect(
      problemsOf(() => assertPostcodesOfCommune({ communeNis: '24062', zone: { postcodes: ['1300'] } })),
    ).toHaveLength(1);
    expect(problemsOf(() => assertPostcodesOfCommune({ communeNis: '25072', zone: { postcodes: ['1300'] } }))).toEqual(
      [],
    );
    expect(
      problemsOf(() => assertPostcodesOfCommune({ communeNis: '23088', zone: { postcodes: ['1000'] } })),
    ).toHaveLength(1);
  });

  it('refuses a commune whose NIS code names no province, on communeNis', () => {
    expect(problemsOf(() => assertPostcodesOfCommune({ communeNis: '22001', zone: { postcodes: ['1082'] } }))).toEqual([
      { path: 'communeNis', kind: nisWithoutProvinceField, vars: { nis: '22001' } },
    ]);
  });
});

describe('createPlp', () => {
  const admin: Caller = { sub: 'region-1', groups: ['region_admin'] };
  const deps = (): DirectoryDeps => ({
    store: fakeDirectoryStore(),
    publish: async () => {},
    now: () => new Date('2026-03-01T10:00:00.000Z'),
  });
  const eupenPlp = (postcodes: string[]) => ({
    communeNis: '63023',
    name: 'Unterstadt',
    code: 'EUPEN-UNTERSTADT',
    type: 'residents' as const,
    zone: { postcodes },
    dispatchMode: 'direct' as const,
    requiresApproval: true,
    coordinators: [],
    officers: [],
  });

  it('refuses the Eupen PLP with postcode 1082 (400 on zone.postcodes.0) and stores nothing', async () => {
    const d = deps();
    await createCommune({ nis: '63023', name: { de: 'Eupen' }, languages: ['de'], policeZone: 'Weser-Göhl' }, admin, d);
    const attempt = createPlp(eupenPlp(['1082']), admin, d);
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ path: 'zone.postcodes.0' }] });
    expect((await d.store.plpsOfCommune('63023', { limit: 10 })).items).toEqual([]);
    expect(await d.store.plpIdsByPostcode('1082')).toEqual([]);
  });

  it('creates it with its own postcode', async () => {
    const d = deps();
    await createCommune({ nis: '63023', name: { de: 'Eupen' }, languages: ['de'], policeZone: 'Weser-Göhl' }, admin, d);
    const plp = await createPlp(eupenPlp(['4700']), admin, d);
    expect(await d.store.plpIdsByPostcode('4700')).toEqual([plp.plpId]);
  });
});

describe('the generated postcode module', () => {
  it.skipIf(!existsSync(defaultCsv))('is what npm run postcodes writes from ../shared/data', async () => {
    expect(readFileSync(postcodesModule, 'utf8')).toBe(await postcodesSource(readFileSync(defaultCsv, 'utf8')));
  });
});
