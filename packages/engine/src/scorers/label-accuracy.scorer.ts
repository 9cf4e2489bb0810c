import { z } from 'zod';
import { brief, kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { isRecord, lookup } from './json-path.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer, type ScoreResult } from './scorer-types.js';
import { itemKey } from './set-f1.scorer.js';
import { type TextOptions, textOptionsSchema } from './text-normalize.js';

const params = textOptionsSchema.extend({
  path: pathParam,
  /** Field (dotted, inside an item) that aligns output items with expected ones; default: by position. */
  key: z.string().min(1).optional(),
  /** Field (dotted, inside an item) holding the label. Items that are plain strings or numbers are the label. */
  label: z.string().min(1).default('label'),
});
type Params = z.output<typeof params>;

/**
 * Fraction of items labelled right. Aligned by `key` (each expected item is looked up by its key;
 * output items whose key is not expected count as wrong extras) or by position (a longer output
 * counts its surplus as wrong). So the score is right / (expected + extras), and claiming more
 * items never helps. Both lists empty scores 1.
 */
export const labelAccuracyScorer = defineScorer({
  name: 'label_accuracy',
  params,
  create: (p) => (output, expected) => {
    const picked = pick(output, expected, p.path);
    if ('result' in picked) return picked.result;
    if (!Array.isArray(picked.expected))
      throw new GraderError(
        `The expected value is ${kindOf(picked.expected)}, not a list of labelled items.`,
      );
    if (!Array.isArray(picked.output))
      return zero(`Expected a list of labelled items, got ${kindOf(picked.output)}.`);
    return p.key
      ? byKey(picked.output, picked.expected, p, p.key)
      : byIndex(picked.output, picked.expected, p);
  },
});

function labelOf(item: unknown, field: string): { ok: true; label: unknown } | { ok: false } {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
    return { ok: true, label: item };
  const found = lookup(item, field);
  return found.found && !isRecord(found.value) && !Array.isArray(found.value)
    ? { ok: true, label: found.value }
    : { ok: false };
}

function sameLabel(got: unknown, want: unknown, field: string, options: TextOptions): boolean {
  const g = labelOf(got, field);
  const w = labelOf(want, field);
  if (!w.ok) throw new GraderError(`An expected item has no "${field}" label: ${brief(want)}.`);
  return g.ok && itemKey(g.label, options) === itemKey(w.label, options);
}

function byIndex(got: unknown[], want: unknown[], p: Params): ScoreResult {
  const total = Math.max(got.length, want.length);
  if (total === 0) return { score: 1, reason: 'No items expected and none given.' };
  const wrong: string[] = [];
  let right = 0;
  want.forEach((item, i) => {
    if (i < got.length && sameLabel(got[i], item, p.label, p)) right++;
    else
      wrong.push(
        `#${i + 1} ${i < got.length ? `got ${brief(labelOrItem(got[i], p.label), 30)}` : 'missing'}, expected ${brief(labelOrItem(item, p.label), 30)}`,
      );
  });
  const extra = got.length > want.length ? [`${got.length - want.length} extra item(s)`] : [];
  return summary(right, total, [...wrong, ...extra]);
}

function byKey(got: unknown[], want: unknown[], p: Params, key: string): ScoreResult {
  const outputs = new Map<string, unknown>();
  for (const item of got) {
    const k = lookup(item, key);
    if (k.found && !outputs.has(itemKey(k.value, p))) outputs.set(itemKey(k.value, p), item);
  }
  const wanted = new Set<string>();
  const wrong: string[] = [];
  let right = 0;
  for (const item of want) {
    const k = lookup(item, key);
    if (!k.found) throw new GraderError(`An expected item has no key "${key}": ${brief(item)}.`);
    const id = itemKey(k.value, p);
    wanted.add(id);
    const match = outputs.get(id);
    if (match !== undefined && sameLabel(match, item, p.label, p)) right++;
    else
      wrong.push(
        `${key}=${brief(k.value, 20)} ${match === undefined ? 'missing' : `got ${brief(labelOrItem(match, p.label), 30)}`}, expected ${brief(labelOrItem(item, p.label), 30)}`,
      );
  }
  const extras = [...outputs.keys()].filter((id) => !wanted.has(id)).length;
  const unkeyed = got.filter((item) => !lookup(item, key).found).length;
  const notes = [...wrong];
  if (extras) notes.push(`${extras} item(s) with keys not expected`);
  if (unkeyed) notes.push(`${unkeyed} item(s) without "${key}" ignored`);
  const total = want.length + extras;
  if (total === 0) return { score: 1, reason: 'No items expected and none given.' };
  return summary(right, total, notes);
}

function labelOrItem(item: unknown, field: string): unknown {
  const found = labelOf(item, field);
  return found.ok ? found.label : item;
}

function summary(right: number, total: number, notes: string[]): ScoreResult {
  const shown = notes.slice(0, 5).join('; ');
  const more = notes.length > 5 ? `; and ${notes.length - 5} more` : '';
  return {
    score: right / total,
    reason: `${right} of ${total} labels right${notes.length ? `: ${shown}${more}` : ''}.`,
  };
}
