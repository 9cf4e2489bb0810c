import type { GradeBreakdown } from '@reps/shared';
import type { CaseResult } from './grade.js';

/**
 * Where the points went (docs/grading.md, "Where the points went"): accuracy per output field,
 * correctness per case size, and the failure codes, each with a hint a learner can act on. Every
 * figure is an aggregate over at least `minCases` cases (smaller size buckets merge with their
 * neighbours, fields scored on fewer cases are left out), so on the hidden set it says where points
 * were lost without telling which case lost them.
 */
export const BREAKDOWN_MIN_CASES = 5;

/** A field right less often than this (in %) gets a hint. */
const WEAK_FIELD = 85;

export const FAILURE_HINTS: Record<string, string> = {
  invalid_output:
    'outputs that are not JSON or do not fit the output schema score 0: ask for JSON with a schema and `strict: true`, and add `retry: { on: [invalid_output] }`.',
  budget_exceeded:
    'cases ran out of budget: fewer or cheaper calls per case (a smaller model for the easy parts, code for arithmetic and matching).',
  timeout: 'steps hit their time limit: fewer calls on the critical path, or calls in parallel with `map`.',
  model_error: 'the model provider failed: add `retry` with a backoff on model_error.',
  rate_limited:
    'the provider refused calls for a while: add `retry` on rate_limited, or lower the concurrency.',
  context_length_exceeded:
    "a prompt was longer than the model's context: send fewer units per call (map over them).",
  code_error: 'a code step threw: guard against missing fields and unexpected shapes in what models return.',
  sandbox_limit: 'a code step hit the sandbox time or memory limit: do less work per call.',
  no_branch_matched: 'no branch matched: add a default branch.',
  agent_max_turns:
    'agents ran out of turns before answering: end them with `stop_when` once they have what they need, describe the tools more clearly (and keep their results short), or raise `max_turns`.',
  grader_error: 'the grader could not score these cases; they are left out of correctness.',
};

/** The breakdown of graded cases; undefined when there are fewer than `minCases` of them. */
export function breakdown(
  cases: readonly CaseResult[],
  options: { minCases?: number } = {},
): GradeBreakdown | undefined {
  const min = options.minCases ?? BREAKDOWN_MIN_CASES;
  const scored = cases.filter((c) => c.score !== null);
  if (scored.length < min) return undefined;
  const fields = fieldAccuracy(scored, min);
  const sizes = sizeBuckets(scored, min);
  const failures = Object.entries(countBy(cases.filter((c) => c.status !== 'ok').map((c) => c.status)))
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => ({
      code,
      cases: n,
      hint: FAILURE_HINTS[code] ?? 'see the trace of a public case that failed.',
    }));
  return { min_cases: min, fields, sizes, failures, hints: hints(fields, sizes) };
}

function fieldAccuracy(cases: readonly CaseResult[], min: number): GradeBreakdown['fields'] {
  const paths = new Set<string>();
  for (const c of cases) for (const path of Object.keys(c.fields ?? {})) paths.add(path);
  const out: GradeBreakdown['fields'] = [];
  for (const path of [...paths].sort()) {
    let sum = 0;
    let n = 0;
    for (const c of cases) {
      const value = c.fields?.[path];
      if (value !== undefined) {
        sum += value;
        n++;
      } else if (c.status !== 'ok') {
        // A failed run (or an output that could not be scored) lost every field.
        n++;
      }
    }
    if (n >= min) out.push({ path, accuracy: round2((100 * sum) / n), cases: n });
  }
  return out;
}

function sizeBuckets(cases: readonly CaseResult[], min: number): GradeBreakdown['sizes'] {
  const sized = cases.filter((c) => c.units !== undefined);
  if (sized.length < min) return [];
  const byUnits = new Map<number, CaseResult[]>();
  for (const c of sized) byUnits.set(c.units!, [...(byUnits.get(c.units!) ?? []), c]);
  const groups = [...byUnits.entries()].sort((a, b) => a[0] - b[0]);
  const buckets: { from: number; to: number; cases: CaseResult[] }[] = [];
  for (const [units, group] of groups) {
    const last = buckets[buckets.length - 1];
    if (last && last.cases.length < min) {
      last.to = units;
      last.cases.push(...group);
    } else buckets.push({ from: units, to: units, cases: [...group] });
  }
  // A small last bucket joins the one before it.
  const tail = buckets[buckets.length - 1]!;
  if (buckets.length > 1 && tail.cases.length < min) {
    const before = buckets[buckets.length - 2]!;
    before.to = tail.to;
    before.cases.push(...tail.cases);
    buckets.pop();
  }
  return buckets.map((b) => ({
    from: b.from,
    to: b.to,
    cases: b.cases.length,
    correctness: round2((100 * b.cases.reduce((s, c) => s + (c.score ?? 0), 0)) / b.cases.length),
  }));
}

function hints(fields: GradeBreakdown['fields'], sizes: GradeBreakdown['sizes']): string[] {
  const out: string[] = [];
  for (const f of [...fields].sort((a, b) => a.accuracy - b.accuracy)) {
    if (f.accuracy >= WEAK_FIELD) continue;
    out.push(
      `${f.path} is right ${Math.floor(f.accuracy)}% of the time: give the call that decides it what it needs (the definitions of its values, the text it rests on), or check it with another model or in code.`,
    );
  }
  if (sizes.length > 1) {
    const small = sizes[0]!;
    const large = sizes[sizes.length - 1]!;
    if (small.correctness - large.correctness >= 10)
      out.push(
        `Large cases (${large.from}–${large.to} units) score ${Math.round(small.correctness - large.correctness)} points below small ones: give each call fewer units (map over them).`,
      );
  }
  return out;
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
