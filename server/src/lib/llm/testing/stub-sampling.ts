import type { JsonSchema } from '../json-schema';
import type { StubMessage, StubResponder } from './stub-types';

// --- The default responder -------------------------------------------------------------------------------

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match) return undefined;
  const defs = root[match[1] as string];
  const target = isObject(defs) ? defs[decodeURIComponent(match[2] as string)] : undefined;
  return isObject(target) ? target : undefined;
}

function sampleNumber(node: JsonSchema, integer: boolean): number {
  let value = 0;
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  const exMin = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
  if (min !== undefined && value < min) value = min;
  if (exMin !== undefined && value <= exMin) value = integer ? Math.floor(exMin) + 1 : exMin + 0.5;
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

/**
 * A minimal value valid against `schema`: strings '…', numbers 0 clamped into their bounds (so the
 * minimum when 0 is below it), booleans false, arrays of `minItems` items (empty by default), enums and
 * unions their first (non-null) option, objects with every required property.
 */
export function sampleFromJsonSchema(schema: JsonSchema, root: JsonSchema = schema, depth = 0): unknown {
  if (depth > 32) return null; // a recursive schema with required recursion has no finite instance
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    return target ? sampleFromJsonSchema(target, root, depth + 1) : null;
  }
  const options = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : null;
  if (options) {
    const pick = options.find((o) => isObject(o) && o.type !== 'null') ?? options[0];
    return isObject(pick) ? sampleFromJsonSchema(pick, root, depth + 1) : null;
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string': {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return '…'.repeat(Math.max(1, min));
    }
    case 'number':
      return sampleNumber(schema, false);
    case 'integer':
      return sampleNumber(schema, true);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = isObject(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => sampleFromJsonSchema(items, root, depth + 1));
    }
    default: {
      if (type !== 'object' && !isObject(schema.properties)) return null;
      const props = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : Object.keys(props);
      const out: Record<string, unknown> = {};
      for (const key of required) {
        const prop = props[key as string];
        out[key as string] = isObject(prop) ? sampleFromJsonSchema(prop, root, depth + 1) : null;
      }
      return out;
    }
  }
}

export const defaultResponder: StubResponder = (call) =>
  call.schema ? sampleFromJsonSchema(call.schema) : {};

/**
 * A schema written in the system prompt as a ```json fence (what the client sends when the server does not
 * take `json_schema`): the stub then answers like a model that follows the instruction.
 */
export function schemaInPrompt(messages: StubMessage[]): JsonSchema | undefined {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const fences = [...system.matchAll(/```json\n([\s\S]*?)\n```/g)];
  const last = fences[fences.length - 1]?.[1];
  if (!last) return undefined;
  try {
    const value = JSON.parse(last) as unknown;
    return isObject(value) && ('properties' in value || 'type' in value) ? value : undefined;
  } catch {
    return undefined;
  }
}
