import { z } from 'zod';
import { brief, canonicalJson, kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { isRecord, lookup } from './json-path.js';
import { compareNumber, toleranceSchema } from './numeric.scorer.js';
import { pathParam, zero } from './scorer-params.js';
import { defineScorer, type ScoreResult } from './scorer-types.js';
import { listF1 } from './set-f1.scorer.js';
import { expectedText, normalizeText, type TextOptions, textOptionsSchema } from './text-normalize.js';

/**
 * json_fields: a weighted mean of per-field scores.
 *
 * - `path` is dotted (`totals.net`, `parties.0.name`), read from the output and the expected value.
 * - `compare` is one of
 *   - `exact` (default): deep JSON equality, 1 or 0;
 *   - `numeric`: within `abs` or `rel` tolerance (see numeric.scorer.ts), 1 or 0;
 *   - `text`: equal after normalisation (case, punctuation, whitespace; options as normalized_text), 1 or 0;
 *   - `set_f1`: the two lists' F1 as multisets (0..1);
 *   - `records`: both are lists of objects matched by the `key` field (e.g. per-clause results keyed
 *     by `n`; 3 and "3" are the same key); each expected record scores the weighted mean of its own
 *     `fields` (paths relative to the record), a missing record scores 0, and each output record
 *     whose key is not expected adds a 0, so the field scores sum / (expected + extra records).
 *     Records can nest.
 * - A field absent from the expected value is not scored for that case (its weight drops out): that
 *   is how a generator marks an optional field. A field absent from the output scores 0.
 * - Malformed output (not an object, a string for a number, NaN, a record without its key) scores
 *   0 for the fields it breaks, with the reason; it never throws.
 */
export interface FieldSpec {
  path: string;
  weight: number;
  compare: 'exact' | 'numeric' | 'text' | 'set_f1' | 'records';
  abs?: number;
  rel?: number;
  case_sensitive: boolean;
  strip_punctuation: boolean;
  strip_accents: boolean;
  key?: string;
  fields?: FieldSpec[];
}

const requiredPath = pathParam.unwrap();
const common = { path: requiredPath, weight: z.number().positive().default(1) };

const fieldSpecSchema: z.ZodType<FieldSpec> = z.lazy(() =>
  z
    .strictObject({
      ...common,
      compare: z.enum(['exact', 'numeric', 'text', 'set_f1', 'records']).default('exact'),
      ...toleranceSchema.shape,
      ...textOptionsSchema.shape,
      key: z.string().min(1).optional(),
      fields: z.array(fieldSpecSchema).min(1).optional(),
    })
    .superRefine((field, ctx) => {
      const misplaced = (keys: string[], allowed: string) => {
        for (const key of keys)
          if ((field as Record<string, unknown>)[key] !== undefined && !allowed.includes(field.compare))
            ctx.addIssue({ code: 'custom', path: [key], message: `only applies to compare: ${allowed}` });
      };
      misplaced(['abs', 'rel'], 'numeric');
      misplaced(['key', 'fields'], 'records');
      if (field.compare === 'records' && (!field.key || !field.fields))
        ctx.addIssue({ code: 'custom', path: [], message: 'compare: records needs `key` and `fields`' });
    }),
) as unknown as z.ZodType<FieldSpec>;

export const jsonFieldsParamsSchema = z.strictObject({ fields: z.array(fieldSpecSchema).min(1) });

interface FieldsScore {
  score: number;
  notes: string[];
  /** Generic field path → [sum of scores, count] (record fields under their list's path). */
  parts?: Map<string, [number, number]>;
}

function addPart(parts: Map<string, [number, number]>, path: string, score: number, n = 1): void {
  const part = parts.get(path) ?? [0, 0];
  part[0] += score;
  part[1] += n;
  parts.set(path, part);
}

export const jsonFieldsScorer = defineScorer({
  name: 'json_fields',
  params: jsonFieldsParamsSchema,
  create: (params) => (output, expected) => {
    if (!isRecord(expected))
      throw new GraderError(`The expected value is ${kindOf(expected)}, not an object.`);
    if (!isRecord(output))
      return zero(
        `Expected an object, got ${kindOf(output)}${typeof output === 'string' ? ` ${brief(output)}` : ''}.`,
      );
    return report(scoreFields(output, expected, params.fields, '', ''));
  },
});

function scoreFields(
  got: unknown,
  want: unknown,
  fields: FieldSpec[],
  prefix: string,
  generic: string,
): FieldsScore {
  let sum = 0;
  let weights = 0;
  const notes: string[] = [];
  const parts = new Map<string, [number, number]>();
  for (const field of fields) {
    const expected = lookup(want, field.path);
    if (!expected.found) continue;
    weights += field.weight;
    const name = prefix + field.path;
    const path = generic + field.path;
    const actual = lookup(got, field.path);
    if (!actual.found) {
      notes.push(`${name}: missing`);
      addPart(parts, path, 0);
      if (field.compare === 'records')
        for (const inner of leafPaths(field, `${path}.`)) addPart(parts, inner, 0);
      continue;
    }
    const result = compareField(field, actual.value, expected.value, name, path);
    sum += field.weight * result.score;
    notes.push(...result.notes);
    addPart(parts, path, result.score);
    for (const [inner, [s, n]] of result.parts ?? []) addPart(parts, inner, s, n);
  }
  return weights === 0 ? { score: 1, notes, parts } : { score: sum / weights, notes, parts };
}

/** The generic paths of a records field's own fields, nested ones included. */
function leafPaths(field: FieldSpec, prefix: string): string[] {
  return (field.fields ?? []).flatMap((f) => [
    prefix + f.path,
    ...(f.compare === 'records' ? leafPaths(f, `${prefix}${f.path}.`) : []),
  ]);
}

function compareField(
  field: FieldSpec,
  got: unknown,
  want: unknown,
  name: string,
  generic: string,
): FieldsScore {
  switch (field.compare) {
    case 'exact':
      return canonicalJson(got) === canonicalJson(want)
        ? { score: 1, notes: [] }
        : { score: 0, notes: [`${name}: got ${brief(got, 40)}, expected ${brief(want, 40)}`] };
    case 'numeric': {
      const result = compareNumber(got, want, field);
      return { score: result.ok ? 1 : 0, notes: result.ok ? [] : [`${name}: ${result.reason}`] };
    }
    case 'text':
      return compareText(got, want, field, name);
    case 'set_f1': {
      const compared = listF1(got, want, field);
      if (!compared.ok) return { score: 0, notes: [`${name}: ${compared.reason}`] };
      const f1 = compared.result.f1;
      return { score: f1, notes: f1 < 1 ? [`${name}: F1 ${f1.toFixed(2)}`] : [] };
    }
    case 'records':
      return compareRecords(field, got, want, name, generic);
  }
}

function compareText(got: unknown, want: unknown, options: TextOptions, name: string): FieldsScore {
  if (typeof got !== 'string') return { score: 0, notes: [`${name}: expected text, got ${kindOf(got)}`] };
  return normalizeText(got, options) === normalizeText(expectedText(want), options)
    ? { score: 1, notes: [] }
    : { score: 0, notes: [`${name}: got ${brief(got, 40)}, expected ${brief(want, 40)}`] };
}

function recordKey(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? normalizeText(String(value))
    : canonicalJson(value);
}

function compareRecords(
  field: FieldSpec,
  got: unknown,
  want: unknown,
  name: string,
  generic: string,
): FieldsScore {
  const key = field.key!;
  if (!Array.isArray(want))
    throw new GraderError(`The expected "${name}" is ${kindOf(want)}, not a list of records.`);
  if (!Array.isArray(got))
    return { score: 0, notes: [`${name}: expected a list of records, got ${kindOf(got)}`] };
  const byKey = new Map<string, unknown>();
  for (const record of got) {
    const k = lookup(record, key);
    if (k.found && !byKey.has(recordKey(k.value))) byKey.set(recordKey(k.value), record);
  }
  const expectedKeys = new Set<string>();
  const notes: string[] = [];
  const parts = new Map<string, [number, number]>();
  const leaves = leafPaths(field, `${generic}.`);
  let sum = 0;
  for (const record of want) {
    const k = lookup(record, key);
    if (!k.found) throw new GraderError(`An expected record in "${name}" has no "${key}": ${brief(record)}.`);
    const id = recordKey(k.value);
    expectedKeys.add(id);
    const label = `${name}[${key}=${brief(k.value, 20)}]`;
    const match = byKey.get(id);
    if (match === undefined) {
      notes.push(`${label}: missing`);
      for (const leaf of leaves) addPart(parts, leaf, 0);
      continue;
    }
    const inner = scoreFields(match, record, field.fields!, `${label}.`, `${generic}.`);
    sum += inner.score;
    notes.push(...inner.notes);
    for (const [path, [s, n]] of inner.parts ?? []) addPart(parts, path, s, n);
  }
  const extras = [...byKey.keys()].filter((id) => !expectedKeys.has(id)).length;
  if (extras) notes.push(`${name}: ${extras} record(s) with unexpected ${key}`);
  const total = want.length + extras;
  return { score: total === 0 ? 1 : sum / total, notes, parts };
}

function report(result: FieldsScore): ScoreResult {
  const fields: Record<string, number> = {};
  for (const [path, [s, n]] of result.parts ?? []) if (n > 0) fields[path] = s / n;
  if (result.notes.length === 0) return { score: result.score, reason: 'All fields match.', fields };
  const shown = result.notes.slice(0, 6).join('; ');
  const more = result.notes.length > 6 ? `; and ${result.notes.length - 6} more` : '';
  return { score: result.score, reason: `Score ${result.score.toFixed(3)}. ${shown}${more}.`, fields };
}
