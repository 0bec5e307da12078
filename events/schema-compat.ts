/**
 * Lists the breaking changes between two JSON Schemas of one event contract version (the committed snapshot
 * and the schema generated now), so that a breaking change cannot slip in without a new version.
 *
 * "Breaking" is judged from the consumers' side: they parse every event with the contract's zod schema, and
 * the bus archive may replay events written under the old schema. So these are breaking:
 * - a property removed, or a required property made optional (consumers read it);
 * - a new required property, or an optional one made required (archived events lack it);
 * - a changed `type` or `const`, or a union (`anyOf`/`oneOf`/`allOf`) with another number of branches;
 * - any change to an `enum`: a removed value breaks producers of archived events, and an added value
 *   breaks consumers, whose `z.enum` rejects a value it does not know (the event would go to the DLQ);
 * - `additionalProperties` tightened (absent/true → schema → false).
 * A new optional property is additive: `z.object` ignores keys it does not know.
 * Constraints (`format`, `pattern`, `minLength`, `maximum`, …) are not compared: a change to them still
 * fails the snapshot test, and the reviewer sees it in the snapshot's diff.
 */
export type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [keyword: string]: unknown;
};

/** The breaking changes from `before` to `after`, one line each (`data.plpId: removed`); empty when none. */
export function breakingChanges(before: JsonSchema, after: JsonSchema, at = ''): string[] {
  const changes: string[] = [];
  const report = (message: string, where = at) => changes.push(`${where || '(root)'}: ${message}`);
  const child = (name: string) => (at ? `${at}.${name}` : name);

  if (!same(typesOf(before), typesOf(after))) report(`type ${show(before.type)} → ${show(after.type)}`);
  if (!same(before.const, after.const)) report(`const ${show(before.const)} → ${show(after.const)}`);
  if (before.enum || after.enum) {
    const removed = (before.enum ?? []).filter((v) => !after.enum?.some((w) => same(v, w)));
    const added = (after.enum ?? []).filter((v) => !before.enum?.some((w) => same(v, w)));
    if (!before.enum || !after.enum) report(`enum ${show(before.enum)} → ${show(after.enum)}`);
    else if (removed.length || added.length) report(`enum values removed ${show(removed)}, added ${show(added)}`);
  }

  const beforeRequired = new Set(before.required ?? []);
  const afterRequired = new Set(after.required ?? []);
  for (const [name, schema] of Object.entries(before.properties ?? {})) {
    const next = after.properties?.[name];
    if (!next) report('removed', child(name));
    else changes.push(...breakingChanges(schema, next, child(name)));
  }
  for (const name of afterRequired) {
    if (!beforeRequired.has(name))
      report(before.properties?.[name] ? 'now required' : 'added as required', child(name));
  }
  for (const name of beforeRequired) {
    if (!afterRequired.has(name) && after.properties?.[name]) report('now optional', child(name));
  }

  const openness = (a: JsonSchema['additionalProperties']) => (a === false ? 2 : typeof a === 'object' ? 1 : 0);
  const [wasOpen, isOpen] = [before.additionalProperties, after.additionalProperties];
  if (openness(isOpen) > openness(wasOpen)) report(`additionalProperties ${show(wasOpen)} → ${show(isOpen)}`);
  else if (typeof wasOpen === 'object' && typeof isOpen === 'object') {
    changes.push(...breakingChanges(wasOpen, isOpen, child('*')));
  }

  if (typeof before.items === 'object' && typeof after.items === 'object') {
    changes.push(...breakingChanges(before.items, after.items, `${at}[]`));
  } else if (!same(before.items, after.items)) report(`items ${show(before.items)} → ${show(after.items)}`);
  for (const keyword of ['prefixItems', 'anyOf', 'oneOf', 'allOf'] as const) {
    const [was, is] = [before[keyword] ?? [], after[keyword] ?? []];
    if (was.length !== is.length) report(`${keyword} with ${was.length} → ${is.length} branches`);
    else was.forEach((branch, i) => changes.push(...breakingChanges(branch, is[i]!, child(`${keyword}[${i}]`))));
  }
  return changes;
}

const typesOf = (s: JsonSchema) => (s.type === undefined ? undefined : [s.type].flat().sort());
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));
