import { Users1764000000000 } from '../migrations/1764000000000-users.js';
import { Auth1764000001000 } from '../migrations/1764000001000-auth.js';
import { ChallengesAndGrading1764000002000 } from '../migrations/1764000002000-challenges-and-grading.js';
import { Cohorts1764000003000 } from '../migrations/1764000003000-cohorts.js';
import { ExtraReferences1764000004000 } from '../migrations/1764000004000-extra-references.js';
import { Skills1764000005000 } from '../migrations/1764000005000-skills.js';
import { ModelKeys1764000006000 } from '../migrations/1764000006000-model-keys.js';
import { RatingsRankIndex1764000007000 } from '../migrations/1764000007000-ratings-rank-index.js';
import { GradingReview1764000008000 } from '../migrations/1764000008000-grading-review.js';
import { ApiTokenExpiry1764000009000 } from '../migrations/1764000009000-api-token-expiry.js';
import { SolutionShares1764000010000 } from '../migrations/1764000010000-solution-shares.js';
import { SolutionOpenings1764000011000 } from '../migrations/1764000011000-solution-openings.js';
import { ResultCompression1764000012000 } from '../migrations/1764000012000-result-compression.js';

/** Every migration in order, listed once (ESM builds cannot glob-load them). */
export const migrations = [
  Users1764000000000,
  Auth1764000001000,
  ChallengesAndGrading1764000002000,
  Cohorts1764000003000,
  ExtraReferences1764000004000,
  Skills1764000005000,
  ModelKeys1764000006000,
  RatingsRankIndex1764000007000,
  GradingReview1764000008000,
  ApiTokenExpiry1764000009000,
  SolutionShares1764000010000,
  SolutionOpenings1764000011000,
  ResultCompression1764000012000,
];
