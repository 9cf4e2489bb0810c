import type { AgentStep } from '@reps/shared';
import type { StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { StepFailure } from '../step-failure.js';

/** An agent step: the model-turn → tool-calls loop (being built; see issue 17). */
export async function runAgentStep(
  _ctx: RunContext,
  _step: AgentStep,
  _frame: Frame,
  _trace: StepTrace,
): Promise<unknown> {
  throw new StepFailure('model_error', 'agent steps are not available yet');
}
