import { isStepOfKind, type Step, type StepKind, stepKind } from '@reps/shared';
import type { StepTrace } from '../trace/trace-types.js';
import type { Frame, RunContext, StepRecord } from './run-context.js';
import { toStepFailure } from './step-failure.js';
import { STEP_RUNNERS, type StepRunner } from './step-runners.js';

/**
 * Runs one step with its common behaviour: retry and timeout (per model call for llm steps, per
 * run for the others), then on_error. Records the finished step for validate's re-runs.
 */
export async function runStep(ctx: RunContext, step: Step, frame: Frame, trace: StepTrace): Promise<unknown> {
  trace.start_ms = ctx.scheduler.now;
  const record: StepRecord = { step, frame, output: null };
  try {
    const value = await runKind(stepKind(step), ctx, step, frame, trace, record);
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

/** Hands the step, narrowed to its kind, to that kind's runner (step-runners.ts). */
function runKind<K extends StepKind>(
  kind: K,
  ctx: RunContext,
  step: Step,
  frame: Frame,
  trace: StepTrace,
  record: StepRecord,
): Promise<unknown> {
  if (!isStepOfKind(step, kind)) throw new Error(`A step without its kind's key (${kind}) was dispatched.`);
  const run: StepRunner<K> = STEP_RUNNERS[kind];
  return run(ctx, step, frame, trace, record);
}
