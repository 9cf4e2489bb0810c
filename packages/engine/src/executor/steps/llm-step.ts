import type { LlmStep } from '@reps/shared';
import type { ChatMessage, CompletionRequest } from '../../models/types.js';
import type { CallTrace, StepTrace } from '../../trace/trace-types.js';
import { withRetry } from '../retry.js';
import type { Frame, RunContext } from '../run-context.js';
import { toStepFailure } from '../step-failure.js';
import { withTimeout } from '../timeouts.js';
import {
  newCallTrace,
  openingMessages,
  outputSpec,
  readAnswer,
  renderPrompts,
  tracedModelCall,
} from './model-call.js';

/**
 * An llm step: renders its templates, makes one call per sample (in parallel, each with its own
 * retries and timeout), checks JSON answers against the schema. samples > 1 gives an array.
 */
export async function runLlmStep(
  ctx: RunContext,
  step: LlmStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const spec = step.llm;
  const { system, prompt } = await renderPrompts(ctx, spec, frame);
  const samples = spec.samples ?? 1;
  const calls: CallTrace[] = [];
  trace.calls = calls;
  try {
    const results = await Promise.all(
      Array.from({ length: samples }, (_, sample) =>
        withRetry(
          ctx,
          step.retry ?? spec.retry,
          frame,
          undefined,
          (attemptFrame, attempt) =>
            withTimeout(ctx, step.timeout_ms, attemptFrame, (inner) => {
              const messages = openingMessages(system, prompt, inner.feedback);
              const call = newCallTrace({ attempt, sample, model: spec.model, messages });
              return tracedModelCall(
                ctx,
                inner,
                toRequest(step, messages, sample),
                call,
                () => calls.push(call),
                (completion) => {
                  call.output = readAnswer(ctx, spec.output, completion);
                  return call.output;
                },
              );
            }),
          (error) => toStepFailure(error).retryAfterMs ?? 0,
        ),
      ),
    );
    return samples > 1 ? results : results[0];
  } finally {
    // Parallel samples finish in virtual-time order; list them by sample and attempt instead.
    calls.sort((a, b) => a.sample - b.sample || a.attempt - b.attempt);
  }
}

function toRequest(step: LlmStep, messages: ChatMessage[], sample: number): CompletionRequest {
  const spec = step.llm;
  return {
    model: spec.model,
    messages,
    temperature: spec.temperature ?? 0,
    ...(spec.max_output_tokens ? { maxOutputTokens: spec.max_output_tokens } : {}),
    output: outputSpec(spec.output),
    sampleIndex: sample,
  };
}
