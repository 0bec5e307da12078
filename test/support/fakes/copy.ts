/**
 * What a fake stores and hands back: a deep copy, so a caller changing an object cannot change the store, and
 * without attributes set to undefined (the DynamoDB document client is built with removeUndefinedValues, so a
 * field written as undefined reads back absent).
 */
export function copy<T>(value: T): T {
  return dropUndefined(structuredClone(value));
}

function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(dropUndefined);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) delete (value as Record<string, unknown>)[k];
      else dropUndefined(v);
    }
  return value;
}

/**
 * Items in the order of a key, as a DynamoDB query returns them in sort-key order (strings compared by code
 * unit, not by locale).
 */
export const sortedBy = <T>(items: Iterable<T>, key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * DynamoDB refuses a request naming one item twice (a BatchGet with a repeated key, a transaction with two
 * operations on one item) with a ValidationException, not a domain error: so does a fake.
 */
export function assertNoRepeats(itemKeys: string[], request: string): void {
  const repeated = itemKeys.find((k, i) => itemKeys.indexOf(k) !== i);
  if (repeated !== undefined) throw new Error(`${request} names one item twice (${repeated}); DynamoDB refuses it`);
}
