import type { RetryPolicy } from '@reps/shared';
import type { Frame, RunContext } from './run-context.js';
import { type StepFailure, toStepFailure } from './step-failure.js';

/** Codes retried when `retry.on` is not given: the ones another attempt can plausibly fix. */
export const DEFAULT_RETRY_ON = ['invalid_output', 'model_error', 'rate_limited', 'timeout'] as const;

/**
 * Attempts `fn` up to retry.attempts times for the codes in retry.on, waiting backoff_ms × 2^(n−1)
 * of virtual time between attempts (at least what a rate limit asked for), and with
 * retry.feedback appending the error to the next attempt's prompts.
 */
export async function withRetry<T>(
  ctx: RunContext,
  retry: RetryPolicy | undefined,
  frame: Frame,
  trace: { attempts?: number } | undefined,
  fn: (frame: Frame, attempt: number) => Promise<T>,
  waitHint: (error: unknown) => number = () => 0,
): Promise<T> {
  const attempts = retry?.attempts ?? 1;
  const on: readonly string[] = retry?.on ?? DEFAULT_RETRY_ON;
  let current = frame;
  for (let attempt = 1; ; attempt++) {
    if (trace && attempts > 1) trace.attempts = attempt;
    try {
      return await fn(current, attempt);
    } catch (error) {
      const failure = toStepFailure(error);
      if (failure.fatal || frame.scope.reason || attempt >= attempts || !on.includes(failure.code))
        throw error;
      const backoff = (retry?.backoff_ms ?? 0) * 2 ** (attempt - 1);
      await ctx.scheduler.sleep(Math.max(backoff, waitHint(error)), frame.scope);
      if (retry?.feedback) current = { ...current, feedback: [...current.feedback, retryFeedback(failure)] };
    }
  }
}

function retryFeedback(failure: StepFailure): string {
  return `Your previous answer was rejected (${failure.code}): ${failure.message}. Answer again and fix this.`;
}
