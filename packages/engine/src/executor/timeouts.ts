import { withDeadline } from './deadline.js';
import type { Frame, RunContext } from './run-context.js';
import { StepFailure } from './step-failure.js';
import { Priority } from './virtual-scheduler.js';

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
