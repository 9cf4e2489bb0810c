import type { OutputStep } from '@reps/shared';
import type { Frame, RunContext } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';

/** The pipeline's result. */
export async function runOutputStep(ctx: RunContext, step: OutputStep, frame: Frame): Promise<unknown> {
  return (await evaluate(ctx.sandbox, step.output, frame.values, 'output')) ?? null;
}
