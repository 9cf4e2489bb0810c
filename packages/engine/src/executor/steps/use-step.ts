import type { UseStep } from '@reps/shared';
import type { StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';
import { StepFailure } from '../step-failure.js';

/**
 * Runs a saved skill's steps with `input` = the evaluated inputs. It shares the case's budget,
 * clock and concurrency; its own budget does not apply (the caller's does).
 */
export async function runUseStep(
  ctx: RunContext,
  step: UseStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(step.inputs ?? {})) {
    input[name] = await evaluate(ctx.sandbox, expression, frame.values, `use input ${name}`);
  }
  trace.steps = [];
  return runSkill(ctx, step.use, input, frame, trace.steps);
}

/**
 * Runs the saved skill `name` with `input` (a use step's inputs, or an agent tool's arguments): it
 * sees only its input, and feedback and cancellation from the caller.
 */
export async function runSkill(
  ctx: RunContext,
  name: string,
  input: unknown,
  frame: Frame,
  traces: StepTrace[],
): Promise<unknown> {
  const skill = ctx.skills?.(name);
  if (!skill) throw new StepFailure('code_error', `use: no skill named "${name}" is available`);
  const skillFrame: Frame = {
    values: { input },
    records: new Map(),
    feedback: frame.feedback,
    scope: frame.scope,
  };
  return ctx.executor.runBlock(ctx, skill.steps, skillFrame, traces);
}
