/**
 * zod/mini, as every module bundled into a Lambda imports it (`import * as z from '…/shared/zod.ts'`): its
 * functional API costs a quarter of classic zod's bytes per bundle.
 * - No locale is loaded (3 KB a bundle): zod/mini's issue messages are then "Invalid input", and no answer
 *   shows them anyway — a problem+json answer gives each field a code and a message of its own in the
 *   caller's language (shared/http/problem.ts, zodProblems). Messages a schema gives itself stay, for logs.
 * - `z.parse(schema, value)` throws an Error named `ZodError`, as classic zod's `.parse` did (zod/mini's
 *   `schema.parse` throws one named `$ZodError`). `errorToProblem` recognises both (`$ZodError`).
 * Value uses of `z.core.*` or `z.locales.*` would pull the whole namespace (every locale) into the bundle:
 * what is needed of them is imported by name here.
 */
import type * as z from 'zod/mini';
import { $constructor, $ZodError, _parse, type $ZodType } from 'zod/v4/core';

export * from 'zod/mini';
export { $ZodError };

/** The error `z.parse` throws: a `$ZodError` under classic zod's name. */
export const ZodError: $constructor<$ZodError> = $constructor(
  'ZodError',
  (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = 'ZodError';
  },
  undefined,
  { Parent: Error },
);

/** Parses `value`, or throws a {@link ZodError}. */
export const parse: <T extends $ZodType>(schema: T, value: unknown) => z.output<T> = _parse(ZodError);
