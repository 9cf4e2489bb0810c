import type { FactUnit, ScorerName } from '@reps/shared';
import type { z } from 'zod';
import type { ModelGateway } from '../models/types.js';
import type { Sandbox, SandboxLimits } from '../sandbox/types.js';

/** A case score: 0..1 and why, in words a learner can act on. */
export interface ScoreResult {
  score: number;
  reason: string;
  /**
   * Per field of the output, the share right in this case (0..1), by a field's generic path
   * (`priority`, `answers.citations`): what the breakdown of a grading aggregates (breakdown.ts).
   */
  fields?: Record<string, number>;
}

/** What a scorer may read about the case; a ChallengeCase is one. */
export interface ScorerCase {
  id: string;
  input: unknown;
  facts?: FactUnit[];
}

/**
 * Scores one output. Built-ins score malformed output 0 with a reason and never throw; a
 * GraderError (grader_error) means the grader itself failed and the case must not count as zero.
 */
export interface CaseScorer {
  (output: unknown, expected: unknown, testCase: ScorerCase): Promise<ScoreResult>;
  /** Frees the sandbox a custom scorer owns; a no-op for the others. */
  dispose(): void;
}

export interface ScorerDeps {
  /** Needed by llm_judge. */
  gateway?: ModelGateway;
  /** The bundled scorer.ts (an IIFE assigning CUSTOM_SCORER_GLOBAL); needed by custom. */
  customScorerScript?: string;
  /** A sandbox the caller owns, for custom; otherwise the scorer creates (and disposes) its own. */
  sandbox?: Sandbox;
  /** Limits of the sandbox a custom scorer creates; default 1 s per call and 64 MiB. */
  sandboxLimits?: SandboxLimits;
}

export type ScoreFn = (
  output: unknown,
  expected: unknown,
  testCase: ScorerCase,
) => ScoreResult | Promise<ScoreResult>;

/** A scorer kind: its params schema and a factory. `create` may throw at load time (a missing dep). */
export interface ScorerDefinition<P = unknown> {
  name: ScorerName;
  params: z.ZodType<P>;
  create(params: P, deps: ScorerDeps): ScoreFn & { dispose?: () => void };
}

/** Declares a definition with its params type inferred from the schema. */
export function defineScorer<S extends z.ZodType>(definition: {
  name: ScorerName;
  params: S;
  create(params: z.output<S>, deps: ScorerDeps): ScoreFn & { dispose?: () => void };
}): ScorerDefinition<z.output<S>> {
  return definition as unknown as ScorerDefinition<z.output<S>>;
}
