import { z } from 'zod';
import { aspectSchema } from './facts.js';

/**
 * The challenge manifest, `challenges/<slug>/challenge.yaml` (README.md, "Authoring a challenge"). This schema is
 * its single definition: the loader, the API, the CLI and the editor (via challengeJsonSchema) all
 * read it. Unknown keys are rejected everywhere, so a typo is an error rather than a silent default.
 */

/** The four skills of orchestration a challenge exercises. */
export const SKILLS = ['decomposition', 'sequencing', 'correction', 'validation'] as const;
export type Skill = (typeof SKILLS)[number];

/** Scorers that ship with the engine; `custom` runs the challenge's own scorer.ts in the sandbox. */
export const BUILTIN_SCORERS = [
  'exact',
  'normalized_text',
  'label_accuracy',
  'json_fields',
  'set_f1',
  'numeric',
  'span_f1',
  'ndcg',
  'llm_judge',
] as const;
export const SCORER_NAMES = [...BUILTIN_SCORERS, 'custom'] as const;
export type ScorerName = (typeof SCORER_NAMES)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An allowed model: an exact id (`sim-mini`, `openai:gpt-4o-mini`) or a provider pattern ending in
 * `*` (`openai:*`, `anthropic:claude-*`). Only a trailing star is supported: it is all a challenge
 * needs, and it keeps matching obvious.
 */
export const MODEL_PATTERN =
  /^(?:sim-[a-z0-9][a-z0-9.-]*|(?:openai|anthropic):(?:\*|[^\s*]+\*?)|echo(?::\S*)?)$/;

const jsonSchemaObject = z.record(z.string(), z.unknown());

export const challengeBudgetSchema = z.strictObject({
  max_calls: z.int().positive(),
  max_tokens: z.int().positive().optional(),
  max_cost_usd: z.number().positive(),
  /** Virtual time of a case's critical path. */
  max_ms: z.number().positive(),
});
export type ChallengeBudget = z.infer<typeof challengeBudgetSchema>;

/**
 * `params` is checked by the chosen scorer's own zod schema in packages/engine (scorers/), at load
 * time and with the line and column; here it only has to be a mapping.
 */
export const challengeScoringSchema = z.strictObject({
  scorer: z.enum(SCORER_NAMES),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Correctness (0–100) a submission needs to count as passed. */
  pass_mark: z.number().min(0).max(100),
});
export type ChallengeScoring = z.infer<typeof challengeScoringSchema>;
export type ChallengeScoringInput = z.input<typeof challengeScoringSchema>;

export const challengeCaseCountsSchema = z.strictObject({
  /** Shown to learners with their expected outputs. */
  public: z.int().min(5).max(10),
  /** Generated at grade time from the secret seed; never stored, never sent. */
  hidden: z.int().min(50).max(200),
});

export const challengeSchema = z
  .strictObject({
    slug: z.string().regex(SLUG_PATTERN, 'must be kebab-case: lowercase letters, digits and single dashes'),
    title: z.string().trim().min(1).max(120),
    /**
     * A positive integer. Integer, not semver: a version names one hidden set (its seed is
     * `<slug>:<version>`) and one leaderboard, so any change a learner could notice is a new
     * version and there is nothing for minor or patch numbers to mean.
     */
    version: z.int().positive(),
    /** Where the task comes from: law, finance, healthcare, support, operations … */
    domain: z.string().trim().min(1).max(60),
    skills: z
      .array(z.enum(SKILLS))
      .min(1)
      .refine((skills) => new Set(skills).size === skills.length, 'must not repeat a skill'),
    difficulty: z.int().min(1).max(5),
    summary: z.string().trim().min(1).max(500),
    input_schema: jsonSchemaObject,
    output_schema: jsonSchemaObject,
    aspects: z
      .array(aspectSchema)
      .default([])
      .refine((aspects) => new Set(aspects.map((a) => a.name)).size === aspects.length, {
        message: 'aspect names must be unique',
      }),
    models: z
      .array(
        z
          .string()
          .regex(
            MODEL_PATTERN,
            'must be a model id (sim-mini, openai:gpt-4o-mini, anthropic:…) or a pattern such as openai:*',
          ),
      )
      .min(1),
    budget: challengeBudgetSchema,
    scoring: challengeScoringSchema,
    cases: challengeCaseCountsSchema,
    submissions_per_day: z.int().positive().max(1000).default(20),
  })
  .superRefine((challenge, ctx) => {
    if (challenge.scoring.scorer !== 'llm_judge') return;
    const judge = challenge.scoring.params.model;
    if (typeof judge === 'string' && !MODEL_PATTERN.test(judge))
      ctx.addIssue({
        code: 'custom',
        path: ['scoring', 'params', 'model'],
        message: `"${judge}" is not a model id`,
      });
  });

export type Challenge = z.infer<typeof challengeSchema>;
export type ChallengeInput = z.input<typeof challengeSchema>;

/** Whether `model` is allowed by a challenge's `models` list (exact ids and trailing-`*` patterns). */
export function isModelAllowed(allowed: readonly string[], model: string): boolean {
  return allowed.some((pattern) =>
    pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : model === pattern,
  );
}

/** JSON Schema of challenge.yaml for editors (YAML language server, Monaco). */
export function challengeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(challengeSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
