import type { Aspect, ErrorCode, FactUnit, GradeTotals, Pipeline, PublicCaseView } from '@reps/shared';
import type { SkillResolver } from '../dsl/check-steps.js';
import { runPipeline } from '../executor/run-pipeline.js';
import type { ModelGateway } from '../models/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { CaseTrace } from '../trace/trace-types.js';
import { createOutputCheck, type OutputCheck } from './output-checks.js';
import { scoreOutput } from './score-output.js';

export interface GradeCase {
  id: string;
  input: unknown;
  expected: unknown;
  /** Ground truth for simulated models; never shown to the pipeline. */
  facts?: FactUnit[];
}

export interface Score {
  /** 0..1 */
  score: number;
  reason: string;
  /** Per field, the share right in this case (json_fields reports them; breakdown.ts aggregates). */
  fields?: Record<string, number>;
}

export type Scorer = (output: unknown, expected: unknown, gradeCase: GradeCase) => Score | Promise<Score>;

export interface GradeOptions {
  pipeline: Pipeline;
  cases: GradeCase[];
  score: Scorer;
  gateway: ModelGateway;
  aspects?: Aspect[];
  /** Cases run at once; the result does not depend on it. Default 4. */
  caseConcurrency?: number;
  /** Called after each case (in completion order) with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  sandbox?: Sandbox;
  seed?: number;
  skills?: SkillResolver;
  /** Model calls in flight per case. */
  concurrency?: number;
  /**
   * The checks an output passes before it is scored, from createOutputCheck(challenge's
   * output_schema), built once per grading; an output failing them scores 0 as invalid_output.
   * Default: the size and depth limits alone.
   */
  outputCheck?: OutputCheck;
  /**
   * Indices into `cases` of the cases to run, in this order (default all); the result holds only
   * these. Lets isolation/ run a case alone in a thread of its own.
   */
  caseIndices?: readonly number[];
}

export type CaseStatus = 'ok' | ErrorCode;

export interface CaseResult {
  id: string;
  status: CaseStatus;
  /** 0..1; 0 for a failed run or an invalid output; null when the grader failed (grader_error). */
  score: number | null;
  reason: string;
  /** Per field, the share right in this case, when the scorer reports it. */
  fields?: Record<string, number>;
  /** The case's size: how many units its facts list (the breakdown's size buckets). */
  units?: number;
  cost_usd: number;
  latency_ms: number;
  output: unknown;
  trace: CaseTrace;
}

/** What grade() returns: the totals every summary of a grade is made from, and each case. */
export interface GradeResult extends GradeTotals {
  cases: CaseResult[];
}

/** The totals of a grade without its cases: what a stored summary and `reps run --json` start from. */
export function gradeTotals(result: GradeResult): GradeTotals {
  const { cases: _cases, ...totals } = result;
  return totals;
}

/**
 * A graded case as shown in full (a public case: input, expected, output, reason and trace), the
 * one mapping the API's stored results and `reps run` share.
 */
export function publicCaseView(
  result: CaseResult,
  testCase: { input: unknown; expected: unknown } | undefined,
): PublicCaseView {
  return {
    id: result.id,
    input: testCase?.input,
    expected: testCase?.expected,
    output: result.output,
    status: result.status,
    score: result.score,
    reason: result.reason,
    cost_usd: result.cost_usd,
    latency_ms: result.latency_ms,
    trace: result.trace,
  };
}

/**
 * Runs a pipeline on every case and scores it (docs/grading.md). Cases are independent runs
 * with their own virtual clock and budget, and results are assembled in case order, so the result
 * is the same to the last digit whatever caseConcurrency is.
 *
 * A run that fails (any error code) scores 0 and counts in failures. So does an output that fails
 * the output checks (size, depth, output_schema) or breaks the scorer (invalid_output; see
 * scoreOutput). Only a genuine grader fault, where the scorer fails on the expected output too,
 * gives grader_error: reported in statuses and failures but left out of correctness, never scored
 * as a zero (docs/dsl.md, "Scoring").
 */
export async function grade(options: GradeOptions): Promise<GradeResult> {
  const cases = selectCases(options.cases, options.caseIndices);
  const checkOutput = options.outputCheck ?? createOutputCheck();
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= cases.length) return;
      results[index] = await gradeCase(options, cases[index]!, checkOutput);
      options.onProgress?.(++done, cases.length);
    }
  };
  const workers = Math.max(1, Math.min(options.caseConcurrency ?? 4, cases.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summarize(results);
}

function selectCases(cases: GradeCase[], indices: readonly number[] | undefined): GradeCase[] {
  if (!indices) return cases;
  return indices.map((index) => {
    const selected = cases[index];
    if (!selected) throw new RangeError(`case index ${index} is outside 0..${cases.length - 1}`);
    return selected;
  });
}

async function gradeCase(
  options: GradeOptions,
  gradeCase: GradeCase,
  checkOutput: OutputCheck,
): Promise<CaseResult> {
  const run = await runPipeline(options.pipeline, {
    input: gradeCase.input,
    gateway: options.gateway,
    modelContext: {
      ...(gradeCase.facts ? { facts: gradeCase.facts } : {}),
      ...(options.aspects ? { aspects: options.aspects } : {}),
    },
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.skills ? { skills: options.skills } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const base = {
    id: gradeCase.id,
    ...(gradeCase.facts?.length ? { units: gradeCase.facts.length } : {}),
    cost_usd: run.usage.cost_usd,
    latency_ms: run.latency_ms,
    output: run.output,
    trace: run.trace,
  };
  if (run.status !== 'ok')
    return { ...base, status: run.status, score: 0, reason: run.error?.message ?? run.status };
  const problem = checkOutput(run.output);
  if (problem)
    return {
      ...base,
      // Not carried in the result when too big or too deep (the trace still holds each step's value).
      output: problem.oversized ? null : run.output,
      status: 'invalid_output',
      score: 0,
      reason: problem.reason,
    };
  return { ...base, ...(await scoreOutput(options.score, run.output, gradeCase)) };
}

/** The result of graded cases in the order given: what grade() returns, for callers that run cases apart. */
export function summarize(cases: CaseResult[]): GradeResult {
  const scored = cases.filter((c) => c.score !== null);
  const sum = scored.reduce((total, c) => total + (c.score as number), 0);
  const statuses: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let cost = 0;
  let calls = 0;
  let input = 0;
  let output = 0;
  for (const c of cases) {
    statuses[c.status] = (statuses[c.status] ?? 0) + 1;
    if (c.status !== 'ok') failures[c.status] = (failures[c.status] ?? 0) + 1;
    cost += c.cost_usd;
    calls += c.trace.usage.calls;
    input += c.trace.usage.input_tokens;
    output += c.trace.usage.output_tokens;
  }
  const latencies = cases.map((c) => c.latency_ms).sort((a, b) => a - b);
  const graderErrors = statuses.grader_error ?? 0;
  return {
    correctness: scored.length ? round2((sum / scored.length) * 100) : 0,
    cost_usd: cost,
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    calls,
    tokens: { input, output },
    statuses,
    failures,
    grader_errors: graderErrors,
    grader_error_rate: cases.length ? graderErrors / cases.length : 0,
    cases,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Nearest-rank percentile: a latency some case actually had. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
