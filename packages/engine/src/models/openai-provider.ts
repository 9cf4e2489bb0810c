import { parseJsonOutput, withJsonInstruction } from './json-output.js';
import { providerOf, vendorModelName } from './model-id.js';
import { describeRealModel, type ModelPrice } from './price-table.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  malformedResponse,
  type PostJsonRequest,
  postJson,
} from './provider-http.js';
import { costUsd, countMessageTokens, countTextTokens } from './tokens.js';
import type { ChatMessage, Completion, CompletionRequest, ModelProvider, OutputSpec } from './types.js';

export interface OpenAIProviderOptions {
  /** `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1` (Ollama), `http://127.0.0.1:8000/v1` (vLLM) … */
  baseUrl: string;
  /** Optional: local servers usually need none. */
  apiKey?: string;
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
  /** Prices by full model id (`openai:llama3.1:8b`), over the built-in table. */
  prices?: Record<string, ModelPrice>;
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * OpenAI reasoning models reject `max_tokens` and any temperature but the default; they take
 * `max_completion_tokens` instead.
 */
const REASONING_MODEL = /^(o\d|gpt-5)/;

/**
 * `openai:<model>` over the Chat Completions API of any OpenAI-compatible server (OpenAI, vLLM,
 * Ollama, llama.cpp, LM Studio). One HTTP request per sample: `n` is not portable across servers.
 */
export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProvider {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const describe = (model: string) =>
    providerOf(model) === 'openai' ? describeRealModel(model, 'openai', options.prices) : undefined;

  return {
    name: 'openai',
    describe,
    list: () => [],
    async complete(request: CompletionRequest): Promise<Completion> {
      const messages = withJsonInstruction(request.messages, request.output, !isStrictJson(request.output));
      const http: PostJsonRequest = {
        label: 'the OpenAI-compatible server',
        url,
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        body: requestBody(request, messages),
        timeoutMs,
        signal: request.signal,
        apiKey: options.apiKey,
        keyVariable: 'REPS_OPENAI_API_KEY',
        urlVariable: 'REPS_OPENAI_BASE_URL',
      };
      const { body, latencyMs } = await postJson(http);
      const text = replyText(body);
      if (text === undefined) throw malformedResponse(http, 'no choices[0].message.content', latencyMs);
      const usage = {
        input_tokens: usageField(body, 'prompt_tokens') ?? countMessageTokens(messages),
        output_tokens: usageField(body, 'completion_tokens') ?? countTextTokens(text),
      };
      const info = describeRealModel(request.model, 'openai', options.prices);
      return {
        text,
        json: request.output?.kind === 'json' ? parseJsonOutput(text) : undefined,
        usage,
        cost_usd: costUsd(usage, info),
        latency_ms: latencyMs,
        model: request.model,
      };
    },
  };
}

function isStrictJson(output: OutputSpec | undefined): boolean {
  return output?.kind === 'json' && output.strict === true;
}

function requestBody(request: CompletionRequest, messages: ChatMessage[]): Record<string, unknown> {
  const model = vendorModelName(request.model);
  const reasoning = REASONING_MODEL.test(model);
  const body: Record<string, unknown> = { model, messages };
  if (!reasoning) body.temperature = request.temperature ?? 0;
  if (request.maxOutputTokens !== undefined) {
    body[reasoning ? 'max_completion_tokens' : 'max_tokens'] = request.maxOutputTokens;
  }
  const format = responseFormat(request.output);
  if (format) body.response_format = format;
  return body;
}

function responseFormat(output: OutputSpec | undefined): Record<string, unknown> | undefined {
  if (output?.kind !== 'json') return undefined;
  if (!output.strict) return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: 'output', schema: output.schema, strict: true } };
}

function replyText(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown })?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const message = (choices[0] as { message?: { content?: unknown; refusal?: unknown } })?.message;
  if (typeof message?.content === 'string') return message.content;
  // A refusal comes with null content; its text is the answer the learner should see.
  if (typeof message?.refusal === 'string') return message.refusal;
  return undefined;
}

function usageField(body: unknown, field: 'prompt_tokens' | 'completion_tokens'): number | undefined {
  const value = (body as { usage?: Record<string, unknown> })?.usage?.[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
