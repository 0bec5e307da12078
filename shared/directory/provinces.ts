/**
 * Belgium's provinces (and the Brussels-Capital Region), as the postcode rule of PLP zones needs them: a
 * commune's province follows from its NIS code, a postcode's from bpost's list (postcode-provinces.ts).
 */

export const PROVINCES = [
  'antwerp',
  'brussels',
  'flemish_brabant',
  'walloon_brabant',
  'west_flanders',
  'east_flanders',
  'hainaut',
  'liege',
  'limburg',
  'luxembourg',
  'namur',
] as const;
export type Province = (typeof PROVINCES)[number];

/** English names, for messages to administrators. */
export const PROVINCE_NAMES: Readonly<Record<Province, string>> = {
  antwerp: 'the province of Antwerp',
  brussels: 'the Brussels-Capital Region',
  flemish_brabant: 'the province of Flemish Brabant',
  walloon_brabant: 'the province of Walloon Brabant',
  west_flanders: 'the province of West Flanders',
  east_flanders: 'the province of East Flanders',
  hainaut: 'the province of Hainaut',
  liege: 'the province of Liège',
  limburg: 'the province of Limburg',
  luxembourg: 'the province of Luxembourg',
  namur: 'the province of Namur',
};

/**
 * A commune's NIS code starts with its arrondissement, whose first digit is the province (Statbel's REFNIS):
 * 1 Antwerp, 3 West Flanders, 4 East Flanders, 5 Hainaut, 6 Liège, 7 Limburg, 8 Luxembourg, 9 Namur; the
 * 2 is split by the second digit: 21 Brussels-Capital, 23 and 24 Flemish Brabant, 25 Walloon Brabant.
 */
const BY_NIS_PREFIX: Readonly<Record<string, Province>> = {
  '1': 'antwerp',
  '21': 'brussels',
  '23': 'flemish_brabant',
  '24': 'flemish_brabant',
  '25': 'walloon_brabant',
  '3': 'west_flanders',
  '4': 'east_flanders',
  '5': 'hainaut',
  '6': 'liege',
  '7': 'limburg',
  '8': 'luxembourg',
  '9': 'namur',
};

/** The province of a commune from its NIS code; undefined when the code names none (e.g. 0xxxx, 22xxx). */
export const provinceOfNis = (nis: string): Province | undefined =>
  /^\d{5}$/.test(nis) ? (BY_NIS_PREFIX[nis.slice(0, 1)] ?? BY_NIS_PREFIX[nis.slice(0, 2)]) : undefined;

/** NIS prefixes of each province (what tests and imports need to make a plausible commune code). */
export const nisPrefixesOf = (province: Province): string[] =>
  Object.entries(BY_NIS_PREFIX)
    .filter(([, p]) => p === province)
    .map(([prefix]) => prefix);

/** The province names of bpost's list (be-postcodes-localities.csv, French) → ours. */
export const CSV_PROVINCES: Readonly<Record<string, Province>> = {
  Anvers: 'antwerp',
  'Bruxelles (19 communes)': 'brussels',
  'Brabant Flamand': 'flemish_brabant',
  'Brabant Wallon': 'walloon_brabant',
  'Flandre-Occidentale': 'west_flanders',
  'Flandre-Orientale': 'east_flanders',
  Hainaut: 'hainaut',
  Liège: 'liege',
  Limbourg: 'limburg',
  Luxembourg: 'luxembourg',
  Namur: 'namur',
};
