import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionEntries } from '../../../functions/manifest.ts';
import { openApiText } from '../../../scripts/write-openapi.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const handlerFiles = readdirSync(path.join(root, 'functions'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.handler.ts'))
  .map((f) => path.join('functions', f));

describe('function layout: a spec beside each handler, one index', () => {
  it('lists every handler of functions/ in the index, once', () => {
    const entries = functionEntries().map(([, spec]) => spec.entry);
    expect([...entries].sort()).toEqual([...handlerFiles].sort());
    expect(new Set(entries).size).toBe(entries.length);
  });

  it.each(functionEntries())('%s: its spec sits beside its handler, which imports that spec only', (name, spec) => {
    const specFile = spec.entry.replace(/\.handler\.ts$/, '.fn.ts');
    expect(existsSync(path.join(root, specFile))).toBe(true);
    const index = readFileSync(path.join(root, 'functions/index.ts'), 'utf8');
    expect(index).toContain(`export { default as ${name} } from './${path.relative('functions', specFile)}';`);
    const handler = readFileSync(path.join(root, spec.entry), 'utf8');
    const specImports = [...handler.matchAll(/from '([^']+\.fn\.ts)'/g)].map((m) => m[1]);
    // Inbound-SMS and queue consumers need nothing from their spec, except a queue fed by events (its
    // contract parses the envelope); any other handler reads its trigger.
    const needsNone =
      spec.trigger.kind === 'sms-inbound' || (spec.trigger.kind === 'queue' && spec.trigger.fedBy === undefined);
    expect(specImports).toEqual(needsNone ? [] : [`./${path.basename(specFile)}`]);
    expect(handler).not.toMatch(/from '\.\.\/(manifest|index)\.ts'/);
  });

  it('serves an OpenAPI document that is current with the specs (npm run openapi writes it)', () => {
    expect(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8')).toBe(openApiText());
  });
});
