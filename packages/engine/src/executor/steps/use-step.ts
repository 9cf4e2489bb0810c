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
  const skill = ctx.skills?.(step.use);
  if (!skill) throw new StepFailure('code_error', `use: no skill named "${step.use}" is available`);
  const input: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(step.inputs ?? {})) {
    input[name] = await evaluate(ctx.sandbox, expression, frame.values, `use input ${name}`);
  }
  trace.steps = [];
  const skillFrame: Frame = {
    values: { input },
    records: new Map(),
    feedback: frame.feedback,
    scope: frame.scope,
  };
  return ctx.executor.runBlock(ctx, skill.steps, skillFrame, trace.steps);
}
