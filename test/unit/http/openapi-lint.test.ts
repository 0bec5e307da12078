import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, type IRuleResult, Ruleset, type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const rulesetFile = path.join(root, '.spectral.mjs');
const openApiFile = path.join(root, 'docs/openapi.json');
const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

let ruleset: Ruleset;
beforeAll(async () => {
  const { default: definition } = (await import(pathToFileURL(rulesetFile).href)) as { default: RulesetDefinition };
  // The source lets the ruleset's overrides (JSON pointers into docs/openapi.json) find the document.
  ruleset = new Ruleset(definition, { source: rulesetFile });
});

async function lint(text: string, source: string) {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  return spectral.run(new Document(text, Parsers.Json, source));
}

const show = (results: IRuleResult[]) =>
  results.map((r) => `${SEVERITY[r.severity]} ${r.code} at ${r.path.join('.')}: ${r.message}`).join('\n');

describe('the OpenAPI document passes Spectral with the OWASP API Security Top 10 rules (.spectral.mjs)', () => {
  it('has no error', async () => {
    const results = await lint(readFileSync(openApiFile, 'utf8'), openApiFile);
    const errors = results.filter((r) => r.severity === 0);
    expect(errors, show(errors)).toEqual([]);
  });

  it('would report an unbounded string, an unbounded array and an undocumented 401 (the rules are on)', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'probe', version: '1' },
      paths: {
        '/probe': {
          post: {
            security: [{ jwt: [] }],
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { s: { type: 'string' }, a: { type: 'array' } } },
                },
              },
            },
            responses: { 204: { description: 'done' } },
          },
        },
      },
      components: { securitySchemes: { jwt: { type: 'http', scheme: 'bearer' } } },
    };
    const codes = (await lint(JSON.stringify(doc), path.join(root, 'probe.json'))).map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'owasp:api4:2023-string-limit',
        'owasp:api4:2023-array-limit',
        'owasp:api8:2023-define-error-responses-401',
      ]),
    );
  });
});
