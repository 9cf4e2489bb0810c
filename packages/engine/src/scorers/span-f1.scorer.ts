import { z } from 'zod';
import { brief, canonicalJson, kindOf } from './canonical-json.js';
import { describeF1, type F1, f1From, multisetF1 } from './f1.js';
import { GraderError } from './grader-error.js';
import { isRecord } from './json-path.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';
import { textOptionsSchema, tokens } from './text-normalize.js';

const params = textOptionsSchema.extend({
  path: pathParam,
  /**
   * `char`: F1 of the characters covered (overlapping spans merged), so a span off by one character
   * still earns most of its credit; `exact`: a span counts only with the same start and end;
   * `token`: spans are texts (strings or `{ text }`), compared as bags of words.
   */
  mode: z.enum(['char', 'exact', 'token']).default('char'),
  start: z.string().min(1).default('start'),
  /** Exclusive end offset. */
  end: z.string().min(1).default('end'),
  text: z.string().min(1).default('text'),
  /** When set, spans only match spans of the same label (e.g. `type`: email, phone, name). */
  label: z.string().min(1).optional(),
});
type Params = z.output<typeof params>;

interface Span {
  start: number;
  end: number;
  label: string;
}

type Parsed<T> = { ok: true; items: T[] } | { ok: false; reason: string };

/** Span F1 for extraction and redaction tasks (PII, entities, quotes). Both empty scores 1. */
export const spanF1Scorer = defineScorer({
  name: 'span_f1',
  params,
  create: (p) => (output, expected) => {
    const picked = pick(output, expected, p.path);
    if ('result' in picked) return picked.result;
    const want = p.mode === 'token' ? parseTexts(picked.expected, p) : parseSpans(picked.expected, p);
    if (!want.ok) throw new GraderError(`The expected spans are malformed: ${want.reason}.`);
    const got = p.mode === 'token' ? parseTexts(picked.output, p) : parseSpans(picked.output, p);
    if (!got.ok) return zero(`The output spans are malformed: ${got.reason}.`);
    const result =
      p.mode === 'token'
        ? multisetF1(got.items as string[], want.items as string[])
        : p.mode === 'exact'
          ? multisetF1((got.items as Span[]).map(spanKey), (want.items as Span[]).map(spanKey))
          : charF1(got.items as Span[], want.items as Span[]);
    const unit = p.mode === 'char' ? 'characters' : p.mode === 'token' ? 'words' : 'spans';
    return {
      score: result.f1,
      reason: `Span F1 ${result.f1.toFixed(3)} over ${unit}: ${describeF1(result)}.`,
    };
  },
});

function parseSpans(value: unknown, p: Params): Parsed<Span> {
  if (!Array.isArray(value)) return { ok: false, reason: `expected a list of spans, got ${kindOf(value)}` };
  const spans: Span[] = [];
  for (const [i, item] of value.entries()) {
    if (!isRecord(item)) return { ok: false, reason: `item ${i + 1} is ${kindOf(item)}, not a span object` };
    const start = item[p.start];
    const end = item[p.end];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      (start as number) < 0 ||
      (end as number) < (start as number)
    )
      return { ok: false, reason: `item ${i + 1} ${brief(item)} needs integers ${p.start} ≤ ${p.end}` };
    spans.push({
      start: start as number,
      end: end as number,
      label: p.label ? labelKey(item[p.label]) : '',
    });
  }
  return { ok: true, items: spans };
}

function parseTexts(value: unknown, p: Params): Parsed<string> {
  if (!Array.isArray(value)) return { ok: false, reason: `expected a list of spans, got ${kindOf(value)}` };
  const words: string[] = [];
  for (const [i, item] of value.entries()) {
    const text = typeof item === 'string' ? item : isRecord(item) ? item[p.text] : undefined;
    if (typeof text !== 'string') return { ok: false, reason: `item ${i + 1} has no text: ${brief(item)}` };
    const label = p.label && isRecord(item) ? `${labelKey(item[p.label])}\u0000` : '';
    for (const word of tokens(text, p)) words.push(label + word);
  }
  return { ok: true, items: words };
}

/** A span's label as a key: text as it is, anything else as canonical JSON (never String() of a list). */
function labelKey(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : canonicalJson(value);
}

function spanKey(span: Span): string {
  return `${span.label}\u0000${span.start}:${span.end}`;
}

/** Characters covered by both, per label, over characters covered by each (intervals merged). */
function charF1(got: Span[], want: Span[]): F1 {
  const g = mergeByLabel(got);
  const w = mergeByLabel(want);
  let overlap = 0;
  for (const [label, intervals] of g) overlap += intersection(intervals, w.get(label) ?? []);
  return f1From(overlap, covered(g), covered(w));
}

function mergeByLabel(spans: Span[]): Map<string, [number, number][]> {
  const byLabel = new Map<string, [number, number][]>();
  for (const span of spans) {
    if (span.end === span.start) continue;
    const list = byLabel.get(span.label) ?? [];
    list.push([span.start, span.end]);
    byLabel.set(span.label, list);
  }
  for (const [label, list] of byLabel) byLabel.set(label, merge(list));
  return byLabel;
}

function merge(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function intersection(a: [number, number][], b: [number, number][]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) total += hi - lo;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return total;
}

function covered(byLabel: Map<string, [number, number][]>): number {
  let total = 0;
  for (const list of byLabel.values()) for (const [start, end] of list) total += end - start;
  return total;
}
