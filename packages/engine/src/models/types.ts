import type { Aspect, ErrorCode, FactUnit } from '@reps/shared';

/**
 * The model gateway contract (docs/sim.md). Every provider (simulated, OpenAI-compatible,
 * Anthropic, echo) implements ModelProvider; the executor only ever calls ModelGateway.complete().
 */

/** A tool a model may call (agent steps): providers pass it as their tool/function definitions. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  input_schema: Record<string, unknown>;
}

/**
 * A tool call the model asked for. `arguments` is the parsed JSON object, or the raw text when the
 * model's arguments did not parse (the executor sends that back as the tool's error).
 */
export interface ToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

/**
 * One message of a conversation. An agent's conversation adds an assistant message that carries
 * its tool calls (content may be empty) and one `tool` message per call with the result as text.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** assistant: the tools it asked for. */
  tool_calls?: ToolCall[];
  /** tool: the id of the call this result answers, and the tool's name. */
  tool_call_id?: string;
  name?: string;
}

/** What the caller wants back. `json` carries a JSON Schema; `strict` asks for structured output. */
export type OutputSpec =
  | { kind: 'text' }
  | { kind: 'json'; schema: Record<string, unknown>; strict?: boolean };

export interface CompletionRequest {
  /** Full model id as written in a pipeline: `sim-mini`, `openai:gpt-4o-mini`, `anthropic:claude-…`, `echo`. */
  model: string;
  messages: ChatMessage[];
  /** Default 0. */
  temperature?: number;
  maxOutputTokens?: number;
  output?: OutputSpec;
  /** Index of this sample when a step asks for several (0-based); part of the cache key and the sim's seed. */
  sampleIndex?: number;
  /** Aborts a real provider's HTTP request (per-step timeout). */
  signal?: AbortSignal;
  /**
   * Tools the model may call (agent steps). With tools the completion either asks for calls
   * (`toolCalls`) or gives the final answer (text/json as usual).
   */
  tools?: ToolSpec[];
  /** `none`: tools are listed in the conversation but may not be called this turn (the last turn). */
  toolChoice?: 'auto' | 'none';
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
}

export interface Completion {
  /** The raw text the model returned. */
  text: string;
  /** Parsed JSON when JSON output was requested and the text parsed; absent otherwise. */
  json?: unknown;
  usage: Usage;
  cost_usd: number;
  /** Latency of the call: measured for real providers, computed (virtual) for simulated ones. */
  latency_ms: number;
  /** The model id that answered. */
  model: string;
  /** True when served from the response cache (cost and latency are still reported as the original call's). */
  cached?: boolean;
  /** The tools the model asked to call, in its order; absent or empty for a final answer. */
  toolCalls?: ToolCall[];
}

/**
 * Per-case context a provider may read but a pipeline never sees: the simulated models use the
 * case's facts and the challenge's aspects to decide what they "know".
 */
export interface ModelContext {
  facts?: FactUnit[];
  aspects?: Aspect[];
}

export interface ModelInfo {
  id: string;
  provider: 'sim' | 'openai' | 'anthropic' | 'echo';
  contextTokens: number;
  /** USD per million input tokens. */
  inputPricePerM: number;
  /** USD per million output tokens. */
  outputPricePerM: number;
  simulated: boolean;
}

export type ModelErrorCode = Extract<
  ErrorCode,
  'model_error' | 'rate_limited' | 'context_length_exceeded' | 'timeout' | 'invalid_output'
>;

/** A typed failure of a model call. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  /** When the provider said how long to wait (HTTP 429 retry-after). */
  readonly retryAfterMs?: number;
  /** Usage and cost already incurred by the failed call, if any (counts against budgets). */
  readonly usage?: Usage;
  readonly cost_usd?: number;
  readonly latency_ms?: number;
  constructor(
    code: ModelErrorCode,
    message: string,
    extra: { retryAfterMs?: number; usage?: Usage; cost_usd?: number; latency_ms?: number } = {},
  ) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.retryAfterMs = extra.retryAfterMs;
    this.usage = extra.usage;
    this.cost_usd = extra.cost_usd;
    this.latency_ms = extra.latency_ms;
  }
}

export interface ModelProvider {
  /** `sim`, `openai`, `anthropic`, `echo`. */
  readonly name: ModelInfo['provider'];
  /** Describes a model id this provider serves, or undefined when it does not serve it. */
  describe(model: string): ModelInfo | undefined;
  /** Lists the models it serves when the list is known (sim, echo); real providers may return []. */
  list(): ModelInfo[];
  complete(request: CompletionRequest, context: ModelContext): Promise<Completion>;
}

/** What the executor calls: routes a request to the provider serving its model. */
export interface ModelGateway {
  describe(model: string): ModelInfo | undefined;
  list(): ModelInfo[];
  complete(request: CompletionRequest, context: ModelContext): Promise<Completion>;
}
