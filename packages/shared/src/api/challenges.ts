import { z } from 'zod';
import type { ChallengeBudget } from '../challenge.js';
import { SKILLS } from '../challenge.js';
import type { Aspect } from '../facts.js';

/** A challenge version number as routes take it: a whole number that fits the database's integer. */
export const versionNumberSchema = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(2_147_483_647, 'is not a version number');

export const challengeListQuerySchema = z.strictObject({
  domain: z.string().trim().min(1).optional(),
  skill: z.enum(SKILLS).optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  /** `true`: only challenges the signed-in learner passed; `false`: only those not passed yet. */
  solved: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ChallengeListQuery = z.infer<typeof challengeListQuerySchema>;

/** The learner's displayed best, figures rounded by `coarse`; `passed` is judged on the exact ones. */
export interface MyBest {
  correctness: number;
  cost_usd: number;
  latency_p95_ms: number;
  submission_id: string;
  passed: boolean;
}

export interface ChallengeSummary {
  slug: string;
  title: string;
  domain: string;
  skills: string[];
  difficulty: number;
  summary: string;
  version: number;
  pass_mark: number;
  /** The signed-in learner's displayed best on the current version, if any. */
  best: MyBest | null;
  solved: boolean;
}

export interface ModelOffer {
  id: string;
  simulated: boolean;
  context_tokens: number;
  input_price_per_m: number;
  output_price_per_m: number;
}

export interface ChallengeDetail extends ChallengeSummary {
  brief: string;
  input_schema: Record<string, unknown>;
  output_schema: Record<string, unknown>;
  aspects: Aspect[];
  models: ModelOffer[];
  /** Patterns the challenge allows beyond the listed models (e.g. `openai:*`). */
  model_patterns: string[];
  budget: ChallengeBudget;
  scorer: string;
  cases: { public: number; hidden: number };
  submissions_per_day: number;
  /** The signed-in learner's submissions on this challenge today (UTC); null when signed out. */
  submissions_today: number | null;
  public_cases: { id: string; input: unknown; expected: unknown }[];
  /** The naive one-prompt pipeline the calibration proves insufficient: a place to start from. */
  baseline_pipeline: string | null;
  versions: { version: number; published_at: string | null; current: boolean }[];
}

export interface ChallengeList {
  items: ChallengeSummary[];
  /** Every domain and skill of the published catalogue, whatever the filters, for filter menus. */
  facets: { domains: string[]; skills: string[] };
}
