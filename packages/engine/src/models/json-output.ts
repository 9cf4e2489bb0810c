import { jsonNestsDeeperThan } from '../trace/value-depth.js';
import type { ChatMessage, OutputSpec } from './types.js';

const FENCED = /^```[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/**
 * The JSON value in a model's reply, or undefined when there is none. Only a surrounding ```json
 * fence is forgiven: prose around the JSON stays unparseable, so the executor reports it as
 * invalid_output the same way it does for the simulated models. JSON nested deeper than
 * MAX_VALUE_DEPTH counts as none (it could not be kept in a trace).
 */
export function parseJsonOutput(text: string): unknown {
  const trimmed = text.trim();
  const fenced = FENCED.exec(trimmed);
  const json = fenced ? fenced[1]! : trimmed;
  if (jsonNestsDeeperThan(json)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * The instruction that tells a real model which JSON to return. Without it a model in plain JSON
 * mode cannot know the schema (OpenAI also refuses json_object unless the prompt says "JSON").
 */
export function jsonInstruction(schema: Record<string, unknown>, withTools = false): string {
  // With tools the model must still be free to call them: the JSON is only its final answer.
  const lead = withTools ? 'Call tools as you need; your final answer must be' : 'Reply with';
  return `${lead} only a JSON value, no prose and no code fence, that matches this JSON Schema:\n${JSON.stringify(schema)}`;
}

/**
 * The messages to send: the caller's, plus the JSON instruction appended to the system prompt when
 * JSON was requested and `needsInstruction` (the API does not enforce the schema itself).
 * `withTools`: the request offers tools, so the instruction is about the final answer only.
 */
export function withJsonInstruction(
  messages: readonly ChatMessage[],
  output: OutputSpec | undefined,
  needsInstruction: boolean,
  withTools = false,
): ChatMessage[] {
  if (output?.kind !== 'json' || !needsInstruction) return [...messages];
  const instruction = jsonInstruction(output.schema, withTools);
  const systemIndex = messages.findIndex((m) => m.role === 'system');
  if (systemIndex === -1) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((m, i) =>
    i === systemIndex ? { role: 'system', content: `${m.content}\n\n${instruction}` } : m,
  );
}
