import type { ToolSpec } from '../types.js';
import { SIM_RULES } from './sim-models.js';
import { overlap, stemmedWords } from './tool-words.js';

type JsonSchema = Record<string, unknown>;

/**
 * What the simulator reads from a tool's input schema (docs/sim.md, "Tool use"): which property a
 * lookup's argument goes into, what the other required properties get, and how tight the schema is
 * (a tight one is filled right more often).
 */
export interface ToolInput {
  /** The property the argument goes into; undefined for a schema without properties. */
  property: string | undefined;
  /** 0..1: a quarter each for properties, required ones, every property typed, the argument's property constrained. */
  tightness: number;
}

/** Names a model reaches for when no property is named after the lookup. */
const GENERIC_NAMES = ['id', 'query', 'q', 'key', 'name', 'term', 'search', 'text'];

export function toolInput(tool: ToolSpec, lookup: ReadonlySet<string>): ToolInput {
  const schema = tool.input_schema ?? {};
  const properties = propertiesOf(schema);
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]).map(String) : [];
  const property = argumentProperty(properties, required, lookup);
  let tightness = 0;
  if (properties.length > 0) tightness += 0.25;
  if (required.length > 0) tightness += 0.25;
  if (properties.length > 0 && properties.every(([, sub]) => typed(sub))) tightness += 0.25;
  const sub = properties.find(([name]) => name === property)?.[1];
  if (sub && constrained(sub)) tightness += 0.25;
  return { property, tightness };
}

/** The arguments of a call: the lookup's argument where it fits, plausible values for the other required properties. */
export function buildArguments(tool: ToolSpec, input: ToolInput, arg: string): Record<string, unknown> {
  const schema = tool.input_schema ?? {};
  const properties = new Map(propertiesOf(schema));
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]).map(String) : [];
  const out: Record<string, unknown> = {};
  const key = input.property ?? (/\s/.test(arg) ? 'query' : 'id');
  const sub = properties.get(key);
  out[key] = sub && isNumeric(sub) && /^-?\d+(\.\d+)?$/.test(arg) ? Number(arg) : arg;
  for (const name of required) {
    if (name in out) continue;
    out[name] = plausibleValue(properties.get(name) ?? {});
  }
  return out;
}

/** A loose schema: the weight a wrong argument gets among the mistakes grows as tightness falls. */
export function wrongArgumentWeight(tightness: number): number {
  const rules = SIM_RULES.toolUse;
  return rules.mistakes.wrongArgument * (1 + rules.looseArgumentWeight * (1 - tightness));
}

function propertiesOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  const props = schema.properties;
  if (!props || typeof props !== 'object') return [];
  return Object.entries(props as Record<string, JsonSchema>).filter(
    ([, sub]) => sub && typeof sub === 'object',
  );
}

function argumentProperty(
  properties: ReadonlyArray<[string, JsonSchema]>,
  required: readonly string[],
  lookup: ReadonlySet<string>,
): string | undefined {
  if (properties.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const [name] of properties) {
    const score = overlap(lookup, new Set(stemmedWords(name)));
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  if (best) return best;
  const generic = properties.find(([name]) => GENERIC_NAMES.includes(name.toLowerCase()));
  if (generic) return generic[0];
  const idLike = properties.find(([name]) => /(^|[_-])id$|Id$/.test(name));
  if (idLike) return idLike[0];
  const requiredString = properties.find(([name, sub]) => required.includes(name) && isString(sub));
  if (requiredString) return requiredString[0];
  return (properties.find(([, sub]) => isString(sub)) ?? properties[0])![0];
}

function typed(sub: JsonSchema): boolean {
  return sub.type !== undefined || Array.isArray(sub.enum) || sub.const !== undefined;
}

function constrained(sub: JsonSchema): boolean {
  return (
    Array.isArray(sub.enum) ||
    typeof sub.pattern === 'string' ||
    typeof sub.format === 'string' ||
    sub.minLength !== undefined ||
    sub.maxLength !== undefined ||
    (typeof sub.description === 'string' && sub.description.trim().length > 0)
  );
}

function isString(sub: JsonSchema): boolean {
  return sub.type === 'string' || (Array.isArray(sub.type) && sub.type.includes('string'));
}

function isNumeric(sub: JsonSchema): boolean {
  return sub.type === 'integer' || sub.type === 'number';
}

/** What a model fills a required property it has nothing for with: the obvious default. */
function plausibleValue(sub: JsonSchema): unknown {
  if (sub.default !== undefined) return sub.default;
  if (sub.const !== undefined) return sub.const;
  if (Array.isArray(sub.enum) && sub.enum.length > 0) return sub.enum[0];
  switch (Array.isArray(sub.type) ? sub.type[0] : sub.type) {
    case 'integer':
    case 'number':
      return typeof sub.minimum === 'number' ? Math.max(1, sub.minimum) : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return 'all';
  }
}
