import { parseJsonOutput, withJsonInstruction } from './json-output.js';
import { providerOf, vendorModelName } from './model-id.js';
import { describeRealModel, type ModelPrice } from './price-table.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  malformedResponse,
  type PostJsonRequest,
  postJson,
} from './provider-http.js';
import {
  costUsd,
  countMessageTokens,
  countTextTokens,
  countToolCallTokens,
  countToolSpecTokens,
} from './tokens.js';
import { checkedToolInput } from './tool-arguments.js';
import type {
  ChatMessage,
  Completion,
  CompletionRequest,
  ModelProvider,
  ToolCall,
  ToolSpec,
} from './types.js';

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
      const offersTools = (request.tools?.length ?? 0) > 0;
      const messages = withJsonInstruction(request.messages, request.output, true, offersTools);
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
      const reply = replyContent(body);
      if (typeof reply === 'string') throw malformedResponse(http, reply, latencyMs);
      const { text, toolCalls } = reply;
      const usage = {
        input_tokens:
          usageField(body, 'input_tokens') ??
          countMessageTokens(messages) + countToolSpecTokens(request.tools),
        output_tokens:
          usageField(body, 'output_tokens') ?? countTextTokens(text) + countToolCallTokens(toolCalls),
      };
      const completion: Completion = {
        text,
        // A completion that asks for tools is not the final answer: there is no JSON to read yet.
        json: request.output?.kind === 'json' && toolCalls.length === 0 ? parseJsonOutput(text) : undefined,
        usage,
        cost_usd: costUsd(usage, describeRealModel(request.model, 'anthropic', options.prices)),
        latency_ms: latencyMs,
        model: request.model,
      };
      if (toolCalls.length > 0) completion.toolCalls = toolCalls;
      return completion;
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
    messages: wireMessages(messages.filter((m) => m.role !== 'system')),
  };
  if (system) body.system = system;
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map(wireTool);
    body.tool_choice = { type: request.toolChoice ?? 'auto' };
  }
  return body;
}

type WireMessage = { role: 'user' | 'assistant'; content: string | Record<string, unknown>[] };

/**
 * The conversation in the Messages API's shape. An assistant's tool calls become `tool_use`
 * blocks after its text; the results of one turn (consecutive `tool` messages) become ONE user
 * message of `tool_result` blocks, as the API requires, and a user message right after them joins
 * it as a text block (results must open the user turn that follows the calls).
 */
function wireMessages(messages: readonly ChatMessage[]): WireMessage[] {
  const wire: WireMessage[] = [];
  let results: Record<string, unknown>[] | undefined;
  for (const message of messages) {
    if (message.role === 'tool') {
      if (!results) {
        results = [];
        wire.push({ role: 'user', content: results });
      }
      results.push(toolResultBlock(message));
    } else if (message.role === 'user' && results) {
      results.push({ type: 'text', text: message.content });
      results = undefined;
    } else {
      results = undefined;
      wire.push(
        message.role === 'assistant' && message.tool_calls && message.tool_calls.length > 0
          ? { role: 'assistant', content: toolUseTurn(message.content, message.tool_calls) }
          : { role: message.role === 'assistant' ? 'assistant' : 'user', content: message.content },
      );
    }
  }
  return wire;
}

/** The API rejects empty text blocks: a turn that only calls tools holds only `tool_use` blocks. */
function toolUseTurn(text: string, calls: readonly ToolCall[]): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = text.trim() === '' ? [] : [{ type: 'text', text }];
  for (const call of calls) {
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: wireInput(call.arguments) });
  }
  return blocks;
}

/**
 * `input` must be an object. Arguments that were not one (the raw text of a call whose JSON did
 * not parse, from an OpenAI-compatible model earlier in the conversation) go as `{}`: the tool's
 * result, an error saying why, follows in the next turn.
 */
function wireInput(args: unknown): unknown {
  return args !== null && typeof args === 'object' && !Array.isArray(args) ? args : {};
}

/** The executor writes a failed tool's result as `Error: …`; the API has a flag for that. */
function toolResultBlock(message: ChatMessage): Record<string, unknown> {
  const block: Record<string, unknown> = {
    type: 'tool_result',
    tool_use_id: message.tool_call_id ?? '',
    content: message.content,
  };
  if (message.content.startsWith('Error:')) block.is_error = true;
  return block;
}

function wireTool(tool: ToolSpec): Record<string, unknown> {
  return { name: tool.name, description: tool.description, input_schema: tool.input_schema };
}

/**
 * The reply's text (its text blocks joined) and tool calls (its `tool_use` blocks, in order), or
 * what is wrong with it. A call to a tool that was not offered is passed through: the executor
 * answers it with an error the model can read.
 */
function replyContent(body: unknown): { text: string; toolCalls: ToolCall[] } | string {
  const content = (body as { content?: unknown })?.content;
  if (!Array.isArray(content)) return 'no content blocks';
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const [index, entry] of content.entries()) {
    const block = entry as { type?: unknown; text?: unknown; id?: unknown; name?: unknown; input?: unknown };
    if (block?.type === 'text') {
      if (typeof block.text !== 'string') return `content[${index}] is a text block without text`;
      texts.push(block.text);
    } else if (block?.type === 'tool_use') {
      if (typeof block.id !== 'string' || typeof block.name !== 'string' || block.name === '') {
        return `content[${index}] is a tool_use block without an id or name`;
      }
      toolCalls.push({ id: block.id, name: block.name, arguments: checkedToolInput(block.input ?? {}) });
    }
  }
  if (texts.length === 0 && toolCalls.length === 0) return 'no text content block';
  return { text: texts.join(''), toolCalls };
}

function usageField(body: unknown, field: 'input_tokens' | 'output_tokens'): number | undefined {
  const value = (body as { usage?: Record<string, unknown> })?.usage?.[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
