import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStructured, toStrictJsonSchema } from './json-schema';

describe('toStrictJsonSchema', () => {
  it('requires every property, forbids extras and drops unsupported keywords', () => {
    const schema = z.object({
      score: z.int().min(0).max(4),
      note: z.string().min(3).optional(),
      count: z.int(),
      items: z.array(z.object({ quote: z.string(), page: z.int().nullable() })),
    });
    expect(toStrictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        score: { type: 'integer', minimum: 0, maximum: 4 },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        count: { type: 'integer' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              quote: { type: 'string' },
              page: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
            },
            required: ['quote', 'page'],
            additionalProperties: false,
          },
        },
      },
      required: ['score', 'note', 'count', 'items'],
      additionalProperties: false,
    });
  });

  it('is cached per schema', () => {
    const schema = z.object({ a: z.string() });
    expect(toStrictJsonSchema(schema)).toBe(toStrictJsonSchema(schema));
  });
});

describe('parseStructured', () => {
  const schema = z.object({ a: z.string(), b: z.string().optional(), c: z.string().nullable() });

  it('accepts null for an optional property (sent to the model as nullable)', () => {
    const result = parseStructured(schema, { a: 'x', b: null, c: null });
    expect(result.success && result.data).toEqual({ a: 'x', c: null });
  });

  it('still rejects what the schema rejects', () => {
    expect(parseStructured(schema, { a: null, c: null }).success).toBe(false);
  });

  it('maps nulls back inside arrays and nested objects only where the property is optional', () => {
    const nested = z.object({
      items: z.array(z.object({ quote: z.string(), page: z.int().optional(), note: z.string().nullable() })),
    });
    const result = parseStructured(nested, { items: [{ quote: 'q', page: null, note: null }] });
    expect(result.success && result.data).toEqual({ items: [{ quote: 'q', note: null }] });
  });
});
