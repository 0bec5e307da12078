/**
 * A PLP's postcodes must belong to its commune. The reference data (bpost's list of postcodes and localities,
 * postcode-provinces.ts) carries no NIS codes, and its commune names predate the mergers of 2019 and 2025 and
 * leave 550 postcodes with sub-localities only, so it cannot tell a postcode's commune reliably. What it does
 * tell is each postcode's province, and a commune's NIS code tells its province (provinces.ts). So the rule,
 * checked when a PLP is created (docs/api.md, "PLP zones"):
 *
 * - every postcode of the zone is one of bpost's postcodes of a locality (not 1047 Parlement européen, not
 *   9999), and
 * - it lies in the commune's province (the Brussels-Capital Region for 21xxx): Eupen (63023, Liège) may not
 *   hold 1082 (Brussels), nor 9000 (East Flanders); it may hold 4700.
 *
 * A commune whose NIS code names no province gets its PLPs refused with that reason.
 */
import { ValidationError, type FieldProblem } from '../errors.ts';
import { POSTCODES_BY_PROVINCE } from './postcode-provinces.ts';
import { validationProblem } from '../i18n/problems.ts';
import {
  nisWithoutProvinceField,
  postcodeOutsideCommuneField,
  postcodesOutsideCommuneProblem,
  unknownPostcodeField,
} from './problems.ts';
import { PROVINCES, type Province, provinceOfNis } from './provinces.ts';

let byPostcode: Map<string, Province> | undefined;

/** The province of a postcode of bpost's list; undefined for any other. */
export function provinceOfPostcode(postcode: string): Province | undefined {
  byPostcode ??= new Map(PROVINCES.flatMap((p) => POSTCODES_BY_PROVINCE[p].map((pc) => [String(pc), p] as const)));
  return byPostcode.get(postcode);
}

/** Throws ValidationError naming each postcode of the zone that is not in the commune's province. */
export function assertPostcodesOfCommune(input: { communeNis: string; zone: { postcodes: readonly string[] } }): void {
  const province = provinceOfNis(input.communeNis);
  if (!province) {
    throw new ValidationError(validationProblem, [
      { path: 'communeNis', kind: nisWithoutProvinceField, vars: { nis: input.communeNis } },
    ]);
  }
  const problems: FieldProblem[] = [];
  input.zone.postcodes.forEach((postcode, i) => {
    const where = provinceOfPostcode(postcode);
    const path = `zone.postcodes.${i}`;
    if (!where) problems.push({ path, kind: unknownPostcodeField, vars: { postcode } });
    else if (where !== province)
      problems.push({ path, kind: postcodeOutsideCommuneField, vars: { postcode, nis: input.communeNis } });
  });
  if (problems.length > 0) throw new ValidationError(postcodesOutsideCommuneProblem, problems);
}
