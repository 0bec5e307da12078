/**
 * The house number typed into the street field. People write "Rue des Alliés 12", "Kerkstraat 12 bus 3" or
 * "12, rue des Alliés" in the street and leave the number empty, or type it in both. The rule (docs/api.md,
 * "Addresses"):
 *
 * - a house number at the end of the street (or at its start, before a comma or the name) is split out of it
 *   when the number field is empty, or when the number field names the same house (same leading digits):
 *   `{street: "Rue des Alliés 12"}` → `{street: "Rue des Alliés", number: "12"}`;
 * - a number field that names another house leaves the street as typed (a street may end in a number);
 * - no number anywhere is still refused ("give the house number").
 *
 * A house number here: 1 to 5 digits, optionally a letter or bis/ter ("12A", "12 bis"), a range or a
 * slash ("12-14", "12/3"), and a box ("bus 3", "bte 3", "boîte 3", "box 3", "b3").
 */

const HOUSE = String.raw`\d{1,5}(?:\s?(?:bis|ter|[a-z])(?![\p{L}\d]))?(?:\s?[-/]\s?\d{1,5}[a-z]?)?`;
const BOX = String.raw`(?:[\s,]+(?:bus|bte|boite|boîte|box|bt|b)\.?\s?[\p{L}\d]{1,5})?`;
const TRAILING = new RegExp(String.raw`^(.*?\p{L}.*?)[\s,]+(${HOUSE}${BOX})$`, 'iu');
const LEADING = new RegExp(String.raw`^(${HOUSE}${BOX})\s*,?\s+(\p{L}.*)$`, 'iu');

/** The first run of digits of a house number: "12 bus 3" → "12". */
const houseOf = (number: string) => /\d+/.exec(number)?.[0];

/** The street without a house number typed into it, and that number ('' when none). */
export function splitStreet(street: string): { street: string; number: string } {
  const s = street.replace(/\s+/g, ' ').trim();
  const trailing = TRAILING.exec(s);
  if (trailing) return { street: trailing[1]!.replace(/[\s,]+$/, ''), number: trailing[2]! };
  const leading = LEADING.exec(s);
  if (leading) return { street: leading[2]!, number: leading[1]! };
  return { street: s, number: '' };
}

/**
 * The address with its house number in the number field (rule above); `number` is undefined when there is
 * none in either field.
 */
export function withHouseNumber<A extends { street: string; number?: string | undefined }>(
  address: A,
): Omit<A, 'number'> & { number: string | undefined } {
  const typed = address.number?.trim() || undefined;
  const split = splitStreet(address.street);
  if (split.number === '' || split.street === '') return { ...address, number: typed };
  if (typed === undefined) return { ...address, street: split.street, number: split.number };
  if (houseOf(typed) !== houseOf(split.number)) return { ...address, number: typed };
  // The same house in both: keep the fuller of the two ("12" in the number field, "12 bus 3" in the street).
  return { ...address, street: split.street, number: split.number.length > typed.length ? split.number : typed };
}
