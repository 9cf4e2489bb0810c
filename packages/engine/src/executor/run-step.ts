import { type RetryPolicy, type Step, stepKind } from '@reps/shared';
import type { StepTrace } from '../trace/trace-types.js';
import { withDeadline } from './deadline.js';
import type { Frame, RunContext, StepRecord } from './run-context.js';
import { StepFailure, toStepFailure } from './step-failure.js';
import { runBranchStep } from './steps/branch-step.js';
import { runCodeStep } from './steps/code-step.js';
import { runLlmStep } from './steps/llm-step.js';
import { runLoopStep } from './steps/loop-step.js';
import { runMapStep } from './steps/map-step.js';
import { runOutputStep } from './steps/output-step.js';
import { runUseStep } from './steps/use-step.js';
import { runValidateStep } from './steps/validate-step.js';
import { runVoteStep } from './steps/vote-step.js';
import { Priority } from './virtual-scheduler.js';

/** Codes retried when `retry.on` is not given: the ones another attempt can plausibly fix. */
export const DEFAULT_RETRY_ON = ['invalid_output', 'model_error', 'rate_limited', 'timeout'] as const;

/**
 * Runs one step with its common behaviour: retry and timeout (per model call for llm steps, per
 * run for the others), then on_error. Records the finished step for validate's re-runs.
 */
export async function runStep(ctx: RunContext, step: Step, frame: Frame, trace: StepTrace): Promise<unknown> {
  trace.start_ms = ctx.scheduler.now;
  const record: StepRecord = { step, frame, output: null };
  try {
    const value =
      stepKind(step) === 'llm'
        ? await runLlmStep(ctx, step as Extract<Step, { llm: unknown }>, frame, trace)
        : await withRetry(ctx, step.retry, frame, trace, (attemptFrame) =>
            withTimeout(ctx, step.timeout_ms, attemptFrame, (inner) =>
              runKind(ctx, step, inner, trace, record),
            ),
          );
    if (trace.status !== 'flagged') trace.status = 'ok';
    trace.output = value;
    record.output = value;
    return value;
  } catch (error) {
    const value = recover(step, frame, trace, error);
    record.output = value;
    return value;
  } finally {
    trace.end_ms = ctx.scheduler.now;
    if (step.id) frame.records.set(step.id, record);
  }
}

/** Applies on_error, or rethrows: fatal failures and cancellations are never absorbed. */
function recover(step: Step, frame: Frame, trace: StepTrace, error: unknown): unknown {
  const failure = toStepFailure(error);
  const cancelled = frame.scope.reason !== undefined;
  if (!cancelled || failure === frame.scope.reason)
    trace.error = { code: failure.code, message: failure.message };
  const onError = step.on_error ?? 'fail';
  if (failure.fatal || cancelled || onError === 'fail') {
    trace.status = 'failed';
    if (!cancelled) failure.step ??= step.id ?? trace.kind;
    throw failure;
  }
  if (onError === 'skip') {
    trace.status = 'skipped';
    return null;
  }
  trace.status = 'defaulted';
  return onError.default;
}

function runKind(
  ctx: RunContext,
  step: Step,
  frame: Frame,
  trace: StepTrace,
  record: StepRecord,
): Promise<unknown> {
  switch (stepKind(step)) {
    case 'code':
      return runCodeStep(ctx, step as never, frame);
    case 'map':
      return runMapStep(ctx, step as never, frame, trace, record);
    case 'branch':
      return runBranchStep(ctx, step as never, frame, trace);
    case 'validate':
      return runValidateStep(ctx, step as never, frame, trace);
    case 'vote':
      return runVoteStep(ctx, step as never, frame, trace);
    case 'loop':
      return runLoopStep(ctx, step as never, frame, trace);
    case 'use':
      return runUseStep(ctx, step as never, frame, trace);
    case 'output':
      return runOutputStep(ctx, step as never, frame);
    default:
      throw new StepFailure('code_error', `cannot run a ${stepKind(step)} step here`);
  }
}

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

/** Fails with `timeout` when `fn` has not finished `ms` of virtual time after it started. */
export function withTimeout<T>(
  ctx: RunContext,
  ms: number | undefined,
  frame: Frame,
  fn: (frame: Frame) => Promise<T>,
): Promise<T> {
  if (!ms) return fn(frame);
  const inner = frame.scope.child();
  const expire = () => new StepFailure('timeout', `the step took longer than timeout_ms = ${ms}`);
  return withDeadline(ctx.scheduler, ctx.scheduler.now + ms, Priority.timeout, inner, expire, () =>
    fn({ ...frame, scope: inner }),
  );
}
