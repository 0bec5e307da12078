import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { EventContract } from '../events/define-event.ts';
import { allEvents } from '../events/index.ts';
import { breakingChanges, type JsonSchema } from '../events/schema-compat.ts';

/**
 * Writes events/schemas/<detailType>.v<version>.json, the JSON Schema of each contract's detail (metadata +
 * data). A missing snapshot is written and an additive change updates it; a breaking change writes nothing
 * for that contract and exits 1, because a published version must not change incompatibly: bump the version
 * instead. test/contract/event-schemas.test.ts fails while a snapshot is missing or stale.
 */
export const schemasDir = path.resolve(import.meta.dirname, '../events/schemas');
export const schemaFile = (contract: EventContract, dir = schemasDir) =>
  path.join(dir, `${contract.detailType}.v${contract.version}.json`);

/**
 * `io: 'input'` describes what consumers accept when they parse with the contract. In 'output' mode zod
 * closes every object (`additionalProperties: false`, as parsing strips unknown keys), so a validator using
 * the snapshot would reject an event with a new optional property, and no change would be additive.
 * Unrepresentable types throw (zod's default) rather than become `{}`, which would hide them from the check.
 */
export const eventJsonSchema = (contract: EventContract) =>
  z.toJSONSchema(contract.detail, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
export const schemaText = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;

export type SnapshotCheck = {
  file: string;
  text: string;
  status: 'missing' | 'current' | 'additive' | 'breaking';
  breaking: string[];
};

/** How the committed snapshot of a contract compares with its schema now. */
export function checkSnapshot(contract: EventContract, dir = schemasDir): SnapshotCheck {
  const file = schemaFile(contract, dir);
  const generated = eventJsonSchema(contract);
  const text = schemaText(generated);
  if (!existsSync(file)) return { file, text, status: 'missing', breaking: [] };
  const committed = readFileSync(file, 'utf8');
  if (committed === text) return { file, text, status: 'current', breaking: [] };
  const name = path.basename(file, '.json');
  const breaking = breakingChanges(JSON.parse(committed) as JsonSchema, generated).map((c) => `${name} ${c}`);
  return { file, text, status: breaking.length ? 'breaking' : 'additive', breaking };
}

/** Writes the missing and additively changed snapshots; returns the files written and the breaking changes. */
export function writeEventSchemas(contracts = allEvents, dir = schemasDir) {
  mkdirSync(dir, { recursive: true });
  const checks = contracts.map((contract) => checkSnapshot(contract, dir));
  const toWrite = checks.filter((c) => c.status === 'missing' || c.status === 'additive');
  for (const { file, text } of toWrite) writeFileSync(file, text);
  return { written: toWrite.map((c) => c.file), breaking: checks.flatMap((c) => c.breaking) };
}

if (process.argv[1] === import.meta.filename) {
  const { written, breaking } = writeEventSchemas();
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (breaking.length) {
    console.error(`Breaking event contract changes (snapshot not written):\n  ${breaking.join('\n  ')}`);
    console.error('bump the version (a new contract version gets its own snapshot)');
    process.exitCode = 1;
  }
}
