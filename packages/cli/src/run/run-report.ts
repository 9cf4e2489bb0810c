import type { CaseTrace } from '@reps/engine';
import { type CaseResult, type GradeResult, type RedactedTrace, redact } from '@reps/engine';
import type { ChallengeCase } from '@reps/shared';
import type { CaseSelection } from './case-selection.js';

/** A public case: everything, as the learner is meant to study it. */
export interface PublicCaseReport {
  id: string;
  status: CaseResult['status'];
  score: number | null;
  reason: string;
  cost_usd: number;
  latency_ms: number;
  calls: number;
  input: unknown;
  expected: unknown;
  output: unknown;
  trace: CaseTrace;
}

/**
 * A hidden case: status and numbers only. The reason is left out too, since scorers quote the
 * expected value in it ("expected 85, got 84").
 */
export interface HiddenCaseReport {
  id: string;
  status: CaseResult['status'];
  score: number | null;
  cost_usd: number;
  latency_ms: number;
  calls: number;
  trace: RedactedTrace;
}

/** What `reps run --json` prints: the GradeResult, with case details fit for the kind of case. */
export interface RunReport extends Omit<GradeResult, 'cases'> {
  pipeline: string;
  challenge: { slug: string; version: number };
  case_kind: CaseSelection['kind'];
  hidden_seed?: CaseSelection['seedSource'];
  pass_mark: number;
  passed: boolean;
  cases: (PublicCaseReport | HiddenCaseReport)[];
}

export function buildRunReport(
  result: GradeResult,
  testCases: ChallengeCase[],
  selection: CaseSelection,
  context: { pipeline: string; slug: string; version: number; passMark: number },
): RunReport {
  const { cases, ...totals } = result;
  const byId = new Map(testCases.map((c) => [c.id, c]));
  return {
    pipeline: context.pipeline,
    challenge: { slug: context.slug, version: context.version },
    case_kind: selection.kind,
    ...(selection.seedSource ? { hidden_seed: selection.seedSource } : {}),
    ...totals,
    pass_mark: context.passMark,
    passed: result.correctness >= context.passMark,
    cases: cases.map((c) => (selection.kind === 'hidden' ? hiddenCase(c) : publicCase(c, byId.get(c.id)))),
  };
}

function publicCase(result: CaseResult, testCase: ChallengeCase | undefined): PublicCaseReport {
  return {
    id: result.id,
    status: result.status,
    score: result.score,
    reason: result.reason,
    cost_usd: result.cost_usd,
    latency_ms: result.latency_ms,
    calls: result.trace.usage.calls,
    input: testCase?.input,
    expected: testCase?.expected,
    output: result.output,
    trace: result.trace,
  };
}

function hiddenCase(result: CaseResult): HiddenCaseReport {
  return {
    id: result.id,
    status: result.status,
    score: result.score,
    cost_usd: result.cost_usd,
    latency_ms: result.latency_ms,
    calls: result.trace.usage.calls,
    trace: redact(result.trace),
  };
}
