import type { ErrorCode } from '@reps/shared';
import { ModelError } from '../models/types.js';
import { SandboxError } from '../sandbox/types.js';

/** A step (or the case) failed with one of the run error codes of docs/dsl.md. */
export class StepFailure extends Error {
  /** Id (or path) of the step where it happened, set by the step that failed first. */
  step?: string;
  /** A rate limit's retry-after, so that retry waits at least that long. */
  retryAfterMs?: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Fatal failures stop the case: no on_error, on_item_error or retry may absorb them. */
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

export function budgetExceeded(message: string): StepFailure {
  return new StepFailure('budget_exceeded', message, true);
}

/** Whatever was thrown, as a StepFailure with a code. */
export function toStepFailure(error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  if (error instanceof SandboxError) return new StepFailure(error.code, error.message);
  if (error instanceof ModelError) {
    const failure = new StepFailure(error.code, error.message);
    if (error.retryAfterMs !== undefined) failure.retryAfterMs = error.retryAfterMs;
    return failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StepFailure('model_error', message);
}
