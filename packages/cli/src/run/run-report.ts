import {
  type CaseResult,
  type CaseStatus,
  type GradeResult,
  gradeTotals,
  publicCaseView,
  type RedactedTrace,
  redact,
} from '@reps/engine';
import type { ChallengeCase, GradeTotals, PublicCaseView } from '@reps/shared';
import type { CaseSelection } from './case-selection.js';

/** A public case: everything, as the learner is meant to study it (the API's PublicCaseView), and its calls. */
export interface PublicCaseReport extends Omit<PublicCaseView, 'status'> {
  status: CaseStatus;
  calls: number;
}

/**
 * A hidden case: status and numbers only. The reason is left out too, since scorers quote the
 * expected value in it ("expected 85, got 84").
 */
export interface HiddenCaseReport
  extends Pick<PublicCaseReport, 'id' | 'status' | 'score' | 'cost_usd' | 'latency_ms' | 'calls'> {
  trace: RedactedTrace;
}

/** What `reps run --json` prints: the grade's totals, with case details fit for the kind of case. */
export interface RunReport extends GradeTotals {
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
  const byId = new Map(testCases.map((c) => [c.id, c]));
  return {
    pipeline: context.pipeline,
    challenge: { slug: context.slug, version: context.version },
    case_kind: selection.kind,
    ...(selection.seedSource ? { hidden_seed: selection.seedSource } : {}),
    ...gradeTotals(result),
    pass_mark: context.passMark,
    passed: result.correctness >= context.passMark,
    cases: result.cases.map((c) =>
      selection.kind === 'hidden' ? hiddenCase(c) : publicCase(c, byId.get(c.id)),
    ),
  };
}

function publicCase(result: CaseResult, testCase: ChallengeCase | undefined): PublicCaseReport {
  return { ...publicCaseView(result, testCase), status: result.status, calls: result.trace.usage.calls };
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
