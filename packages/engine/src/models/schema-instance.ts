type Schema = Record<string, unknown>;

const memo = new WeakMap<Schema, unknown>();

/**
 * The smallest value that a JSON Schema accepts, built deterministically: const, else the first
 * enum value, else by type (required properties only, minItems copies, minimum, minLength). Covers
 * the schemas pipelines use; `pattern`, `format` and `$ref` are not satisfied (a string stays "").
 * Memoised per schema object, because a pipeline step passes the same schema on every call.
 */
export function minimalInstance(schema: unknown): unknown {
  if (!isSchema(schema)) return null;
  if (memo.has(schema)) return structuredClone(memo.get(schema));
  const value = build(schema);
  memo.set(schema, value);
  return structuredClone(value);
}

function build(schema: Schema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) return build(asSchema(alternatives[0]));
  if (Array.isArray(schema.allOf)) return build(mergeAll(schema.allOf.map(asSchema)));
  switch (typeOf(schema)) {
    case 'object':
      return buildObject(schema);
    case 'array':
      return buildArray(schema);
    case 'string':
      return 'a'.repeat(numberOr(schema.minLength, 0));
    case 'integer':
      return buildNumber(schema, true);
    case 'number':
      return buildNumber(schema, false);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? 'null';
  if (isSchema(schema.properties) || Array.isArray(schema.required)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function buildObject(schema: Schema): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [];
  const value: Record<string, unknown> = {};
  for (const key of required) value[key] = build(asSchema(properties[key]));
  return value;
}

function buildArray(schema: Schema): unknown[] {
  const count = numberOr(schema.minItems, 0);
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.map(asSchema) : [];
  const items = asSchema(schema.items);
  return Array.from({ length: count }, (_, i) => build(prefix[i] ?? items));
}

/** 0 when allowed, else the nearest bound inside the range. */
function buildNumber(schema: Schema, integer: boolean): number {
  const min = finite(schema.minimum);
  const max = finite(schema.maximum);
  const exclusiveMin = finite(schema.exclusiveMinimum);
  const exclusiveMax = finite(schema.exclusiveMaximum);
  let value = min ?? (exclusiveMin !== undefined ? exclusiveMin + 1 : 0);
  if (max !== undefined && value > max) value = max;
  if (exclusiveMax !== undefined && value >= exclusiveMax) value = exclusiveMax - 1;
  // A range narrower than 1 between exclusive bounds: take its middle.
  if (exclusiveMin !== undefined && value <= exclusiveMin)
    value = (exclusiveMin + (exclusiveMax ?? max ?? exclusiveMin + 2)) / 2;
  if (!integer) return value;
  const upper = max ?? (exclusiveMax !== undefined ? exclusiveMax - 1e-9 : undefined);
  return upper !== undefined && Math.ceil(value) > upper ? Math.floor(value) : Math.ceil(value);
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function mergeAll(schemas: Schema[]): Schema {
  const merged: Schema = {};
  const properties: Schema = {};
  const required: string[] = [];
  for (const schema of schemas) {
    Object.assign(merged, schema);
    if (isSchema(schema.properties)) Object.assign(properties, schema.properties);
    if (Array.isArray(schema.required)) required.push(...schema.required);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = [...new Set(required)];
  return merged;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchema(value: unknown): Schema {
  return isSchema(value) ? value : {};
}
