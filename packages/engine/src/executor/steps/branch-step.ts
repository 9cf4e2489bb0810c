import type { BranchStep } from '@reps/shared';
import type { StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';
import { StepFailure } from '../step-failure.js';

/** The first case whose `when` is truthy runs; else the default; else no_branch_matched. */
export async function runBranchStep(
  ctx: RunContext,
  step: BranchStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const { cases } = step.branch;
  let chosen = -1;
  for (let i = 0; i < cases.length && chosen < 0; i++) {
    if (await evaluate(ctx.sandbox, cases[i]!.when, frame.values, `branch case ${i + 1} when`)) chosen = i;
  }
  const steps = chosen >= 0 ? cases[chosen]!.steps : step.branch.default;
  if (!steps)
    throw new StepFailure(
      'no_branch_matched',
      `none of the ${cases.length} cases matched and there is no default`,
    );
  trace.branch = chosen >= 0 ? chosen : 'default';
  trace.steps = [];
  return ctx.executor.runBlock(ctx, steps, frame, trace.steps);
}
