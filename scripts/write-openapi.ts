import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { httpFunctions } from '../functions/manifest.ts';
import { openApiDocument, type OpenApiRoute } from '../shared/http/openapi.ts';

/**
 * Writes docs/openapi.json from the specs' triggers and zod schemas. The openapi function serves that file,
 * so its bundle carries no schema; test/unit/functions/layout.test.ts fails when the file is stale, and
 * test/unit/http/openapi-lint.test.ts lints it with Spectral (`.spectral.mjs`).
 */
export const openApiFile = path.resolve(import.meta.dirname, '../docs/openapi.json');

/** Each HTTP function of the manifest as the document sees it: tagged with the folder of its spec. */
export const openApiRoutes = (): OpenApiRoute[] =>
  httpFunctions().map(([name, spec]) => ({
    operationId: name,
    tag: spec.entry.split('/')[1] ?? 'functions',
    description: spec.description,
    trigger: spec.trigger,
    callsServices: Object.values(spec.access).some((granted) => granted !== undefined && granted !== false),
  }));

export const openApiText = () => `${JSON.stringify(openApiDocument(openApiRoutes()), null, 2)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(openApiFile, openApiText());
  console.log(`wrote ${path.relative(process.cwd(), openApiFile)}`);
}
