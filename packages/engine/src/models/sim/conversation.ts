import type { ChatMessage } from '../types.js';

/**
 * Reading an agent's conversation (docs/sim.md, "Tool use"): tool results are part of the prompt,
 * and the calls the model already made say where it stands.
 */

/**
 * The text of a message as the presence rule reads it. A tool result is JSON text, where a span's
 * line breaks are `\n` escapes: read raw, `…delivered.\nRefunds…` would be the words "delivered"
 * and "nrefunds" and break the span's shingles. Escapes are undone in tool results only, so no
 * call without tools reads its prompt differently.
 */
export function messageText(message: ChatMessage): string {
  return message.role === 'tool' ? unescapeJsonText(message.content) : message.content;
}

export function unescapeJsonText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    if (esc.length === 5) return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    return esc === 'n' || esc === 'r' || esc === 't' || esc === 'b' || esc === 'f' ? ' ' : esc;
  });
}

export interface EarlierCall {
  name: string;
  arguments: unknown;
  /** name + arguments as stable text, to tell a repeat. */
  key: string;
}

/** Every tool call the model asked for so far, in order. */
export function earlierCalls(messages: readonly ChatMessage[]): EarlierCall[] {
  const out: EarlierCall[] = [];
  for (const m of messages) {
    if (m.role !== 'assistant' || !m.tool_calls) continue;
    for (const c of m.tool_calls)
      out.push({ name: c.name, arguments: c.arguments, key: callKey(c.name, c.arguments) });
  }
  return out;
}

/** Tool-call turns already in the conversation. */
export function toolTurnsSoFar(messages: readonly ChatMessage[]): number {
  let n = 0;
  for (const m of messages) if (m.role === 'assistant' && m.tool_calls && m.tool_calls.length > 0) n++;
  return n;
}

export function callKey(name: string, args: unknown): string {
  return `${name}\u0000${stableJson(args)}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
