import type { Calibration, CalibrationLine } from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import type { ModelGateway } from '../models/types.js';
import { type GradeChallengeOutcome, gradeChallenge } from './grade-challenge.js';

export const BASELINE_CEILING = 50;
export const REFERENCE_FLOOR = 90;

export interface CalibrateOptions {
  challenge: LoadedChallenge;
  baseline: string;
  /** Reference pipelines by name (`reference`, `reference.cheap` …). */
  references: Record<string, string>;
  /** REPS_HIDDEN_SEED. */
  secret: string;
  gateway?: ModelGateway;
  caseConcurrency?: number;
  /**
   * Grades one pipeline on the hidden cases. Default: gradeChallenge in this thread with
   * `gateway`; the worker passes an isolated grader so author code never runs on its event loop.
   */
  grade?: (pipelineSource: string) => Promise<GradeChallengeOutcome>;
}

/**
 * The calibration rule (docs/calibration.md), in one place for the worker, the CLI and CI: on the
 * hidden cases the naive baseline scores below 50 and every reference at least 90 without a case
 * running out of budget. A pipeline that does not parse for the challenge fails the calibration.
 */
export async function calibrateChallenge(options: CalibrateOptions): Promise<Calibration> {
  const { gateway, grade } = options;
  if (!gateway && !grade) throw new TypeError('calibrateChallenge needs a gateway or a grade function');
  const lines: CalibrationLine[] = [];
  const entries: [string, string, 'baseline' | 'reference'][] = [
    ['baseline', options.baseline, 'baseline'],
    ...Object.entries(options.references).map(
      ([name, source]) => [name, source, 'reference'] as [string, string, 'reference'],
    ),
  ];
  let cases = 0;
  for (const [name, source, role] of entries) {
    const outcome = grade
      ? await grade(source)
      : await gradeChallenge({
          challenge: options.challenge,
          pipelineSource: source,
          kind: 'hidden',
          secret: options.secret,
          gateway: gateway as ModelGateway,
          caseConcurrency: options.caseConcurrency,
        });
    if (!outcome.ok) {
      const first = outcome.issues[0];
      lines.push({
        pipeline: name,
        correctness: 0,
        cost_usd: 0,
        latency_ms: { p50: 0, p95: 0 },
        calls: 0,
        budget_exceeded: 0,
        holds: false,
        note: `does not parse: ${first ? `${first.line}:${first.column} ${first.message}` : 'invalid pipeline'}`,
      });
      continue;
    }
    const r = outcome.result;
    cases = r.cases.length;
    const budgetExceeded = r.statuses.budget_exceeded ?? 0;
    const holds =
      role === 'baseline'
        ? r.correctness < BASELINE_CEILING
        : r.correctness >= REFERENCE_FLOOR && budgetExceeded === 0;
    lines.push({
      pipeline: name,
      correctness: r.correctness,
      cost_usd: r.cost_usd,
      latency_ms: r.latency_ms,
      calls: r.calls,
      budget_exceeded: budgetExceeded,
      holds,
      note: holds ? undefined : whyNot(role, r.correctness, budgetExceeded),
    });
  }
  return { holds: lines.every((l) => l.holds), cases, lines, finished_at: new Date().toISOString() };
}

function whyNot(role: 'baseline' | 'reference', correctness: number, budgetExceeded: number): string {
  if (role === 'baseline')
    return `the baseline scores ${correctness}, not below ${BASELINE_CEILING}: the naive approach is good enough`;
  if (budgetExceeded > 0) return `${budgetExceeded} case(s) ran out of budget`;
  return `the reference scores ${correctness}, below ${REFERENCE_FLOOR}`;
}
