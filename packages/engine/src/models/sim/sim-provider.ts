import { countToolCallTokens } from '../tokens.js';
import {
  type Completion,
  type CompletionRequest,
  type ModelContext,
  ModelError,
  type ModelInfo,
  type ModelProvider,
} from '../types.js';
import { breakJson, pretty } from './json-faults.js';
import { writeJson } from './json-writer.js';
import { promptReading } from './prompt-reading.js';
import { writeProse } from './prose-writer.js';
import { SimCall } from './sim-call.js';
import {
  SIM_MODELS,
  SIM_RULES,
  type SimModelSpec,
  simCostUsd,
  simLatencyMs,
  simModelInfo,
} from './sim-models.js';
import { countOutputTokens, countRequestTokens, truncateToTokens } from './sim-tokens.js';
import { type PlannedCall, planToolTurn } from './tool-turn.js';

export interface SimProviderOptions {
  /** Replace or recalibrate models (tests, calibration studies); defaults to SIM_MODELS. */
  models?: readonly SimModelSpec[];
}

/**
 * The simulated models (docs/sim.md): they answer from the case's facts, not
 * from the prompt's meaning, with the accuracy the published physics gives the prompt's shape.
 */
export function createSimProvider(options: SimProviderOptions = {}): ModelProvider {
  const models = new Map<string, SimModelSpec>((options.models ?? SIM_MODELS).map((m) => [m.id, m]));
  return {
    name: 'sim',
    describe(model: string): ModelInfo | undefined {
      const spec = models.get(model);
      return spec ? simModelInfo(spec) : undefined;
    },
    list(): ModelInfo[] {
      return [...models.values()].map(simModelInfo);
    },
    async complete(request: CompletionRequest, context: ModelContext): Promise<Completion> {
      return completeSync(models.get(request.model), request, context);
    },
  };
}

/** The whole call, synchronous: nothing is awaited or slept (latency is virtual). */
export function completeSync(
  spec: SimModelSpec | undefined,
  request: CompletionRequest,
  context: ModelContext,
): Completion {
  if (!spec) throw new ModelError('model_error', `Unknown simulated model "${request.model}".`);
  const schema = request.output?.kind === 'json' ? request.output.schema : undefined;
  const tools = request.tools && request.tools.length > 0 ? request.tools : undefined;
  // Every sample of one prompt in a case shares what is read from it (prompt-reading.ts).
  const reading = promptReading(request, context);
  const inputTokens = countRequestTokens(reading.messageTokens, schema, tools);
  if (inputTokens > spec.contextTokens) {
    throw new ModelError(
      'context_length_exceeded',
      `The prompt has ${inputTokens} tokens; ${spec.id} accepts at most ${spec.contextTokens}. Split the input into smaller calls.`,
      { usage: { input_tokens: inputTokens, output_tokens: 0 }, cost_usd: 0, latency_ms: 0 },
    );
  }
  const call = new SimCall(spec, request, context, inputTokens / spec.contextTokens, reading);
  if (tools && request.toolChoice !== 'none') {
    const planned = planToolTurn(call);
    if (planned) return toolCallTurn(spec, planned, inputTokens);
  }
  const { text, json, billedFactor } = schema
    ? jsonOutput(call)
    : { text: writeProse(call), json: undefined, billedFactor: 1 };
  return finish(spec, request, text, json, inputTokens, billedFactor);
}

function jsonOutput(call: SimCall): { text: string; json: unknown; billedFactor: number } {
  const value = writeJson(call);
  const strict = call.request.output?.kind === 'json' && call.request.output.strict === true;
  const okRate = strict ? SIM_RULES.strictJsonOk : call.spec.jsonOk;
  const rng = call.rng('json-format');
  const billedFactor = strict ? 1 + SIM_RULES.strictOutputOverhead : 1;
  if (rng.chance(okRate)) return { text: pretty(value), json: value, billedFactor };
  const broken = breakJson(rng, value);
  return { text: broken.text, json: tryParse(broken.text), billedFactor };
}

function finish(
  spec: SimModelSpec,
  request: CompletionRequest,
  fullText: string,
  json: unknown,
  inputTokens: number,
  billedFactor: number,
): Completion {
  let text = fullText;
  let outputTokens = countOutputTokens(text);
  const max = request.maxOutputTokens;
  if (max !== undefined && outputTokens > max) {
    // Stopped mid-answer: the JSON, if any, no longer parses.
    text = truncateToTokens(text, max);
    outputTokens = max;
    json = tryParse(text);
  }
  const billed = Math.round(outputTokens * billedFactor);
  const completion: Completion = {
    text,
    usage: { input_tokens: inputTokens, output_tokens: billed },
    cost_usd: simCostUsd(spec, inputTokens, billed),
    latency_ms: simLatencyMs(spec, billed),
    model: spec.id,
  };
  if (json !== undefined) completion.json = json;
  return completion;
}

/** A turn that asks for tool calls: priced and timed like any call, its output the calls' JSON. */
function toolCallTurn(spec: SimModelSpec, planned: readonly PlannedCall[], inputTokens: number): Completion {
  const toolCalls = planned.map((p) => p.call);
  const outputTokens = countToolCallTokens(toolCalls);
  return {
    text: '',
    usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    cost_usd: simCostUsd(spec, inputTokens, outputTokens),
    latency_ms: simLatencyMs(spec, outputTokens),
    model: spec.id,
    toolCalls,
  };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
