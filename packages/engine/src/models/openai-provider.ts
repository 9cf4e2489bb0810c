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
import { parseToolArguments, toolArgumentsText } from './tool-arguments.js';
import type {
  ChatMessage,
  Completion,
  CompletionRequest,
  ModelProvider,
  OutputSpec,
  ToolCall,
  ToolSpec,
} from './types.js';

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
      const offersTools = (request.tools?.length ?? 0) > 0;
      const messages = withJsonInstruction(
        request.messages,
        request.output,
        !isStrictJson(request.output),
        offersTools,
      );
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
      const message = replyMessage(body);
      if (!message) throw malformedResponse(http, 'no choices[0].message', latencyMs);
      const toolCalls = replyToolCalls(message);
      if (typeof toolCalls === 'string') throw malformedResponse(http, toolCalls, latencyMs);
      const text = replyText(message, toolCalls.length > 0);
      if (text === undefined) throw malformedResponse(http, 'no choices[0].message.content', latencyMs);
      const usage = {
        input_tokens:
          usageField(body, 'prompt_tokens') ??
          countMessageTokens(messages) + countToolSpecTokens(request.tools),
        output_tokens:
          usageField(body, 'completion_tokens') ?? countTextTokens(text) + countToolCallTokens(toolCalls),
      };
      const info = describeRealModel(request.model, 'openai', options.prices);
      const completion: Completion = {
        text,
        // A completion that asks for tools is not the final answer: there is no JSON to read yet.
        json: request.output?.kind === 'json' && toolCalls.length === 0 ? parseJsonOutput(text) : undefined,
        usage,
        cost_usd: costUsd(usage, info),
        latency_ms: latencyMs,
        model: request.model,
      };
      if (toolCalls.length > 0) completion.toolCalls = toolCalls;
      return completion;
    },
  };
}

function isStrictJson(output: OutputSpec | undefined): boolean {
  return output?.kind === 'json' && output.strict === true;
}

function requestBody(request: CompletionRequest, messages: ChatMessage[]): Record<string, unknown> {
  const model = vendorModelName(request.model);
  const reasoning = REASONING_MODEL.test(model);
  const body: Record<string, unknown> = { model, messages: messages.map(wireMessage) };
  if (!reasoning) body.temperature = request.temperature ?? 0;
  if (request.maxOutputTokens !== undefined) {
    body[reasoning ? 'max_completion_tokens' : 'max_tokens'] = request.maxOutputTokens;
  }
  const format = responseFormat(request.output);
  if (format) body.response_format = format;
  // Servers reject a tool_choice without tools, so neither is sent unless tools are offered.
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map(wireTool);
    body.tool_choice = request.toolChoice ?? 'auto';
  }
  return body;
}

/** A message in the Chat Completions format: assistant tool calls and tool results have their own fields. */
function wireMessage(message: ChatMessage): Record<string, unknown> {
  if (message.role === 'tool') {
    return { role: 'tool', tool_call_id: message.tool_call_id ?? '', content: message.content };
  }
  if (message.role === 'assistant' && message.tool_calls && message.tool_calls.length > 0) {
    return {
      role: 'assistant',
      content: message.content,
      tool_calls: message.tool_calls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: toolArgumentsText(call.arguments) },
      })),
    };
  }
  return { role: message.role, content: message.content };
}

function wireTool(tool: ToolSpec): Record<string, unknown> {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
  };
}

function responseFormat(output: OutputSpec | undefined): Record<string, unknown> | undefined {
  if (output?.kind !== 'json') return undefined;
  if (!output.strict) return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: 'output', schema: output.schema, strict: true } };
}

interface ReplyMessage {
  content?: unknown;
  refusal?: unknown;
  tool_calls?: unknown;
}

function replyMessage(body: unknown): ReplyMessage | undefined {
  const choices = (body as { choices?: unknown })?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const message = (choices[0] as { message?: unknown })?.message;
  return message && typeof message === 'object' ? (message as ReplyMessage) : undefined;
}

/**
 * The text of the reply. A reply that only calls tools has null content: its text is empty. A
 * refusal comes with null content too; its text is the answer the learner should see.
 */
function replyText(message: ReplyMessage, callsTools: boolean): string | undefined {
  if (typeof message.content === 'string') return message.content;
  if (typeof message.refusal === 'string') return message.refusal;
  return callsTools ? '' : undefined;
}

/**
 * The tool calls of the reply in its order, or what is wrong with them. A call to a tool that was
 * not offered is passed through (the executor answers it with an error the model can read); a
 * call without a function name is not a call at all. Servers that give no id get a positional one
 * so the result can still be matched to its call.
 */
function replyToolCalls(message: ReplyMessage): ToolCall[] | string {
  const raw = message.tool_calls;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return 'choices[0].message.tool_calls is not a list';
  const calls: ToolCall[] = [];
  for (const [index, entry] of raw.entries()) {
    const call = entry as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
    const name = call?.function?.name;
    if (typeof name !== 'string' || name === '') return `tool_calls[${index}] has no function name`;
    const args = call.function?.arguments;
    calls.push({
      id: typeof call.id === 'string' && call.id !== '' ? call.id : `call_${index}`,
      name,
      // The API sends a JSON string; a few servers send the object itself, or nothing for no arguments.
      arguments: typeof args === 'string' ? parseToolArguments(args) : (args ?? {}),
    });
  }
  return calls;
}

function usageField(body: unknown, field: 'prompt_tokens' | 'completion_tokens'): number | undefined {
  const value = (body as { usage?: Record<string, unknown> })?.usage?.[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
