import { jsonNestsDeeperThan } from '../trace/value-depth.js';

/**
 * A tool call's arguments between the wire and ToolCall.arguments. OpenAI-compatible servers send
 * them as a JSON string, Anthropic as an object; either way the executor gets a parsed value, or
 * the raw text when it is not usable JSON, which it sends back to the model as the tool's error.
 */

/**
 * The arguments of a call as the model wrote them. Blank text counts as no arguments (`{}`):
 * several local servers send `""` for a call to a tool without parameters. Text that does not
 * parse, or nests deeper than a trace can keep, stays the raw string.
 */
export function parseToolArguments(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonNestsDeeperThan(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Arguments already parsed by the transport (Anthropic's `input`): kept as they are unless they
 * nest deeper than a trace can keep, then their JSON text (the executor reports it as unusable).
 */
export function checkedToolInput(input: unknown): unknown {
  const text = JSON.stringify(input) ?? '';
  return jsonNestsDeeperThan(text) ? text : input;
}

/** The JSON string OpenAI-compatible servers expect; raw text the model wrote goes back unchanged. */
export function toolArgumentsText(args: unknown): string {
  if (typeof args === 'string') return args;
  return JSON.stringify(args) ?? '{}';
}
