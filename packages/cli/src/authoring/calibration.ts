import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResult } from '@reps/engine';
import { type GradeChallengeOptions, gradeChallenge, type LoadedChallenge } from '@reps/engine';

/** DESIGN.md section 4: a naive baseline scores under this on hidden cases … */
export const BASELINE_MAX = 50;
/** … and every reference at least this, with no case over budget. */
export const REFERENCE_MIN = 90;

export type CalibrationRole = 'baseline' | 'reference';

export interface CalibrationPipeline {
  file: string;
  role: CalibrationRole;
}

/** One graded pipeline of a calibration, as `reps challenge test --json` prints it. */
export interface CalibrationRow {
  pipeline: string;
  role: CalibrationRole;
  holds: boolean;
  /** Why it does not hold. */
  problem?: string;
  correctness?: number;
  cases?: number;
  cost_usd?: number;
  cost_per_case_usd?: number;
  latency_ms?: GradeResult['latency_ms'];
  calls?: number;
  calls_per_case?: number;
  budget_exceeded?: number;
  statuses?: Record<string, number>;
}

/**
 * The pipelines a challenge is calibrated with: baseline.pipeline.yaml first, then
 * reference.pipeline.yaml and every reference.<name>.pipeline.yaml, as scripts/calibration.mjs
 * picks them.
 */
export async function calibrationPipelines(dir: string): Promise<CalibrationPipeline[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pipeline.yaml')).sort();
  const out: CalibrationPipeline[] = [];
  if (files.includes('baseline.pipeline.yaml'))
    out.push({ file: 'baseline.pipeline.yaml', role: 'baseline' });
  for (const file of files)
    if (file === 'reference.pipeline.yaml' || /^reference\.[\w-]+\.pipeline\.yaml$/.test(file))
      out.push({ file, role: 'reference' });
  return out;
}

export type CalibrateOptions = Pick<
  GradeChallengeOptions,
  'secret' | 'gateway' | 'count' | 'caseConcurrency' | 'onProgress'
>;

/** Grades one pipeline file on the hidden cases and says whether its calibration holds. */
export async function calibrateOne(
  challenge: LoadedChallenge,
  { file, role }: CalibrationPipeline,
  options: CalibrateOptions,
): Promise<CalibrationRow> {
  const pipelineSource = await readFile(join(challenge.dir, file), 'utf8');
  const outcome = await gradeChallenge({ ...options, challenge, pipelineSource, kind: 'hidden' });
  if (!outcome.ok) {
    const issue = outcome.issues[0];
    const where = issue?.line ? ` (line ${issue.line})` : '';
    return {
      pipeline: file,
      role,
      holds: false,
      problem: `invalid pipeline: ${issue?.message ?? 'unknown'}${where}`,
    };
  }
  const { result } = outcome;
  const cases = result.cases.length;
  const overBudget = result.statuses.budget_exceeded ?? 0;
  const problems: string[] = [];
  if (role === 'baseline' && result.correctness >= BASELINE_MAX)
    problems.push(`baseline scores ${result.correctness.toFixed(2)} (must be < ${BASELINE_MAX})`);
  if (role === 'reference' && result.correctness < REFERENCE_MIN)
    problems.push(`reference scores ${result.correctness.toFixed(2)} (must be ≥ ${REFERENCE_MIN})`);
  if (role === 'reference' && overBudget > 0) problems.push(`${overBudget} case(s) over budget`);
  return {
    pipeline: file,
    role,
    holds: problems.length === 0,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
    correctness: result.correctness,
    cases,
    cost_usd: result.cost_usd,
    cost_per_case_usd: result.cost_usd / (cases || 1),
    latency_ms: result.latency_ms,
    calls: result.calls,
    calls_per_case: result.calls / (cases || 1),
    budget_exceeded: overBudget,
    statuses: result.statuses,
  };
}

/** Problems of the set of pipelines itself: a calibration needs a baseline and a reference. */
export function missingRoles(pipelines: CalibrationPipeline[]): string[] {
  const problems: string[] = [];
  if (!pipelines.some((p) => p.role === 'baseline')) problems.push('baseline.pipeline.yaml is missing');
  if (!pipelines.some((p) => p.role === 'reference'))
    problems.push('no reference.pipeline.yaml (or reference.<name>.pipeline.yaml)');
  return problems;
}
