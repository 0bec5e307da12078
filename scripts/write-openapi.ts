import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { httpFunctions } from '../functions/manifest.ts';
import { openApiDocument } from '../shared/http/openapi.ts';

/**
 * Writes docs/openapi.json from the specs' triggers and zod schemas. The openapi function serves that file,
 * so its bundle carries no schema; test/unit/http/openapi-file.test.ts fails when the file is stale.
 */
export const openApiFile = path.resolve(import.meta.dirname, '../docs/openapi.json');
export const openApiText = () =>
  `${JSON.stringify(openApiDocument(httpFunctions().map(([, f]) => f.trigger)), null, 2)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(openApiFile, openApiText());
  console.log(`wrote ${path.relative(process.cwd(), openApiFile)}`);
}
