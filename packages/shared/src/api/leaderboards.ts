import { z } from 'zod';
import { versionNumberSchema } from './challenges.js';
import { PERIODS } from './statuses.js';

export const leaderboardQuerySchema = z.strictObject({
  period: z.enum(PERIODS).default('all'),
  version: versionNumberSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const ratingQuerySchema = z.strictObject({
  /** `global`, `skill:<skill>` or `domain:<domain>`. */
  scope: z
    .string()
    .regex(/^(global|skill:[a-z]+|domain:[a-z0-9 -]+)$/, 'must be global, skill:<skill> or domain:<domain>')
    .default('global'),
  period: z.enum(PERIODS).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RatingQuery = z.infer<typeof ratingQuerySchema>;

/**
 * A learner's displayed best. Ranked by the exact figures; shown at the resolution of `coarse`
 * (correctness and standard error to 0.1, cost and latency to 2 significant figures).
 */
export interface LeaderboardEntry {
  rank: number;
  handle: string;
  display_name: string;
  correctness: number;
  standard_error: number;
  cost_usd: number;
  latency_p95_ms: number;
  graded_at: string;
  verification_id: string | null;
}

export interface Leaderboard {
  slug: string;
  version: number;
  period: string;
  total: number;
  entries: LeaderboardEntry[];
  /** The signed-in learner's own row, even when it is not on this page. */
  me: LeaderboardEntry | null;
}

export interface RatingEntry {
  rank: number;
  handle: string;
  display_name: string;
  /** Ranked by the exact rating; shown to the whole point (`coarse('rating', …)`). */
  rating: number;
  challenges: number;
}

export interface RatingBoard {
  scope: string;
  period: string;
  total: number;
  entries: RatingEntry[];
  me: RatingEntry | null;
}

/**
 * What `GET /api/verify/:id` signs: the facts of one graded submission, its figures at the
 * resolution of `coarse` (correctness and standard error to 0.1, cost and latency to 2 significant
 * figures). Records signed before that carried exact figures; they still verify.
 */
export interface VerifiedRecord {
  verification_id: string;
  handle: string;
  challenge: string;
  title: string;
  version: number;
  pipeline_hash: string;
  correctness: number;
  standard_error: number;
  cost_usd: number;
  latency_p50_ms: number;
  latency_p95_ms: number;
  /** The hidden cases the figures are over (records signed before counted the public ones too). */
  cases: number;
  graded_at: string;
}

export interface SignedRecord {
  record: VerifiedRecord;
  /** HMAC-SHA256 of the record's canonical JSON (sorted keys) with the server key, hex. */
  signature: string;
  algorithm: 'HMAC-SHA256';
}

export const verifyRequestSchema = z.strictObject({
  record: z.record(z.string(), z.unknown()),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
});

export interface PublicProfile {
  handle: string;
  display_name: string;
  joined_at: string;
  rating: number;
  skills: Record<string, number>;
  domains: Record<string, number>;
  /** Displayed bests, one per challenge, each verifiable at /api/verify/<verification_id>. */
  results: (VerifiedRecord & { passed: boolean; difficulty: number; domain: string })[];
}
