import { countTokens, decode, encode } from 'gpt-tokenizer';
import type { ChatMessage } from '../types.js';
import { SIM_RULES } from './sim-models.js';

/**
 * Token counts for the simulated models, with gpt-tokenizer's default encoding (o200k_base), so
 * costs and context limits behave like a current OpenAI model's. A JSON Schema counts as input,
 * as structured output does with real providers.
 */
const schemaTokens = new WeakMap<object, number>();

export function countInputTokens(messages: readonly ChatMessage[], schema?: Record<string, unknown>): number {
  let total = SIM_RULES.tokensPerReply;
  for (const m of messages) total += SIM_RULES.tokensPerMessage + countTokens(m.content);
  if (schema) total += countSchemaTokens(schema);
  return total;
}

function countSchemaTokens(schema: Record<string, unknown>): number {
  let n = schemaTokens.get(schema);
  if (n === undefined) {
    n = countTokens(JSON.stringify(schema));
    schemaTokens.set(schema, n);
  }
  return n;
}

export function countOutputTokens(text: string): number {
  return countTokens(text);
}

/** Cuts a text to a number of tokens, as a model stopped by max_output_tokens would be. */
export function truncateToTokens(text: string, maxTokens: number): string {
  return decode(encode(text).slice(0, Math.max(0, maxTokens)));
}
