import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { toolArgumentsText } from './tool-arguments.js';
import type { ChatMessage, ModelInfo, ToolCall, ToolSpec, Usage } from './types.js';

/**
 * Token counting for every provider (o200k_base, the encoding of current OpenAI models; other
 * vendors' tokenizers differ by a few percent, which is fine for budgets and fallbacks).
 *
 * The simulated models count a ~2,000-token prompt on every call with a 0.5 ms budget, and the raw
 * tokenizer needs 0.2–0.5 ms for that (its Unicode split regex dominates). Prompts repeat a lot —
 * the same system prompt across a map, the same document across steps, the same prompt plus
 * feedback on a retry — so text is counted in line-sized segments, each memoised.
 */

/** Learner text may contain `<|endoftext|>` and friends: count them as plain text, never throw. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Tokens each chat message adds around its content (OpenAI's chat format: framing plus the role). */
export const TOKENS_PER_MESSAGE = 4;
/** Tokens that prime the assistant's reply after the last message. */
export const TOKENS_PER_REPLY = 3;
/**
 * Framing each tool definition and each tool call adds around its own text (type, id, braces).
 * Vendors do not publish these; the figures are estimates, used only where no server counted
 * (a server without usage, the simulated and echo models).
 */
export const TOKENS_PER_TOOL = 8;
export const TOKENS_PER_TOOL_CALL = 4;

/**
 * Characters and segments per generation of the segment cache; two generations are kept. Segments
 * cut by piece (countPieceTokens) can be a few characters each, so the count is bounded too: about
 * 25 MB at most either way.
 */
const CACHE_GENERATION_CHARS = 2_000_000;
const CACHE_GENERATION_SEGMENTS = 200_000;

let current = new Map<string, number>();
let previous = new Map<string, number>();
let currentChars = 0;

/** Forgets the counted segments (a grading thread between jobs: they are pieces of prompts, so of case text). */
export function forgetTokenCounts(): void {
  current = new Map();
  previous = new Map();
  currentChars = 0;
}

/** Number of tokens in `text`; exact (equal to gpt-tokenizer's countTokens on the whole text). */
export function countTextTokens(text: string): number {
  if (text.length === 0) return 0;
  let total = 0;
  let start = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1) {
    const next = newline + 1;
    if (next < text.length && isSegmentStart(text.charCodeAt(next))) {
      total += countSegment(text.slice(start, next));
      start = next;
    }
    newline = text.indexOf('\n', next);
  }
  return total + countSegment(start === 0 ? text : text.slice(start));
}

/**
 * As countTextTokens, for text that repeats in pieces rather than in whole lines, as a model's JSON
 * answers do (the same keys and values, one field changed): lines are also cut where an ASCII
 * letter or digit is followed by ASCII punctuation other than an apostrophe. The o200k split
 * regex ends a piece there whatever follows (a word or number piece takes no punctuation but a
 * contraction's apostrophe, a punctuation piece starts at most one character early and never on a
 * letter or digit, and no piece looks back), so the sum of the cut segments' counts is exact.
 */
export function countPieceTokens(text: string): number {
  let total = 0;
  let start = 0;
  let before = text.length > 0 ? text.charCodeAt(0) : 0;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((isAsciiAlnum(before) && isPieceCut(code)) || (before === 10 && isSegmentStart(code))) {
      total += countSegment(text.slice(start, i));
      start = i;
    }
    before = code;
  }
  return text.length === 0 ? 0 : total + countSegment(start === 0 ? text : text.slice(start));
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** ASCII punctuation but the apostrophe (which starts a contraction's piece: `'s`, `'ll`). */
function isPieceCut(code: number): boolean {
  return (
    (code >= 33 && code <= 47 && code !== 39) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/**
 * Tokens of a chat prompt: every message's content, an assistant's tool calls and a tool result's
 * call id, plus the chat format's fixed overhead. The tools offered are counted apart
 * (countToolSpecTokens): they are a parameter of the request, not a message.
 */
export function countMessageTokens(messages: readonly ChatMessage[]): number {
  let total = TOKENS_PER_REPLY;
  for (const message of messages) {
    total += TOKENS_PER_MESSAGE + countTextTokens(message.content);
    if (message.tool_calls) total += countToolCallTokens(message.tool_calls);
    if (message.tool_call_id) total += countTextTokens(message.tool_call_id);
  }
  return total;
}

/** Tokens of the tools a request offers: each one's name, description and argument schema. */
export function countToolSpecTokens(tools: readonly ToolSpec[] | undefined): number {
  let total = 0;
  for (const tool of tools ?? []) {
    total +=
      TOKENS_PER_TOOL +
      countTextTokens(tool.name) +
      countTextTokens(tool.description) +
      countTextTokens(JSON.stringify(tool.input_schema));
  }
  return total;
}

/** Tokens of tool calls as a model writes them: each one's name and arguments. */
export function countToolCallTokens(calls: readonly ToolCall[] | undefined): number {
  let total = 0;
  for (const call of calls ?? []) {
    total +=
      TOKENS_PER_TOOL_CALL + countTextTokens(call.name) + countTextTokens(toolArgumentsText(call.arguments));
  }
  return total;
}

/** Cost in USD of a call: tokens times the per-million prices, rounded to 1e-12 to hide float noise. */
export function costUsd(usage: Usage, price: Pick<ModelInfo, 'inputPricePerM' | 'outputPricePerM'>): number {
  const cost =
    (usage.input_tokens * price.inputPricePerM + usage.output_tokens * price.outputPricePerM) / 1e6;
  return Math.round(cost * 1e12) / 1e12;
}

/**
 * A segment may start right after a newline only where the o200k split regex starts a new piece
 * anyway, so that the sum over segments equals the count of the whole: not on whitespace (a run
 * of blank lines is one piece) and not on `/` (punctuation absorbs following newlines and
 * slashes). Non-ASCII characters are checked against the regex's own notion of whitespace.
 */
function isSegmentStart(code: number): boolean {
  if (code === 47 || code === 32 || (code >= 9 && code <= 13)) return false;
  return code < 128 || !/\s/.test(String.fromCharCode(code));
}

function countSegment(segment: string): number {
  const hit = current.get(segment);
  if (hit !== undefined) return hit;
  const old = previous.get(segment);
  const count = old ?? countTokens(segment, PLAIN_TEXT);
  remember(segment, count);
  return count;
}

/** Two generations instead of a strict LRU: bounded, and a hit costs one Map lookup. */
function remember(segment: string, count: number): void {
  if (currentChars + segment.length > CACHE_GENERATION_CHARS || current.size >= CACHE_GENERATION_SEGMENTS) {
    previous = current;
    current = new Map();
    currentChars = 0;
  }
  // A slice keeps its whole parent string alive; store a copy so the cache holds only its own text.
  current.set(segment.length > 12 ? ` ${segment}`.slice(1) : segment, count);
  currentChars += segment.length;
}
