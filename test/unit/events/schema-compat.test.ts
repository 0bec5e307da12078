import { describe, expect, it } from 'vitest';
import { breakingChanges, type JsonSchema } from '../../../events/schema-compat.ts';

/** A detail-like schema: `data` with a required id, an optional note, a status enum and a list of channels. */
const v1 = (): JsonSchema => ({
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        note: { type: 'string' },
        status: { type: 'string', enum: ['open', 'closed'] },
        kind: { type: 'string', const: 'member' },
        channels: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
      required: ['id', 'status', 'kind', 'channels'],
    },
  },
  required: ['data'],
});

/** The breaking changes after `change` edits a copy of v1's `data` schema. */
const after = (change: (data: any) => void) => {
  const next = v1();
  change(next.properties!.data);
  return breakingChanges(v1(), next);
};

describe('breakingChanges', () => {
  it('reports nothing for the same schema', () => {
    expect(breakingChanges(v1(), v1())).toEqual([]);
  });

  it('reports nothing when an optional property is added', () => {
    expect(after((d) => (d.properties.since = { type: 'string' }))).toEqual([]);
  });

  it('reports a removed property, required or optional', () => {
    expect(after((d) => delete d.properties.note)).toEqual(['data.note: removed']);
    expect(
      after((d) => {
        delete d.properties.id;
        d.required = ['status', 'kind', 'channels'];
      }),
    ).toEqual(['data.id: removed']);
  });

  it('reports a new required property and an optional property made required', () => {
    expect(
      after((d) => {
        d.properties.since = { type: 'string' };
        d.required.push('since', 'note');
      }),
    ).toEqual(['data.since: added as required', 'data.note: now required']);
  });

  it('reports a required property made optional', () => {
    expect(after((d) => (d.required = ['status', 'kind', 'channels']))).toEqual(['data.id: now optional']);
  });

  it('reports a changed type, const or union', () => {
    expect(after((d) => (d.properties.id = { type: 'integer' }))).toEqual(['data.id: type "string" → "integer"']);
    expect(after((d) => (d.properties.kind.const = 'officer'))).toEqual(['data.kind: const "member" → "officer"']);
    expect(after((d) => (d.properties.id = { anyOf: [{ type: 'string' }, { type: 'null' }] }))).toEqual([
      'data.id: type "string" → absent',
      'data.id: anyOf with 0 → 2 branches',
    ]);
  });

  it('reports enum values removed and enum values added', () => {
    expect(after((d) => (d.properties.status.enum = ['open']))).toEqual([
      'data.status: enum values removed ["closed"], added []',
    ]);
    expect(after((d) => d.properties.status.enum.push('archived'))).toEqual([
      'data.status: enum values removed [], added ["archived"]',
    ]);
  });

  it('reports additionalProperties tightened, but not loosened', () => {
    expect(after((d) => (d.additionalProperties = false))).toEqual(['data: additionalProperties absent → false']);
    expect(after((d) => (d.additionalProperties = { type: 'string' }))).toEqual([
      'data: additionalProperties absent → {"type":"string"}',
    ]);
    const closed = v1();
    closed.properties!.data!.additionalProperties = false;
    expect(breakingChanges(closed, v1())).toEqual([]);
  });

  it('looks into array items and union branches', () => {
    expect(after((d) => delete d.properties.channels.items.properties.name)).toEqual(['data.channels[].name: removed']);
    const nullable = (enumValues: string[]): JsonSchema => ({
      anyOf: [{ type: 'string', enum: enumValues }, { type: 'null' }],
    });
    expect(breakingChanges(nullable(['a', 'b']), nullable(['a']))).toEqual([
      'anyOf[0]: enum values removed ["b"], added []',
    ]);
  });
});
