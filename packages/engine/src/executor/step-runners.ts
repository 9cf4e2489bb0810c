import type { StepKind, StepOfKind } from '@reps/shared';
import type { StepTrace } from '../trace/trace-types.js';
import { withRetry } from './retry.js';
import type { Frame, RunContext, StepRecord } from './run-context.js';
import { runAgentStep } from './steps/agent-step.js';
import { runBranchStep } from './steps/branch-step.js';
import { runCodeStep } from './steps/code-step.js';
import { runLlmStep } from './steps/llm-step.js';
import { runLoopStep } from './steps/loop-step.js';
import { runMapStep } from './steps/map-step.js';
import { runOutputStep } from './steps/output-step.js';
import { runUseStep } from './steps/use-step.js';
import { runValidateStep } from './steps/validate-step.js';
import { runVoteStep } from './steps/vote-step.js';
import { withTimeout } from './timeouts.js';

/** Runs one step of kind K, given the step narrowed to that kind; its value is the step's output. */
export type StepRunner<K extends StepKind> = (
  ctx: RunContext,
  step: StepOfKind<K>,
  frame: Frame,
  trace: StepTrace,
  record: StepRecord,
) => Promise<unknown>;

/** One runner per kind: a kind without a runner (or a runner for the wrong kind) does not compile. */
export type StepRunners = { readonly [K in StepKind]: StepRunner<K> };

/**
 * Retry and timeout around the whole run of a step: every kind but llm, which retries and times out
 * each of its model calls instead (steps/llm-step.ts).
 */
function whole<K extends StepKind>(run: StepRunner<K>): StepRunner<K> {
  return (ctx, step, frame, trace, record) =>
    withRetry(ctx, step.retry, frame, trace, (attemptFrame) =>
      withTimeout(ctx, step.timeout_ms, attemptFrame, (inner) => run(ctx, step, inner, trace, record)),
    );
}

export const STEP_RUNNERS: StepRunners = {
  llm: runLlmStep,
  agent: whole(runAgentStep),
  code: whole(runCodeStep),
  map: whole(runMapStep),
  branch: whole(runBranchStep),
  validate: whole(runValidateStep),
  vote: whole(runVoteStep),
  loop: whole(runLoopStep),
  use: whole(runUseStep),
  output: whole(runOutputStep),
};
