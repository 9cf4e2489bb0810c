import type { Aspect } from '@reps/shared';
import { type TextIndex, toWords } from './text-index.js';
import { countOutsideUnits, type PresentUnit } from './unit-matcher.js';

/** An aspect the prompt asks for, and how much of its allowed values the prompt spells out. */
export interface RequestedAspect {
  aspect: Aspect;
  via: 'schema' | 'keyword';
  /** Share (0..1) of the aspect's allowed values stated in the prompt or the schema's enum. */
  statedShare: number;
}

type JsonSchema = Record<string, unknown>;

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

// Writers ask for the same property names once per unit; remember the answers per aspect list.
const propertyMemo = new WeakMap<readonly Aspect[], Map<string, Aspect | undefined>>();

/** The aspect a JSON property name stands for: its name or a synonym, singular or plural. */
export function aspectForProperty(name: string, aspects: readonly Aspect[]): Aspect | undefined {
  let memo = propertyMemo.get(aspects);
  if (!memo) {
    memo = new Map();
    propertyMemo.set(aspects, memo);
  }
  if (memo.has(name)) return memo.get(name);
  const found = matchProperty(name, aspects);
  memo.set(name, found);
  return found;
}

function matchProperty(name: string, aspects: readonly Aspect[]): Aspect | undefined {
  const key = normalizeName(name);
  const singular = key.endsWith('s') ? key.slice(0, -1) : key;
  for (const aspect of aspects) {
    for (const candidate of [aspect.name, ...aspect.synonyms]) {
      const c = normalizeName(candidate);
      if (c === key || c === singular) return aspect;
    }
  }
  return undefined;
}

/** Every property name in a schema, with its subschema, depth first. */
export function schemaProperties(schema: unknown): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 8) return;
    const s = node as JsonSchema;
    const props = s.properties as Record<string, JsonSchema> | undefined;
    if (props && typeof props === 'object') {
      for (const [name, sub] of Object.entries(props)) {
        out.push([name, sub]);
        walk(sub, depth + 1);
      }
    }
    for (const key of ['items', 'additionalProperties'] as const) walk(s[key], depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (Array.isArray(s[key])) for (const option of s[key] as unknown[]) walk(option, depth + 1);
    }
  };
  walk(schema, 0);
  return out;
}

/**
 * The aspects requested: JSON Schema property names first (what structured output asks for), else
 * keywords in the prompt that are not merely part of a unit's own text ("risk" in a clause about
 * risk does not mean the prompt asks for a risk rating).
 */
export function findRequestedAspects(
  aspects: readonly Aspect[],
  schema: JsonSchema | undefined,
  prompt: TextIndex,
  units: readonly PresentUnit[],
): RequestedAspect[] {
  const enums = new Map<string, unknown[]>();
  const fromSchema: Aspect[] = [];
  if (schema) {
    for (const [name, sub] of schemaProperties(schema)) {
      const aspect = aspectForProperty(name, aspects);
      if (!aspect) continue;
      if (!fromSchema.includes(aspect)) fromSchema.push(aspect);
      const e = enumOf(sub);
      if (e) enums.set(aspect.name, e);
    }
  }
  const requested = fromSchema.length > 0 ? fromSchema : aspects.filter((a) => mentioned(a, prompt, units));
  const via = fromSchema.length > 0 ? 'schema' : 'keyword';
  return requested.map((aspect) => ({
    aspect,
    via,
    statedShare: statedShare(aspect, enums.get(aspect.name), prompt, units),
  }));
}

function mentioned(aspect: Aspect, prompt: TextIndex, units: readonly PresentUnit[]): boolean {
  const phrases = [aspect.name, ...aspect.synonyms, ...aspect.keywords];
  return phrases.some((phrase) => countOutsideUnits(prompt, units, toWords(phrase)) > 0);
}

/** The instruction bonus's measure: which allowed values the model was told about. */
function statedShare(
  aspect: Aspect,
  schemaEnum: unknown[] | undefined,
  prompt: TextIndex,
  units: readonly PresentUnit[],
): number {
  const values = aspect.values ?? [];
  if (values.length === 0) return 0;
  const inEnum = new Set((schemaEnum ?? []).map((v) => String(v).toLowerCase()));
  let stated = 0;
  for (const value of values) {
    const key = String(value).toLowerCase();
    if (inEnum.has(key) || countOutsideUnits(prompt, units, toWords(key)) > 0) stated++;
  }
  return stated / values.length;
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const items = schema.items as JsonSchema | undefined;
  if (items && Array.isArray(items.enum)) return items.enum;
  return undefined;
}
