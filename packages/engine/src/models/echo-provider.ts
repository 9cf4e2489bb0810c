import { providerOf } from './model-id.js';
import { minimalInstance } from './schema-instance.js';
import { countMessageTokens, countTextTokens, countToolSpecTokens } from './tokens.js';
import type { ChatMessage, Completion, CompletionRequest, ModelInfo, ModelProvider } from './types.js';

/** The echo model's virtual latency: small, fixed, so traces and benchmarks are deterministic. */
export const ECHO_LATENCY_MS = 1;
const ECHO_CONTEXT_TOKENS = 1_000_000;

/**
 * `echo` and `echo:<anything>`: a free, instant, deterministic model for tests and benchmarks.
 * It answers with the last user message. When JSON is requested it answers with that message's
 * JSON if it parses (as is, so a test can also drive invalid_output by sending JSON that does
 * not fit), else with the smallest value the schema accepts. It never calls a tool: offered tools
 * only count as input tokens, so an agent step on echo answers on its first turn.
 */
export function createEchoProvider(): ModelProvider {
  return {
    name: 'echo',
    describe: describeEcho,
    list: () => [describeEcho('echo') as ModelInfo],
    complete: async (request) => echo(request),
  };
}

function describeEcho(model: string): ModelInfo | undefined {
  if (providerOf(model) !== 'echo') return undefined;
  return {
    id: model,
    provider: 'echo',
    contextTokens: ECHO_CONTEXT_TOKENS,
    inputPricePerM: 0,
    outputPricePerM: 0,
    simulated: true,
  };
}

function echo(request: CompletionRequest): Completion {
  const prompt = lastUserMessage(request.messages);
  const output = request.output;
  let json: unknown;
  if (output?.kind === 'json') {
    const parsed = jsonIn(prompt);
    json = parsed === NOT_JSON ? minimalInstance(output.schema) : parsed;
  }
  const text = output?.kind === 'json' ? JSON.stringify(json) : prompt;
  return {
    text,
    json,
    usage: {
      input_tokens: countMessageTokens(request.messages) + countToolSpecTokens(request.tools),
      output_tokens: countTextTokens(text),
    },
    cost_usd: 0,
    latency_ms: ECHO_LATENCY_MS,
    model: request.model,
  };
}

function lastUserMessage(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'user') return messages[i].content;
  }
  return '';
}

const NOT_JSON = Symbol('not JSON');

/** The JSON value the text holds (null included); cheap rejection first, since most prompts are prose. */
function jsonIn(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"\-\d]|^(true|false|null)$/.test(trimmed)) return NOT_JSON;
  try {
    return JSON.parse(trimmed);
  } catch {
    return NOT_JSON;
  }
}
