import type { CodeStep } from '@reps/shared';
import { SANDBOX_DEFAULTS } from '../../sandbox/quickjs-sandbox.js';
import type { Frame, RunContext } from '../run-context.js';
import { runCode } from '../sandbox-calls.js';
import { toStepFailure } from '../step-failure.js';

/**
 * Virtual milliseconds per QuickJS interrupt poll. QuickJS polls once per ~10,000 interpreter steps
 * (calls and loop iterations), which a server runs in roughly a millisecond; counting polls rather
 * than reading a clock keeps latency figures deterministic. Work done inside one native call (a
 * long string search, a big JSON.parse) never polls: the prelude charges it as polls by the lengths
 * involved (sandbox/prelude.ts, WORK_METER), so it counts here too.
 */
export const CODE_MS_PER_POLL = 1;

/** A code step: its body runs in the case's sandbox; its CPU, counted in polls, is virtual time. */
export function runCodeStep(ctx: RunContext, step: CodeStep, frame: Frame): Promise<unknown> {
  return runCodeBody(ctx, step.code, frame);
}

/** Runs a function body with the frame's values in scope (a code step's, or an agent's code tool). */
export async function runCodeBody(ctx: RunContext, body: string, frame: Frame): Promise<unknown> {
  const before = ctx.sandbox.polls;
  try {
    const { value, polls } = await runCode(ctx.sandbox, body, frame.values);
    if (polls > 0) await ctx.scheduler.sleep(polls * CODE_MS_PER_POLL, frame.scope);
    return value;
  } catch (error) {
    // A failed body still used CPU. One stopped by a sandbox limit is charged the whole deadline
    // (how far it got before the wall-clock deadline depends on the machine; the deadline does
    // not), so that no loop of calls (an agent's tool, turn after turn) burns CPU for free.
    const failure = toStepFailure(error);
    const ms =
      failure.code === 'sandbox_limit'
        ? SANDBOX_DEFAULTS.deadlineMs
        : (ctx.sandbox.polls - before) * CODE_MS_PER_POLL;
    if (ms > 0 && !frame.scope.reason) await ctx.scheduler.sleep(ms, frame.scope);
    throw failure;
  }
}

/** Virtual time for the polls the sandbox used since `before` (an expression run every turn). */
export async function chargePolls(ctx: RunContext, before: number, frame: Frame): Promise<void> {
  const polls = ctx.sandbox.polls - before;
  if (polls > 0) await ctx.scheduler.sleep(polls * CODE_MS_PER_POLL, frame.scope);
}
