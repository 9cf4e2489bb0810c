import type { CodeStep } from '@reps/shared';
import type { Frame, RunContext } from '../run-context.js';
import { runCode } from '../sandbox-calls.js';

/** A code step: its body runs in the sandbox and takes no virtual time. */
export async function runCodeStep(ctx: RunContext, step: CodeStep, frame: Frame): Promise<unknown> {
  return runCode(ctx.sandbox, step.code, frame.values);
}
