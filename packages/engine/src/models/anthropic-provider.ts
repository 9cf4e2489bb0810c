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
import type { ChatMessage, Completion, CompletionRequest, ModelProvider } from './types.js';

export interface AnthropicProviderOptions {
  /** Default `https://api.anthropic.com`. */
  baseUrl?: string;
  apiKey?: string;
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
  /** Prices by full model id (`anthropic:claude-…`), over the built-in table. */
  prices?: Record<string, ModelPrice>;
}

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';
/** The Messages API requires max_tokens; this is used when the step sets none. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;

/** `anthropic:<model>` over the Messages API. */
export function createAnthropicProvider(options: AnthropicProviderOptions = {}): ModelProvider {
  const base = (options.baseUrl ?? DEFAULT_ANTHROPIC_BASE_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
  const url = `${base}/v1/messages`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  return {
    name: 'anthropic',
    describe: (model) =>
      providerOf(model) === 'anthropic' ? describeRealModel(model, 'anthropic', options.prices) : undefined,
    list: () => [],
    async complete(request: CompletionRequest): Promise<Completion> {
      // The Messages API has no JSON mode: the schema always travels in the system prompt.
      const messages = withJsonInstruction(request.messages, request.output, true);
      const http: PostJsonRequest = {
        label: 'Anthropic',
        url,
        headers: {
          'x-api-key': options.apiKey ?? '',
          'anthropic-version': ANTHROPIC_VERSION,
        },
        body: requestBody(request, messages),
        timeoutMs,
        signal: request.signal,
        apiKey: options.apiKey,
        keyVariable: 'REPS_ANTHROPIC_API_KEY',
        urlVariable: 'REPS_ANTHROPIC_BASE_URL',
      };
      const { body, latencyMs } = await postJson(http);
      const text = replyText(body);
      if (text === undefined) throw malformedResponse(http, 'no text content block', latencyMs);
      const usage = {
        input_tokens: usageField(body, 'input_tokens') ?? countMessageTokens(messages),
        output_tokens: usageField(body, 'output_tokens') ?? countTextTokens(text),
      };
      return {
        text,
        json: request.output?.kind === 'json' ? parseJsonOutput(text) : undefined,
        usage,
        cost_usd: costUsd(usage, describeRealModel(request.model, 'anthropic', options.prices)),
        latency_ms: latencyMs,
        model: request.model,
      };
    },
  };
}

function requestBody(request: CompletionRequest, messages: ChatMessage[]): Record<string, unknown> {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const body: Record<string, unknown> = {
    model: vendorModelName(request.model),
    max_tokens: request.maxOutputTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    // Anthropic accepts 0..1; pipelines may ask for up to 2 (OpenAI's range).
    temperature: Math.min(request.temperature ?? 0, 1),
    messages: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
  };
  if (system) body.system = system;
  return body;
}

function replyText(body: unknown): string | undefined {
  const content = (body as { content?: unknown })?.content;
  if (!Array.isArray(content)) return undefined;
  const texts = content
    .filter((block) => (block as { type?: unknown })?.type === 'text')
    .map((block) => (block as { text?: unknown }).text);
  if (texts.length === 0 || texts.some((t) => typeof t !== 'string')) return undefined;
  return texts.join('');
}

function usageField(body: unknown, field: 'input_tokens' | 'output_tokens'): number | undefined {
  const value = (body as { usage?: Record<string, unknown> })?.usage?.[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
