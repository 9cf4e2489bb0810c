import type { ModelInfo } from './types.js';

/** What a real model costs and how much it reads. Prices in USD per million tokens. */
export interface ModelPrice {
  inputPricePerM: number;
  outputPricePerM: number;
  contextTokens?: number;
}

/** A real model's description; `priceKnown: false` says its cost is reported as 0 because Reps has no price for it. */
export interface RealModelInfo extends ModelInfo {
  priceKnown: boolean;
}

/**
 * List prices of common models (USD per million tokens, standard tier, checked 2025). Vendors
 * change them: a deployment overrides or adds entries by full model id through its configuration.
 * A dated id (`openai:gpt-4o-mini-2024-07-18`) takes the price of its longest listed prefix.
 */
export const KNOWN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'openai:gpt-4o': { inputPricePerM: 2.5, outputPricePerM: 10, contextTokens: 128_000 },
  'openai:gpt-4o-mini': { inputPricePerM: 0.15, outputPricePerM: 0.6, contextTokens: 128_000 },
  'openai:gpt-4.1': { inputPricePerM: 2, outputPricePerM: 8, contextTokens: 1_047_576 },
  'openai:gpt-4.1-mini': { inputPricePerM: 0.4, outputPricePerM: 1.6, contextTokens: 1_047_576 },
  'openai:gpt-4.1-nano': { inputPricePerM: 0.1, outputPricePerM: 0.4, contextTokens: 1_047_576 },
  'openai:gpt-5': { inputPricePerM: 1.25, outputPricePerM: 10, contextTokens: 400_000 },
  'openai:gpt-5-mini': { inputPricePerM: 0.25, outputPricePerM: 2, contextTokens: 400_000 },
  'openai:gpt-5-nano': { inputPricePerM: 0.05, outputPricePerM: 0.4, contextTokens: 400_000 },
  'openai:o3': { inputPricePerM: 2, outputPricePerM: 8, contextTokens: 200_000 },
  'openai:o3-mini': { inputPricePerM: 1.1, outputPricePerM: 4.4, contextTokens: 200_000 },
  'openai:o4-mini': { inputPricePerM: 1.1, outputPricePerM: 4.4, contextTokens: 200_000 },
  'openai:gpt-3.5-turbo': { inputPricePerM: 0.5, outputPricePerM: 1.5, contextTokens: 16_385 },
  'anthropic:claude-3-haiku': { inputPricePerM: 0.25, outputPricePerM: 1.25, contextTokens: 200_000 },
  'anthropic:claude-3-5-haiku': { inputPricePerM: 0.8, outputPricePerM: 4, contextTokens: 200_000 },
  'anthropic:claude-haiku-4-5': { inputPricePerM: 1, outputPricePerM: 5, contextTokens: 200_000 },
  'anthropic:claude-3-5-sonnet': { inputPricePerM: 3, outputPricePerM: 15, contextTokens: 200_000 },
  'anthropic:claude-3-7-sonnet': { inputPricePerM: 3, outputPricePerM: 15, contextTokens: 200_000 },
  'anthropic:claude-sonnet-4': { inputPricePerM: 3, outputPricePerM: 15, contextTokens: 200_000 },
  'anthropic:claude-sonnet-4-5': { inputPricePerM: 3, outputPricePerM: 15, contextTokens: 200_000 },
  'anthropic:claude-opus-4': { inputPricePerM: 15, outputPricePerM: 75, contextTokens: 200_000 },
  'anthropic:claude-opus-4-1': { inputPricePerM: 15, outputPricePerM: 75, contextTokens: 200_000 },
};

/**
 * Context assumed for a model missing from the table. The provider never enforces it (the server
 * answers context_length_exceeded itself); it only fills ModelInfo.
 */
export const UNKNOWN_CONTEXT_TOKENS = 128_000;

/** The price of a model id: an override, else the table (exact id, then longest dated prefix). */
export function lookupPrice(
  model: string,
  overrides: Readonly<Record<string, ModelPrice>> = {},
): ModelPrice | undefined {
  return overrides[model] ?? KNOWN_PRICES[model] ?? longestPrefixPrice(model, overrides);
}

/** Describes a real (network) model from the price tables; unknown models cost 0 and say so. */
export function describeRealModel(
  model: string,
  provider: 'openai' | 'anthropic',
  overrides?: Readonly<Record<string, ModelPrice>>,
): RealModelInfo {
  const price = lookupPrice(model, overrides);
  return {
    id: model,
    provider,
    contextTokens: price?.contextTokens ?? UNKNOWN_CONTEXT_TOKENS,
    inputPricePerM: price?.inputPricePerM ?? 0,
    outputPricePerM: price?.outputPricePerM ?? 0,
    simulated: false,
    priceKnown: price !== undefined,
  };
}

function longestPrefixPrice(
  model: string,
  overrides: Readonly<Record<string, ModelPrice>>,
): ModelPrice | undefined {
  let best: { id: string; price: ModelPrice } | undefined;
  for (const table of [KNOWN_PRICES, overrides]) {
    for (const [id, price] of Object.entries(table)) {
      const isPrefix = model.startsWith(`${id}-`);
      if (isPrefix && (!best || id.length >= best.id.length)) best = { id, price };
    }
  }
  return best?.price;
}
