/**
 * The directory's scalars that the enrolment bodies use too. A module of their own: importing them from
 * model.ts would bundle every directory schema into each enrolment function (zod schemas are built when the
 * module loads, so esbuild cannot drop the unused ones); model.ts re-exports them.
 */
import * as z from '../zod.ts';

/**
 * A Belgian postcode: four digits, 1000–9999, given on as those four digits. Accepted as people type it:
 * `1082`, ` 1082 `, `B-1082`, `B 1082`, `B1082`, `BE-1082`.
 */
export const Postcode = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^(?:BE?\s?-?\s?)?[1-9]\d{3}$/i, { error: 'a Belgian postcode has four digits', abort: true }),
      z.maxLength(9),
    ),
  z.transform((s) => s.slice(-4)),
);

/** An id the API made (a ULID), as answers carry it. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/), z.maxLength(26));

/**
 * An id in a path, query or body: letters, digits, `-` and `_` (the API's ids are ULIDs), so that no id can
 * carry a key separator (`#`) into the table's keys.
 */
export const IdInput = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[\w-]*$/, 'an id has only letters, digits, - and _'));
