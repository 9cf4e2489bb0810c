import {
  type Budget,
  type CaseKind,
  type Challenge,
  type ChallengeCase,
  type Issue,
  isModelAllowed,
  type Pipeline,
} from '@reps/shared';
import { generateCases } from '../challenges/generate-cases.js';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import type { SkillResolver } from '../dsl/check-steps.js';
import { parsePipeline } from '../dsl/parse-pipeline.js';
import type { ModelGateway } from '../models/types.js';
import { createScorer } from '../scorers/registry.js';
import { type GradeOptions, type GradeResult, grade } from './grade.js';
import { createOutputCheck } from './output-checks.js';
import { unpricedModelIssues } from './unpriced-models.js';

export interface GradeChallengeOptions {
  challenge: LoadedChallenge;
  /** The pipeline as the learner wrote it (YAML or JSON). */
  pipelineSource: string;
  kind: CaseKind;
  /** REPS_HIDDEN_SEED; required for hidden cases. */
  secret?: string;
  /** The first N cases of the kind; default all the manifest asks for. */
  count?: number;
  gateway: ModelGateway;
  skills?: SkillResolver;
  caseConcurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Refuse real models without a known price (graded submissions: their cost counts). */
  requireKnownPrices?: boolean;
}

export type GradeChallengeOutcome =
  | { ok: false; issues: Issue[] }
  | { ok: true; pipeline: Pipeline; cases: ChallengeCase[]; result: GradeResult };

/**
 * Grades a pipeline source on a challenge: the one path the worker, `reps run` and `reps challenge
 * test` share, so a pipeline scores the same in each to the last digit. The pipeline is checked
 * against the challenge's allowed models, its budget is capped by the challenge's, the cases are
 * generated from the version's seed, and each output is checked (size, depth, the challenge's
 * output_schema) before the challenge's scorer grades it.
 */
export async function gradeChallenge(options: GradeChallengeOptions): Promise<GradeChallengeOutcome> {
  const { challenge, gateway } = options;
  const { manifest } = challenge;
  const parsed = parseForChallenge(manifest, options.pipelineSource, gateway, options.skills, {
    requireKnownPrices: options.requireKnownPrices,
  });
  if (!parsed.ok) return parsed;
  const { pipeline } = parsed;
  const cases = await generateCases(challenge, {
    kind: options.kind,
    secret: options.secret,
    count: options.count,
  });
  const grading = challengeGrading(challenge, { pipeline, cases, gateway, skills: options.skills });
  try {
    const result = await grade({
      ...grading.options,
      caseConcurrency: options.caseConcurrency,
      onProgress: options.onProgress,
    });
    return { ok: true, pipeline, cases, result };
  } finally {
    grading.dispose();
  }
}

/** The grade() options of one grading of a challenge, and its scorer to dispose of after. */
export interface ChallengeGrading {
  options: Omit<GradeOptions, 'caseConcurrency' | 'onProgress' | 'caseIndices'>;
  dispose(): void;
}

/**
 * How a challenge grades a pipeline's cases (its scorer, aspects and checks): one definition for
 * gradeChallenge and for the grading thread of gradeChallengeIsolated, so both grade alike.
 */
export function challengeGrading(
  challenge: LoadedChallenge,
  run: { pipeline: Pipeline; cases: ChallengeCase[]; gateway: ModelGateway; skills?: SkillResolver },
): ChallengeGrading {
  const { manifest } = challenge;
  const scorer = createScorer(manifest.scoring, {
    gateway: run.gateway,
    customScorerScript: challenge.scorerScript,
  });
  return {
    options: {
      pipeline: run.pipeline,
      cases: run.cases,
      score: scorer,
      gateway: run.gateway,
      aspects: manifest.aspects,
      outputCheck: createOutputCheck(manifest.output_schema),
      skills: run.skills,
    },
    dispose: () => scorer.dispose(),
  };
}

export interface ParseForChallengeOptions {
  /** Also refuse real models without a known price (see unpriced-models.ts). */
  requireKnownPrices?: boolean;
}

/**
 * Parses a pipeline as this challenge will run it: only the models it allows (and the gateway
 * serves), with the budget capped by the challenge's. The API calls this to answer 422 at once.
 */
export function parseForChallenge(
  manifest: Challenge,
  source: string,
  gateway: ModelGateway,
  skills?: SkillResolver,
  options: ParseForChallengeOptions = {},
): { ok: true; pipeline: Pipeline } | { ok: false; issues: Issue[] } {
  const parsed = parsePipeline(source, {
    knownModels: (model) => isModelAllowed(manifest.models, model) && gateway.describe(model) !== undefined,
    skills,
  });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  if (options.requireKnownPrices) {
    const issues = unpricedModelIssues(source, parsed.pipeline, gateway, skills);
    if (issues.length > 0) return { ok: false, issues };
  }
  return {
    ok: true,
    pipeline: { ...parsed.pipeline, budget: capBudget(parsed.pipeline.budget, manifest.budget) },
  };
}

/** Each limit is the pipeline's own when it sets a lower one, else the challenge's cap. */
export function capBudget(own: Budget, cap: Budget): Budget {
  const lower = (a: number | undefined, b: number | undefined) =>
    a === undefined ? b : b === undefined ? a : Math.min(a, b);
  return {
    max_calls: lower(own.max_calls, cap.max_calls),
    max_tokens: lower(own.max_tokens, cap.max_tokens),
    max_cost_usd: lower(own.max_cost_usd, cap.max_cost_usd),
    max_ms: lower(own.max_ms, cap.max_ms),
  };
}
