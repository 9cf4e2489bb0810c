import type { Aspect } from '@reps/shared';
import { valueKey } from './answer-drawer.js';
import { aspectForProperty, normalizeName } from './aspect-matcher.js';
import type { Rng } from './prng.js';
import { snippet } from './prose-writer.js';
import { isObjectSchema, type JsonSchema, type SimCall, vagueValue } from './sim-call.js';
import type { PresentUnit } from './unit-matcher.js';

/**
 * Shapes the simulated answer to the requested JSON Schema, as a model with structured output
 * would: aspects it recognises get its answers, one entry per unit where the schema asks for a
 * list or a map, and every other property a plausible value (ids from the unit, short strings …).
 */
export function writeJson(call: SimCall): unknown {
  const schema = call.schema ?? {};
  const writer = new JsonWriter(call, call.rng('json-fill'));
  return writer.fill(schema, call.units[0], 'root', true);
}

/** Last words of a property name that make it an identifier (`sku`, `line_id`, `invoiceRef` …). */
const ID_WORDS = new Set([
  'id',
  'ids',
  'uid',
  'uuid',
  'guid',
  'ref',
  'reference',
  'key',
  'code',
  'sku',
  'slug',
  'handle',
  'identifier',
  'isbn',
  'ean',
  'upc',
  'gtin',
  'barcode',
  'unit',
]);
/** Last words that make it a number of the unit (`line_no`, `clauseNumber`, `index` …). */
const NUMBER_WORDS = new Set(['n', 'no', 'nr', 'num', 'number', 'index', 'idx', 'position', 'ordinal']);
/** Names that are a position on their own (`line: 3`, `clause: 7`). */
const POSITION_NAMES = new Set(['line', 'clause', 'item', 'row', 'entry', 'paragraph']);
/** Words ending in "id" that are not ids (`docid`, `qid`, `lineid` are). */
const NOT_ID =
  /^(in|un)?(valid|paid|prepaid|said|void|avoid|acid|aid|amid|arid|fluid|liquid|solid|rapid|humid|hybrid|grid|bid|kid|lid|rid|mid|raid|maid|laid|afraid|candid|vivid|timid|lucid|placid|tepid|morbid|squid|pyramid|android|orchid|lipid|druid|stupid)$/;
/** First words that make a code or number something else than the unit's identifier. */
const NOT_ID_FIRST =
  /^(zip|post|postal|area|country|currency|language|lang|status|error|reason|colou?r|tax|discount|promo|dial|phone|tel|telephone|mobile|fax|house|street|building|flat|card|page)$/;
const REASON_NAMES =
  /(reason|explanation|rationale|evidence|quote|justification|summary|comment|note|why|because)/;
const RESULT_NAMES = /(total|sum|count|average|mean|result|value|answer|amount|number)/;

class JsonWriter {
  constructor(
    private readonly call: SimCall,
    private readonly rng: Rng,
  ) {}

  /** `top` is true while no per-unit list or map has been entered yet. */
  fill(node: JsonSchema, unit: PresentUnit | undefined, name: string, top: boolean): unknown {
    const schema = resolve(node);
    const type = typeOf(schema);
    if (type === 'array') return this.array(schema, unit, name, top);
    if (type === 'object') return this.object(schema, unit, top);
    return this.primitive(schema, unit, name);
  }

  private array(schema: JsonSchema, unit: PresentUnit | undefined, name: string, top: boolean): unknown[] {
    const items = resolve((schema.items as JsonSchema) ?? {});
    if (top && isObjectSchema(items)) return this.call.units.map((u) => this.fill(items, u, name, false));
    const filtered = top ? this.filterList(name, items) : undefined;
    if (filtered) return filtered;
    const aspect = aspectForProperty(name, this.call.aspects);
    if (aspect && unit) return this.listValue(unit, aspect, items);
    return [];
  }

