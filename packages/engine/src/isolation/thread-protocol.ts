import {
  type CaseKind,
  type ChallengeCase,
  type ErrorCode,
  type Issue,
  type Pipeline,
  RepsError,
} from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import type { CaseResult } from '../grade/grade.js';
import type { GatewaySpec } from './gateway-spec.js';

/** One grading as a thread receives it: everything is data (structured-clonable). */
export interface ThreadJob {
  challenge: LoadedChallenge;
  pipelineSource: string;
  kind: CaseKind;
  secret?: string;
  count?: number;
  gateway: GatewaySpec;
  /** Skill sources keyed `name` and `name@version` (see skillLibrary). */
  skills?: Record<string, string>;
  requireKnownPrices?: boolean;
  /** `false`: case results carry their trace without its steps (see IsolatedGrading.traces). */
  traces?: false;
  /** What an earlier thread of this grading checked and generated: a fresh thread takes it as is. */
  prepared?: PreparedCases;
  /** The grading's cases, kept by the host from an earlier grading: the thread only checks the pipeline. */
  cases?: ChallengeCase[];
}

export interface PreparedCases {
  pipeline: Pipeline;
  cases: ChallengeCase[];
}

/**
 * Host → thread. The host sends `run` only after `ready`, one case a message, and may have several
 * in flight (the thread runs them at once); it sends `prepare` only when none is.
 */
export type HostMessage =
  | { type: 'prepare'; job: ThreadJob }
  | { type: 'run'; index: number }
  /** The job is over: drop everything of it and say how much heap is left in use (`idle`). */
  | { type: 'reset' };

/** Thread → host. */
export type ThreadMessage =
  /** Checking the pipeline starts (the part a learner's schema can make slow). */
  | { type: 'parsing' }
  /** The pipeline is valid; the cases are being generated. */
  | { type: 'parsed' }
  | { type: 'invalid'; issues: Issue[] }
  /**
   * `generated`: the cases the thread ran the generator for (0 when it was handed them). The cases
   * come back only when the thread generated them: the host has those it handed over.
   */
  | {
      type: 'ready';
      generated: number;
      pipeline: Pipeline;
      cases?: ChallengeCase[];
      /** Every model the grading calls is simulated: its cases are CPU work alone (callsOnlySimulatedModels). */
      simulatedOnly: boolean;
    }
  | { type: 'start'; index: number }
  | { type: 'done'; index: number; result: CaseResult }
  | { type: 'failed'; error: ThreadError }
  /** After `reset`: the V8 heap the thread still uses, in bytes. */
  | { type: 'idle'; heapBytes: number };

export interface ThreadError {
  message: string;
  code?: ErrorCode;
  issues?: Issue[];
}

/** An error as data, to cross from a thread to its host. */
export function toThreadError(error: unknown): ThreadError {
  if (error instanceof RepsError) return { message: error.message, code: error.code, issues: error.issues };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The host's error for a thread's: a RepsError again when it had a code. */
export function fromThreadError(error: ThreadError): Error {
  return error.code ? new RepsError(error.code, error.message, error.issues) : new Error(error.message);
}
