import type { CodeStep } from '@reps/shared';
import type { Frame, RunContext } from '../run-context.js';
import { runCode } from '../sandbox-calls.js';

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
  const { value, polls } = await runCode(ctx.sandbox, body, frame.values);
  if (polls > 0) await ctx.scheduler.sleep(polls * CODE_MS_PER_POLL, frame.scope);
  return value;
}
