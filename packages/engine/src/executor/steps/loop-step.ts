import type { LoopStep } from '@reps/shared';
import type { IterationTrace, StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';

/**
 * Runs the body until `until` (with value, iteration, previous) is truthy or max_iterations is
 * reached; the output is the last iteration's value. Reaching the cap is not an error.
 */
export async function runLoopStep(
  ctx: RunContext,
  step: LoopStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const { steps, until, max_iterations } = step.loop;
  const iterations: IterationTrace[] = [];
  trace.iterations = iterations;
  let previous: unknown = null;
  for (let iteration = 0; iteration < max_iterations; iteration++) {
    const it: IterationTrace = { iteration, steps: [], done: false };
    iterations.push(it);
    const values = { ...frame.values, iteration, previous };
    const value = await ctx.executor.runBlock(
      ctx,
      steps,
      { ...frame, values, records: new Map(frame.records) },
      it.steps,
    );
    it.output = value;
    it.done = Boolean(await evaluate(ctx.sandbox, until, { ...values, value }, 'loop until'));
    previous = value;
    if (it.done) break;
  }
  return previous;
}
