import { z } from 'zod';

/** A JSON Schema node, as plain data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Keywords OpenAI's strict structured outputs accept. Anything else makes the provider reject the whole
 * request with a 400, so it is dropped: the zod schema still enforces it when the answer is validated.
 */
const ALLOWED_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  '$ref',
  '$defs',
  'definitions',
  'description',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

/** Per zod schema: zod's own JSON schema, and the strict version sent to the provider. */
const cache = new WeakMap<z.ZodType, { original: JsonSchema; strict: JsonSchema }>();

function schemasOf(schema: z.ZodType): { original: JsonSchema; strict: JsonSchema } {
  let entry = cache.get(schema);
  if (!entry) {
    const original = z.toJSONSchema(schema) as JsonSchema;
    entry = { original, strict: strictNode(original) };
    cache.set(schema, entry);
  }
  return entry;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function allowsNull(node: JsonSchema): boolean {
  if (node.type === 'null') return true;
  if (Array.isArray(node.type) && node.type.includes('null')) return true;
  return Array.isArray(node.anyOf) && node.anyOf.some((n) => isSchema(n) && allowsNull(n));
}

function strictNode(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // zod writes discriminated unions as oneOf; strict mode only knows anyOf (same meaning for disjoint options).
    const target = key === 'oneOf' ? 'anyOf' : key;
    if (!ALLOWED_KEYWORDS.has(target)) continue;
    if (target === 'properties' && isSchema(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, isSchema(v) ? strictNode(v) : v]),
      );
    } else if ((target === '$defs' || target === 'definitions') && isSchema(value)) {
      out[target] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, isSchema(v) ? strictNode(v) : v]),
      );
    } else if (target === 'anyOf' && Array.isArray(value)) {
      out.anyOf = value.map((v) => (isSchema(v) ? strictNode(v) : v));
    } else if ((target === 'items' || target === 'additionalProperties') && isSchema(value)) {
      out[target] = strictNode(value);
    } else {
      out[target] = value;
    }
  }
  // z.int() emits ±MAX_SAFE_INTEGER bounds: noise for the model, and some servers reject huge numbers.
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;

  if (isSchema(out.properties)) {
    const props = out.properties;
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    // Strict mode wants every property required; an optional one becomes "required but nullable".
    for (const [key, value] of Object.entries(props)) {
      if (!required.has(key) && isSchema(value) && !allowsNull(value)) {
        props[key] = { anyOf: [value, { type: 'null' }] };
      }
    }
    out.required = Object.keys(props);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The JSON schema to send as `response_format.json_schema.schema` with `strict: true`: zod 4's
 * `z.toJSONSchema`, post-processed so that every object lists all its properties as required, forbids
 * additional ones, and uses only keywords strict mode accepts. Optional properties are sent as nullable;
 * `parseStructured` maps the nulls back. Records (`z.record`) and `z.unknown()` cannot be strict and make
 * the provider answer 400: model schemas should use plain objects and arrays. Cached per schema.
 *
 * Why not the openai SDK's `zodResponseFormat` (`openai/helpers/zod`): it does support zod 4 (it calls
 * `z.toJSONSchema` too), but tried on our schemas (openai 6.49, zod 4.6) it throws on `.optional()` without
 * `.nullable()` (`CoachAnswerSchema.refused`), where this rewrite sends the property as nullable and
 * `parseStructured` maps the null back; and it keeps the ±2^53 bounds of every `z.int()` and a `$schema`
 * key, which some OpenAI-compatible servers refuse. Swapping would mean changing the model schemas' shape,
 * so this small post-processor stays.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchema {
  return schemasOf(schema).strict;
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  if (typeof node.$ref !== 'string') return node;
  if (node.$ref === '#') return root;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(node.$ref);
  const defs = match ? root[match[1] as string] : undefined;
  const target = isSchema(defs) ? defs[match?.[2] as string] : undefined;
  return isSchema(target) ? target : node;
}

/**
 * Undoes the "optional → nullable" rewrite on an answer: removes `null` values of properties that zod's
 * own schema (`node`) marks optional and not nullable, recursively. Everything else is left as is.
 */
export function removeOptionalNulls(
  value: unknown,
  node: JsonSchema,
  root: JsonSchema = node,
  depth = 0,
): unknown {
  if (depth > 64) return value;
  let schema = resolve(node, root);
  // A nullable wrapper around one schema (`anyOf: [X, null]`): look through it.
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter((b): b is JsonSchema => isSchema(b) && b.type !== 'null');
    if (branches.length !== 1) return value;
    schema = resolve(branches[0] as JsonSchema, root);
  }
  if (Array.isArray(value)) {
    const items = schema.items;
    return isSchema(items) ? value.map((v) => removeOptionalNulls(v, items, root, depth + 1)) : value;
  }
  if (isSchema(value) && isSchema(schema.properties)) {
    const props = schema.properties;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const prop = props[key];
      if (!isSchema(prop)) {
        out[key] = v;
      } else if (v === null && !required.has(key) && !allowsNull(resolve(prop, root))) {
        // dropped: the model's way of leaving an optional property out under strict mode
      } else {
        out[key] = removeOptionalNulls(v, prop, root, depth + 1);
      }
    }
    return out;
  }
  return value;
}

/**
 * Validates a model's JSON against `schema`, after mapping `null` back to "absent" for the optional
 * properties that `toStrictJsonSchema` sent as nullable.
 */
export function parseStructured<T>(schema: z.ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
  return schema.safeParse(removeOptionalNulls(value, schemasOf(schema).original));
}
