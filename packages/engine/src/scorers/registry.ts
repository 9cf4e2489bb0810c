import { type ChallengeScoringInput, type Issue, RepsError, type ScorerName } from '@reps/shared';
import type { z } from 'zod';
import { brief } from './canonical-json.js';
import { customScorer } from './custom.scorer.js';
import { exactScorer } from './exact.scorer.js';
import { GraderError } from './grader-error.js';
import { jsonFieldsScorer } from './json-fields.scorer.js';
import { labelAccuracyScorer } from './label-accuracy.scorer.js';
import { llmJudgeScorer } from './llm-judge.scorer.js';
import { ndcgScorer } from './ndcg.scorer.js';
import { normalizedTextScorer } from './normalized-text.scorer.js';
import { numericScorer } from './numeric.scorer.js';
import type { CaseScorer, ScoreResult, ScorerCase, ScorerDefinition, ScorerDeps } from './scorer-types.js';
import { setF1Scorer } from './set-f1.scorer.js';
import { spanF1Scorer } from './span-f1.scorer.js';

/** Every scorer by the name challenge.yaml uses; one entry per name (a test checks the list). */
// biome-ignore lint/suspicious/noExplicitAny: each entry has its own params type; createScorer parses before create.
export const SCORERS: Record<ScorerName, ScorerDefinition<any>> = {
  exact: exactScorer,
  normalized_text: normalizedTextScorer,
  label_accuracy: labelAccuracyScorer,
  json_fields: jsonFieldsScorer,
  set_f1: setF1Scorer,
  numeric: numericScorer,
  span_f1: spanF1Scorer,
  ndcg: ndcgScorer,
  llm_judge: llmJudgeScorer,
  custom: customScorer,
};

/** The zod schema of a scorer's params (for docs and editors). */
export function scorerParamsSchema(name: ScorerName): z.ZodType {
  return SCORERS[name].params;
}

/** Problems with `scoring.params`, each with its path from the manifest root (`scoring.params.k`). */
export function checkScorerParams(scoring: ChallengeScoringInput): Issue[] {
  const definition = SCORERS[scoring.scorer];
  const parsed = definition.params.safeParse(scoring.params ?? {});
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = ['scoring', 'params', ...issue.path.map(String)].join('.');
    return {
      code: 'validation_failed',
      path,
      message: `${path}: ${issue.message.replace(/^Invalid input: /, '')} (scorer ${scoring.scorer})`,
    };
  });
}

/**
 * Builds the score function grade() calls for every case. Bad params throw a RepsError
 * (validation_failed) with one issue per problem, so a challenge fails at load time, not mid-grade.
 */
export function createScorer(scoring: ChallengeScoringInput, deps: ScorerDeps = {}): CaseScorer {
  const issues = checkScorerParams(scoring);
  if (issues.length)
    throw new RepsError(
      'validation_failed',
      `The ${scoring.scorer} scorer's params are not valid:\n${issues.map((i) => `  ${i.message}`).join('\n')}`,
      issues,
    );
  const definition = SCORERS[scoring.scorer];
  const fn = definition.create(definition.params.parse(scoring.params ?? {}), deps);
  const scorer = async (output: unknown, expected: unknown, testCase: ScorerCase): Promise<ScoreResult> => {
    let result: ScoreResult;
    try {
      result = await fn(output, expected, testCase);
    } catch (error) {
      if (error instanceof GraderError) throw error;
      throw new GraderError(
        `The ${scoring.scorer} scorer failed on case ${testCase.id}: ${(error as Error).message}`,
      );
    }
    return checked(result, scoring.scorer);
  };
  return Object.assign(scorer, { dispose: () => fn.dispose?.() });
}

/** A built-in that returns a score outside 0..1 has a bug; say so instead of recording nonsense. */
function checked(result: ScoreResult, name: string): ScoreResult {
  const { score, reason, fields } = result;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < -1e-9 || score > 1 + 1e-9)
    throw new GraderError(`The ${name} scorer produced score ${String(score)}, outside 0..1.`);
  return {
    score: Math.min(1, Math.max(0, score)),
    reason: typeof reason === 'string' ? reason : brief(reason),
    // Per-field scores pass on (score-output.ts keeps them only when well formed).
    ...(fields ? { fields } : {}),
  };
}
