import { createAnthropicProvider, DEFAULT_ANTHROPIC_BASE_URL } from './anthropic-provider.js';
import { createEchoProvider } from './echo-provider.js';
import { createGateway } from './gateway.js';
import { providerOf } from './model-id.js';
import { createOpenAIProvider, DEFAULT_OPENAI_BASE_URL } from './openai-provider.js';
import { describeRealModel, type ModelPrice } from './price-table.js';
import type { ResponseCache } from './response-cache.js';
import { ModelError, type ModelGateway, type ModelProvider } from './types.js';

export interface DefaultGatewayConfig {
  /** REPS_OPENAI_BASE_URL; with only a key set, OpenAI's own API is used. */
  openaiBaseUrl?: string;
  /** REPS_OPENAI_API_KEY, or a learner's own key. */
  openaiApiKey?: string;
  /** REPS_ANTHROPIC_BASE_URL; default Anthropic's API. */
  anthropicBaseUrl?: string;
  /** REPS_ANTHROPIC_API_KEY, or a learner's own key. */
  anthropicApiKey?: string;
  /** More providers (the simulated models); one named like a built-in replaces it. */
  extraProviders?: ModelProvider[];
  /** Per-request timeout of the real providers; default 60 s. */
  timeoutMs?: number;
  /** Prices by full model id, over the built-in table. */
  prices?: Record<string, ModelPrice>;
  /** Response cache; default in-memory LRU, `false` for none. */
  cache?: ResponseCache | false;
}

/**
 * The gateway Reps runs with: echo, OpenAI-compatible and Anthropic providers from configuration,
 * plus the providers passed in. A real provider that is not configured still describes its
 * models (a pipeline naming one is valid) but every call fails with a model_error naming the
 * variable to set.
 */
export function createDefaultGateway(config: DefaultGatewayConfig = {}): ModelGateway {
  const builtIn = [createEchoProvider(), openaiProvider(config), anthropicProvider(config)];
  const extra = config.extraProviders ?? [];
  const replaced = new Set(extra.map((p) => p.name));
  return createGateway([...builtIn.filter((p) => !replaced.has(p.name)), ...extra], {
    cache: config.cache,
  });
}

function openaiProvider(config: DefaultGatewayConfig): ModelProvider {
  if (!config.openaiBaseUrl && !config.openaiApiKey) {
    return unconfiguredProvider(
      'openai',
      'OpenAI-compatible models are not set up on this server: set REPS_OPENAI_BASE_URL (and REPS_OPENAI_API_KEY if the server needs one).',
      config.prices,
    );
  }
  return createOpenAIProvider({
    baseUrl: config.openaiBaseUrl ?? DEFAULT_OPENAI_BASE_URL,
    apiKey: config.openaiApiKey,
    timeoutMs: config.timeoutMs,
    prices: config.prices,
  });
}

/** Configured with a key, or with a base URL of its own (a local or proxy server needs no key). */
function anthropicProvider(config: DefaultGatewayConfig): ModelProvider {
  const ownBaseUrl =
    config.anthropicBaseUrl !== undefined &&
    config.anthropicBaseUrl.replace(/\/+$/, '') !== DEFAULT_ANTHROPIC_BASE_URL;
  if (!config.anthropicApiKey && !ownBaseUrl) {
    return unconfiguredProvider(
      'anthropic',
      'Anthropic models are not set up on this server: set REPS_ANTHROPIC_API_KEY.',
      config.prices,
    );
  }
  return createAnthropicProvider({
    baseUrl: config.anthropicBaseUrl,
    apiKey: config.anthropicApiKey,
    timeoutMs: config.timeoutMs,
    prices: config.prices,
  });
}

function unconfiguredProvider(
  name: 'openai' | 'anthropic',
  message: string,
  prices?: Record<string, ModelPrice>,
): ModelProvider {
  return {
    name,
    describe: (model) => (providerOf(model) === name ? describeRealModel(model, name, prices) : undefined),
    list: () => [],
    complete: async () => {
      throw new ModelError('model_error', message);
    },
  };
}
