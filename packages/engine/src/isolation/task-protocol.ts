import type { CaseKind, Challenge, ChallengeCase, Issue } from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import type { GatewaySpec } from './gateway-spec.js';
import type { ThreadError } from './thread-protocol.js';

/** Checks a pipeline for a challenge as parseForChallenge does, off the caller's thread. */
export interface CheckTask {
  type: 'check';
  manifest: Challenge;
  source: string;
  gateway: GatewaySpec;
  /** Skill sources keyed `name` and `name@version` (see skillLibrary). */
  skills?: Record<string, string>;
  requireKnownPrices?: boolean;
}

/** Checks a skill (a pipeline with inputs) as skillProblems does. */
export interface SkillTask {
  type: 'skill';
  source: string;
  gateway: GatewaySpec;
}

/** Reads a challenge manifest (its JSON Schemas compile) as readManifest does. */
export interface ManifestTask {
  type: 'manifest';
  source: string;
  file: string;
}

/** Runs a challenge's generator (author code) off the caller's thread. */
export interface GenerateTask {
  type: 'generate';
  challenge: LoadedChallenge;
  kind: CaseKind;
  secret?: string;
  count?: number;
}

export type Task = CheckTask | SkillTask | ManifestTask | GenerateTask;

export type CheckOutcome = { ok: true } | { ok: false; issues: Issue[] };

export interface TaskResults {
  check: CheckOutcome;
  skill: CheckOutcome;
  manifest: Challenge;
  generate: ChallengeCase[];
}

/** Host → thread: one task at a time. */
export interface TaskMessage {
  id: number;
  task: Task;
}

/** Thread → host. */
export type TaskReply =
  | { id: number; ok: true; value: TaskResults[Task['type']] }
  | { id: number; ok: false; error: ThreadError };
