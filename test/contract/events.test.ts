import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventJsonSchema } from '../../scripts/write-event-schemas.ts';
import { allEvents } from '../../events/index.ts';

const samples = path.resolve(import.meta.dirname, '../../events/samples');
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const sampleOf = (detailType: string) =>
  JSON.parse(readFileSync(path.join(samples, `${kebab(detailType)}.json`), 'utf8')) as Record<string, any>;

describe('event contracts', () => {
  it('has at least one contract', () => {
    expect(allEvents.length).toBeGreaterThan(0);
  });

  it('names each contract uniquely', () => {
    const names = allEvents.map((e) => `${e.source}/${e.detailType}/v${e.version}`);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(allEvents.map((contract) => [contract.detailType, contract] as const))('%s', (detailType, contract) => {
    it(`has a sample in events/samples/${kebab(detailType)}.json that parses with its schema`, () => {
      const sample = sampleOf(detailType);
      const result = contract.schema.safeParse(sample);
      expect(result.error).toBeUndefined();
      expect(sample.source).toBe(contract.source);
      expect(sample['detail-type']).toBe(contract.detailType);
      expect(sample.detail.metadata.version).toBe(contract.version);
    });

    it('rejects a detail without metadata.idempotencyKey', () => {
      const sample = sampleOf(detailType);
      delete sample.detail.metadata.idempotencyKey;
      expect(contract.detail.safeParse(sample.detail).success).toBe(false);
      expect(contract.schema.safeParse(sample).success).toBe(false);
    });

    it('rejects a detail with another version', () => {
      const sample = sampleOf(detailType);
      sample.detail.metadata.version = contract.version + 1;
      expect(contract.detail.safeParse(sample.detail).success).toBe(false);
    });

    it('gives a rule pattern matching the sample', () => {
      const sample = sampleOf(detailType);
      expect(contract.pattern.source).toContain(sample.source);
      expect(contract.pattern.detailType).toContain(sample['detail-type']);
    });

    it('has a JSON Schema (the snapshot of events/schemas is generated from it)', () => {
      const schema = eventJsonSchema(contract);
      expect(schema).toBeTypeOf('object');
      expect(schema).not.toBeNull();
      expect(schema).toMatchObject({ type: 'object', properties: { metadata: expect.any(Object) } });
    });
  });
});
