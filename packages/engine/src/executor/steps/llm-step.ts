import type { LlmStep } from '@reps/shared';
import { type ChatMessage, type Completion, type CompletionRequest, ModelError } from '../../models/types.js';
import { schemaErrorsText } from '../../schema/safe-ajv.js';
import type { CallTrace, StepTrace } from '../../trace/trace-types.js';
import { withRetry } from '../retry.js';
import type { Frame, RunContext } from '../run-context.js';
import { renderTemplate } from '../sandbox-calls.js';
import { StepFailure, toStepFailure } from '../step-failure.js';
import { stepSchemaValidator } from '../step-schema.js';
import { withTimeout } from '../timeouts.js';

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
  const system =
    spec.system !== undefined ? await renderTemplate(ctx.sandbox, spec.system, frame.values) : undefined;
  const prompt = await renderTemplate(ctx.sandbox, spec.prompt, frame.values);
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
              const messages = buildMessages(system, prompt, inner.feedback);
              return callModel(ctx, step, messages, sample, attempt, inner, calls);
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

function buildMessages(system: string | undefined, prompt: string, feedback: string[]): ChatMessage[] {
  const content = feedback.length ? `${prompt}\n\n${feedback.join('\n\n')}` : prompt;
  return [
    ...(system !== undefined ? [{ role: 'system' as const, content: system }] : []),
    { role: 'user', content },
  ];
}

async function callModel(
  ctx: RunContext,
  step: LlmStep,
  messages: ChatMessage[],
  sample: number,
  attempt: number,
  frame: Frame,
  calls: CallTrace[],
): Promise<unknown> {
  const spec = step.llm;
  const release = await ctx.callSlots.acquire(frame.scope);
  const call: CallTrace = {
    attempt,
    sample,
    model: spec.model,
    messages,
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    start_ms: ctx.scheduler.now,
    end_ms: ctx.scheduler.now,
  };
  calls.push(call);
  try {
    ctx.meter.beforeCall();
    const request = toRequest(step, messages, sample);
    const completion = await complete(ctx, request, frame);
    call.end_ms = ctx.scheduler.now;
    call.model = completion.model || spec.model;
    call.text = completion.text;
    call.input_tokens = completion.usage.input_tokens;
    call.output_tokens = completion.usage.output_tokens;
    call.cost_usd = completion.cost_usd;
    ctx.meter.afterCall(completion.usage, completion.cost_usd);
    const value = readOutput(ctx, step, completion);
    call.output = value;
    return value;
  } catch (error) {
    call.end_ms = ctx.scheduler.now;
    const failure = toStepFailure(error);
    call.error = { code: failure.code, message: failure.message };
    if (error instanceof ModelError) {
      call.input_tokens = error.usage?.input_tokens ?? 0;
      call.output_tokens = error.usage?.output_tokens ?? 0;
      call.cost_usd = error.cost_usd ?? 0;
      ctx.meter.afterCall(error.usage, error.cost_usd);
    }
    throw failure;
  } finally {
    release();
  }
}

function toRequest(step: LlmStep, messages: ChatMessage[], sample: number): CompletionRequest {
  const spec = step.llm;
  const output = spec.output;
  return {
    model: spec.model,
    messages,
    temperature: spec.temperature ?? 0,
    ...(spec.max_output_tokens ? { maxOutputTokens: spec.max_output_tokens } : {}),
    output:
      output && output !== 'text'
        ? { kind: 'json', schema: output.json, ...(output.strict ? { strict: true } : {}) }
        : { kind: 'text' },
    sampleIndex: sample,
  };
}

/** The gateway call in virtual time: it takes the completion's latency (or the error's). */
function complete(ctx: RunContext, request: CompletionRequest, frame: Frame): Promise<Completion> {
  const controller = new AbortController();
  const off = frame.scope.onCancel(() => controller.abort());
  return ctx.scheduler
    .external(
      () => ctx.gateway.complete({ ...request, signal: controller.signal }, ctx.modelContext),
      ({ value, error }) => value?.latency_ms ?? (error instanceof ModelError ? (error.latency_ms ?? 0) : 0),
      frame.scope,
    )
    .finally(off);
}

function readOutput(ctx: RunContext, step: LlmStep, completion: Completion): unknown {
  const output = step.llm.output;
  if (!output || output === 'text') return completion.text;
  const value = completion.json !== undefined ? completion.json : parseJson(completion.text);
  if (value === undefined) {
    throw new StepFailure('invalid_output', `the answer is not JSON: ${clip(completion.text)}`);
  }
  const validate = stepSchemaValidator(ctx, output.json, 'the output.json schema');
  if (!validate(value)) {
    throw new StepFailure(
      'invalid_output',
      `the answer does not match the schema: ${schemaErrorsText(validate.errors, 'answer')}`,
    );
  }
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