  /** A list answer fitted element by element to the items' schema (never joined into one string). */
  private listValue(unit: PresentUnit, aspect: Aspect, items: JsonSchema): unknown[] {
    return asArray(this.draw(unit, aspect).value).map((x) => conform(x, items));
  }

  private object(schema: JsonSchema, unit: PresentUnit | undefined, top: boolean): Record<string, unknown> {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const extra = schema.additionalProperties;
    const out: Record<string, unknown> = {};
    if (top && isObjectSchema(extra) && Object.keys(props).length === 0) {
      for (const u of this.call.units) out[u.unit.id] = this.fill(extra, u, u.unit.id, false);
      return out;
    }
    for (const [name, sub] of Object.entries(props)) out[name] = this.property(name, sub, unit, top);
    return out;
  }

  private property(name: string, sub: JsonSchema, unit: PresentUnit | undefined, top: boolean): unknown {
    const call = this.call;
    if (name === call.verdictName && call.mode === 'verify' && unit) return call.verdict(unit).says;
    const aspect = aspectForProperty(name, call.aspects);
    if (aspect && typeOf(resolve(sub)) !== 'array') {
      return unit ? this.aspectValue(unit, aspect, sub) : conform(vagueValue(this.rng, aspect), sub);
    }
    const arithmetic = call.arithmetic();
    if (arithmetic && top && isNumeric(sub) && RESULT_NAMES.test(normalizeName(name)))
      return arithmetic.value;
    const count = top ? this.filterCount(name, sub) : undefined;
    if (count !== undefined) return count;
    return this.fill(sub, unit, name, top);
  }

  private aspectValue(unit: PresentUnit, aspect: Aspect, sub: JsonSchema): unknown {
    if (typeOf(resolve(sub)) === 'array')
      return this.listValue(unit, aspect, resolve((resolve(sub).items as JsonSchema) ?? {}));
    return conform(this.draw(unit, aspect).value, sub);
  }

  private draw(unit: PresentUnit, aspect: Aspect) {
    return this.call.mode === 'verify'
      ? this.call.correctedAnswer(unit, aspect)
      : this.call.answer(unit, aspect);
  }

  /** `high_risk: [3, 7]`: the units whose answer for an aspect is the value the name contains. */
  private filterList(name: string, items: JsonSchema): unknown[] | undefined {
    const filter = this.filterOf(name);
    if (!filter) return undefined;
    const numeric = isNumeric(items);
    return this.call.units
      .filter((u) => valueKey(this.call.answer(u, filter.aspect).value) === valueKey(filter.value))
      .map((u) => (numeric ? u.number : u.unit.id));
  }

  private filterCount(name: string, sub: JsonSchema): number | undefined {
    if (!isNumeric(sub) || !/count|number|total/.test(normalizeName(name))) return undefined;
    const filter = this.filterOf(name);
    if (!filter) return undefined;
    return this.call.units.filter(
      (u) => valueKey(this.call.answer(u, filter.aspect).value) === valueKey(filter.value),
    ).length;
  }

  private filterOf(name: string): { aspect: Aspect; value: unknown } | undefined {
    const words = name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
    for (const { aspect } of this.call.requested) {
      const value = (aspect.values ?? []).find((v) => words.includes(String(v).toLowerCase()));
      if (value !== undefined) return { aspect, value };
      // A list named after a yes/no aspect (`urgent: [..]`) lists the units it holds for; a list
      // named after any other aspect (`citations: [..]`) is that aspect's answer, not a filter.
      const named = [aspect.name, ...aspect.synonyms].some((n) => words.includes(n.toLowerCase()));
      if (named && this.isYesNo(aspect)) return { aspect, value: true };
    }
    return undefined;
  }

  private isYesNo(aspect: Aspect): boolean {
    if (aspect.type === 'boolean') return true;
    if (aspect.values && aspect.values.length > 0) return aspect.values.every((v) => typeof v === 'boolean');
    if (aspect.type !== undefined) return false;
    const truths = this.call.units.map((u) => u.unit.answers[aspect.name]).filter((v) => v !== undefined);
    return truths.length > 0 && truths.every((v) => typeof v === 'boolean');
  }

