import type { Calibration, CalibrationLine } from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import type { ModelGateway } from '../models/types.js';
import {
  type CalibrationRole,
  type CalibrationScore,
  calibrationRoleOf,
  judgeCalibration,
} from './calibration-rule.js';
import { type GradeChallengeOutcome, gradeChallenge } from './grade-challenge.js';

export * from './calibration-rule.js';

export interface CalibrateOptions {
  challenge: LoadedChallenge;
  baseline: string;
  /** Reference pipelines by name (`reference`, `reference.cheap` …). */
  references: Record<string, string>;
  /**
   * The shortcut checks by name: `adversary.<name>`, `context-free`, `ablation.<name>`
   * (calibration-rule.ts). A name with no such role is an error.
   */
  others?: Record<string, string>;
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
 * Grades every pipeline on the hidden cases and judges each against its role's bar
 * (calibration-rule.ts). A pipeline that does not parse for the challenge fails the calibration.
 */
export async function calibrateChallenge(options: CalibrateOptions): Promise<Calibration> {
  const { gateway, grade } = options;
  if (!gateway && !grade) throw new TypeError('calibrateChallenge needs a gateway or a grade function');
  const entries: [string, string, CalibrationRole][] = [
    ['baseline', options.baseline, 'baseline'],
    ...Object.entries(options.references).map(
      ([name, source]) => [name, source, 'reference'] as [string, string, CalibrationRole],
    ),
  ];
  for (const [name, source] of Object.entries(options.others ?? {})) {
    const role = calibrationRoleOf(name);
    if (!role || role === 'baseline' || role === 'reference')
      throw new TypeError(
        `calibrateChallenge: "${name}" is not an adversary, context-free or ablation pipeline`,
      );
    entries.push([name, source, role]);
  }
  const lines: Omit<CalibrationLine, 'holds'>[] = [];
  const scores: CalibrationScore[] = [];
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
      const invalid = first ? `${first.line}:${first.column} ${first.message}` : 'invalid pipeline';
      scores.push({ name, role, correctness: 0, budgetExceeded: 0, invalid });
      lines.push({
        pipeline: name,
        role,
        correctness: 0,
        cost_usd: 0,
        latency_ms: { p50: 0, p95: 0 },
        calls: 0,
        budget_exceeded: 0,
      });
      continue;
    }
    const r = outcome.result;
    cases = r.cases.length;
    const budgetExceeded = r.statuses.budget_exceeded ?? 0;
    scores.push({ name, role, correctness: r.correctness, budgetExceeded });
    lines.push({
      pipeline: name,
      role,
      correctness: r.correctness,
      cost_usd: r.cost_usd,
      latency_ms: r.latency_ms,
      calls: r.calls,
      budget_exceeded: budgetExceeded,
    });
  }
  const judged = judgeCalibration(scores, options.challenge.manifest.scoring.pass_mark);
  const out: CalibrationLine[] = lines.map((line, i) => ({
    ...line,
    holds: judged[i]!.holds,
    ...(judged[i]!.note ? { note: judged[i]!.note } : {}),
  }));
  return { holds: out.every((l) => l.holds), cases, lines: out, finished_at: new Date().toISOString() };
}
