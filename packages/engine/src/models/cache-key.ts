import { createHash } from 'node:crypto';
import { stableStringify } from '../schema/stable-stringify.js';
import type { ChatMessage, CompletionRequest, OutputSpec } from './types.js';

export { stableStringify };

/** Bump when the key's inputs change meaning, so old cached answers are not served. */
const KEY_VERSION = 2;

/**
 * The response cache key of a request: a SHA-256 over the model, the messages (with their tool
 * calls and call ids) and every parameter that changes the answer (temperature, max tokens,
 * output spec, sample index, the tools offered and the tool choice). Defaults are filled in
 * first, so `temperature: 0` and no temperature share an entry; object keys are sorted, so two
 * equal schemas written in different orders do too.
 */
export function completionCacheKey(request: CompletionRequest): string {
  const tools = request.tools ?? [];
  const material = [
    KEY_VERSION,
    request.model,
    request.messages.map(normalMessage),
    request.temperature ?? 0,
    request.maxOutputTokens ?? null,
    normalOutput(request.output),
    request.sampleIndex ?? 0,
    tools.map((t) => [t.name, t.description, t.input_schema]),
    // Without tools no provider sends a tool choice, so it cannot change the answer.
    tools.length > 0 ? (request.toolChoice ?? 'auto') : null,
  ];
  return createHash('sha256').update(stableStringify(material)).digest('hex');
}

function normalMessage(m: ChatMessage): unknown[] {
  const calls = (m.tool_calls ?? []).map((c) => [c.id, c.name, c.arguments ?? null]);
  return [m.role, m.content, calls, m.tool_call_id ?? null, m.name ?? null];
}

function normalOutput(output: OutputSpec | undefined): OutputSpec {
  if (output?.kind !== 'json') return { kind: 'text' };
  return { kind: 'json', schema: output.schema, strict: output.strict === true };
}