  private primitive(schema: JsonSchema, unit: PresentUnit | undefined, name: string): unknown {
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const aspect = this.call.requested[0]?.aspect;
      if (name === 'root' && aspect && unit) return this.aspectValue(unit, aspect, schema);
      return this.rng.pick(schema.enum);
    }
    const key = normalizeName(name);
    switch (typeOf(schema)) {
      case 'integer':
      case 'number':
        return this.number(name, unit);
      case 'boolean':
        return this.rng.chance(0.5);
      case 'null':
        return null;
      default:
        return this.string(name, key, unit);
    }
  }

  private number(name: string, unit: PresentUnit | undefined): number {
    const arithmetic = this.call.arithmetic();
    if (arithmetic) return arithmetic.value;
    const key = normalizeName(name);
    if (unit && (isNumberName(name) || isIdName(name))) return unit.number;
    if (/confidence|probability|score/.test(key))
      return Math.round((0.6 + this.rng.next() * 0.35) * 100) / 100;
    return this.rng.int(10);
  }

  private string(name: string, key: string, unit: PresentUnit | undefined): string {
    if (unit && (isIdName(name) || isNumberName(name, false))) return unit.unit.id;
    if (unit && /name|title|label/.test(key)) return unit.label;
    if (REASON_NAMES.test(key)) {
      return unit ? `The text says “${snippet(unit.unit.text, 10)}”.` : 'Not enough information is given.';
    }
    return unit ? snippet(unit.unit.text, 5) : 'unknown';
  }
}

function nameWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** `id`, `sku`, `code`, `line_id`, `invoiceRef`, `docid` …: a property that names the unit. */
export function isIdName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || (words.length > 1 && NOT_ID_FIRST.test(words[0]!))) return false;
  if (ID_WORDS.has(last)) return true;
  return last.endsWith('id') && !NOT_ID.test(last);
}

/**
 * `n`, `no`, `line_no`, `clause_number`, `index` …: a property that numbers the unit; with
 * `positions`, a bare `line` or `clause` too (as a number; as a string it is more likely the text).
 */
export function isNumberName(name: string, positions = true): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || (words.length > 1 && NOT_ID_FIRST.test(words[0]!))) return false;
  return NUMBER_WORDS.has(last) || (positions && words.length === 1 && POSITION_NAMES.has(last));
}

/** Makes an answer fit its property: the enum's spelling, a string for a string, a list for a list. */
function conform(value: unknown, node: JsonSchema): unknown {
  const schema = resolve(node);
  const options = Array.isArray(schema.enum) ? schema.enum : undefined;
  if (options) {
    const match = options.find((o) => valueKey(o) === valueKey(value));
    if (match !== undefined) return match;
  }
  const type = typeOf(schema);
  if (type === 'string' && value !== null && typeof value !== 'string')
    return Array.isArray(value) ? value.join(', ') : String(value);
  if (
    (type === 'number' || type === 'integer') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return Number(value);
  }
  if (type === 'array' && !Array.isArray(value)) return value === null ? [] : [value];
  return value;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
}

function resolve(schema: JsonSchema): JsonSchema {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const first = (options as JsonSchema[]).find((o) => o.type !== 'null');
      if (first) return { ...schema, ...first, [key]: undefined };
    }
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as JsonSchema[]), { ...schema, allOf: undefined });
  }
  return schema;
}

function typeOf(schema: JsonSchema): string {
  const t = schema.type;
  if (Array.isArray(t)) return (t as string[]).find((x) => x !== 'null') ?? 'null';
  if (typeof t === 'string') return t;
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return typeof schema.enum[0];
  return 'string';
}

function isNumeric(schema: JsonSchema): boolean {
  const t = typeOf(resolve(schema));
  return t === 'number' || t === 'integer';
}
