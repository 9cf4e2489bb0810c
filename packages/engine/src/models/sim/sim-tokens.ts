import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import { countMessageTokens, countPieceTokens, countTextTokens, countToolSpecTokens } from '../tokens.js';
import type { ChatMessage, ToolSpec } from '../types.js';

/**
 * Token counts for the simulated models, through the gateway's counter (o200k_base, memoised by
 * line, so a map's repeated system prompt is counted once) so sim and real models count alike.
 * A JSON Schema counts as input, as structured output does with real providers.
 */
const schemaTokens = new WeakMap<object, number>();

export function countInputTokens(
  messages: readonly ChatMessage[],
  schema?: Record<string, unknown>,
  tools?: readonly ToolSpec[],
): number {
  // Messages count their tool calls and call ids too; an agent's turn also sends the tool definitions.
  return countRequestTokens(countMessageTokens(messages), schema, tools);
}

/** countInputTokens with the messages already counted (countMessageTokens). */
export function countRequestTokens(
  messageTokens: number,
  schema?: Record<string, unknown>,
  tools?: readonly ToolSpec[],
): number {
  return messageTokens + (schema ? countSchemaTokens(schema) : 0) + (tools ? countToolSpecTokens(tools) : 0);
}

function countSchemaTokens(schema: Record<string, unknown>): number {
  let n = schemaTokens.get(schema);
  if (n === undefined) {
    n = countTextTokens(JSON.stringify(schema));
    schemaTokens.set(schema, n);
  }
  return n;
}

/** A simulated answer's tokens: its JSON repeats in pieces across samples, so it is counted by piece. */
export function countOutputTokens(text: string): number {
  return countPieceTokens(text);
}

/** Cuts a text to a number of tokens, as a model stopped by max_output_tokens would be. */
export function truncateToTokens(text: string, maxTokens: number): string {
  return decode(encode(text).slice(0, Math.max(0, maxTokens)));
}
