import { z } from 'zod';

/** POST /api/challenges/:slug/solutions/share: which of the learner's passing submissions to show. */
export const shareSolutionRequestSchema = z.strictObject({
  submission_id: z.uuid('must be a submission id'),
});
export type ShareSolutionRequest = z.infer<typeof shareSolutionRequestSchema>;

/** Hidden-set figures as learners read them, rounded by `coarse` (docs/grading.md). */
export interface SolutionFigures {
  correctness: number;
  cost_usd: number;
  latency_p95_ms: number;
}

/** One of the challenge's reference pipelines (`reference[.name].pipeline.yaml`). */
export interface ReferenceSolution {
  /** `reference`, `reference.vote` …: the file name without `.pipeline.yaml`. */
  name: string;
  pipeline: string;
  /** From the version's calibration on the hidden cases, when it was calibrated (uploads are). */
  figures: SolutionFigures | null;
}

/** A passing pipeline a learner chose to share. */
export interface SharedSolution {
  submission_id: string;
  handle: string;
  display_name: string;
  figures: SolutionFigures;
  /** Pareto layer over (correctness max, cost min, latency p95 min): 1 is the front. */
  layer: number;
  pipeline: string;
  shared_at: string;
  /** The signed-in learner's own share. */
  mine: boolean;
}

/** A challenge named with what the catalogue card shows. */
export interface ChallengeRef {
  slug: string;
  title: string;
  difficulty: number;
  skills: string[];
}

/** The pipelines behind a challenge version's solutions: what opening them shows. */
export interface SolutionsContents {
  references: ReferenceSolution[];
  /**
   * Ranked: Pareto layer 1 first, inside a layer by correctness, then cost, then latency. The top 50
   * of the ranking, and the reader's own wherever it ranks (`counts.shared` says how many there are).
   */
  shared: SharedSolution[];
}

/**
 * GET /api/challenges/:slug/solutions: for a learner who passed (403 `not_passed` otherwise), for
 * admins, and for an instructor on a challenge they wrote. Anyone reads the pipelines only once they open them
 * (POST /api/challenges/:slug/solutions/open), which freezes their place on this version's boards:
 * later submissions are graded but not ranked (docs/grading.md, "Opening the solutions").
 */
export interface SolutionsView {
  slug: string;
  version: number;
  /** What there is to read, shown before opening. */
  counts: { references: number; shared: number };
  /** When the signed-in user first opened this version's solutions; null before. */
  opened_at: string | null;
  /** null until the signed-in user opened them. */
  solutions: SolutionsContents | null;
  /** The signed-in learner's own shared solution on this version: sharing does not need opening. */
  my_share: SharedSolution | null;
  /** The signed-in learner's passing submissions on this version, newest first: what they may share. */
  shareable: { submission_id: string; figures: SolutionFigures; graded_at: string }[];
  /** The next challenge to try (rule: `nextChallenge` in packages/shared/src/tracks.ts); null when none is left. */
  next: ChallengeRef | null;
}

/** GET /api/start-here: where a new learner begins (`startHere` in packages/shared/src/tracks.ts). */
export interface StartHereView {
  challenge: ChallengeRef | null;
}
