import type { LlmOutput } from '@reps/shared';
import {
  type ChatMessage,
  type Completion,
  type CompletionRequest,
  ModelError,
  type OutputSpec,
} from '../../models/types.js';
import { schemaErrorsText } from '../../schema/safe-ajv.js';
import type { CallTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { renderTemplate } from '../sandbox-calls.js';
import { StepFailure, toStepFailure } from '../step-failure.js';
import { stepSchemaValidator } from '../step-schema.js';

/**
 * What llm and agent steps share about a model call: the opening messages, the output spec, the
 * metered and traced gateway call in virtual time, and reading the answer.
 */

/** A step's system and prompt templates, rendered in its frame (llm and agent steps alike). */
export async function renderPrompts(
  ctx: RunContext,
  spec: { system?: string; prompt: string },
  frame: Frame,
): Promise<{ system: string | undefined; prompt: string }> {
  const system =
    spec.system !== undefined ? await renderTemplate(ctx.sandbox, spec.system, frame.values) : undefined;
  return { system, prompt: await renderTemplate(ctx.sandbox, spec.prompt, frame.values) };
}

/** [system?, user]: validate's (and retry's) feedback is appended to the prompt. */
export function openingMessages(
  system: string | undefined,
  prompt: string,
  feedback: string[],
): ChatMessage[] {
  const content = feedback.length ? `${prompt}\n\n${feedback.join('\n\n')}` : prompt;
  return [
    ...(system !== undefined ? [{ role: 'system' as const, content: system }] : []),
    { role: 'user', content },
  ];
}

/** The gateway's output spec for a step's `output`: text, or JSON with its schema. */
export function outputSpec(output: LlmOutput | undefined): OutputSpec {
  return output && output !== 'text'
    ? { kind: 'json', schema: output.json, ...(output.strict ? { strict: true } : {}) }
    : { kind: 'text' };
}

/** Where a call is in its step, as its CallTrace records it. */
export interface CallPlace {
  attempt: number;
  sample: number;
  model: string;
  /** The messages the trace keeps for this call (an agent keeps only the new ones after turn 1). */
  messages: ChatMessage[];
}

/** The trace of a call not made yet; tracedModelCall fills it in. */
export function newCallTrace(place: CallPlace): CallTrace {
  return { ...place, input_tokens: 0, output_tokens: 0, cost_usd: 0, start_ms: 0, end_ms: 0 };
}

/**
 * One model call: waits for a call slot, counts it against the budget, calls the gateway in
 * virtual time, and fills in `call`. `started` runs once the call holds a slot (to list its trace);
 * `read` turns the completion into the step's value (a StepFailure it throws is recorded on the call).
 */
export async function tracedModelCall<T>(
  ctx: RunContext,
  frame: Frame,
  request: CompletionRequest,
  call: CallTrace,
  started: () => void,
  read: (completion: Completion) => T,
): Promise<T> {
  const release = await ctx.callSlots.acquire(frame.scope);
  call.start_ms = ctx.scheduler.now;
  call.end_ms = ctx.scheduler.now;
  started();
  try {
    ctx.meter.beforeCall();
    const completion = await complete(ctx, request, frame);
    call.end_ms = ctx.scheduler.now;
    call.model = completion.model || call.model;
    call.text = completion.text;
    call.input_tokens = completion.usage.input_tokens;
    call.output_tokens = completion.usage.output_tokens;
    call.cost_usd = completion.cost_usd;
    ctx.meter.afterCall(completion.usage, completion.cost_usd);
    return read(completion);
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

/**
 * The gateway call in virtual time: it takes the completion's latency (or the error's). The call is
 * aborted when its scope is cancelled (a timeout, a stopped case).
 */
function complete(ctx: RunContext, request: CompletionRequest, frame: Frame): Promise<Completion> {
  const { signal } = frame.scope;
  return ctx.scheduler.external(
    () => ctx.gateway.complete({ ...request, signal }, ctx.modelContext),
    ({ value, error }) => value?.latency_ms ?? (error instanceof ModelError ? (error.latency_ms ?? 0) : 0),
    frame.scope,
  );
}

/** The answer as the step's value: the text, or JSON checked against output.json (invalid_output). */
export function readAnswer(ctx: RunContext, output: LlmOutput | undefined, completion: Completion): unknown {
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

export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
