import { createHash } from 'node:crypto';
import { stableStringify } from '../schema/stable-stringify.js';
import type { CompletionRequest, OutputSpec } from './types.js';

export { stableStringify };

/** Bump when the key's inputs change meaning, so old cached answers are not served. */
const KEY_VERSION = 1;

/**
 * The response cache key of a request: a SHA-256 over the model, the messages and every parameter
 * that changes the answer (temperature, max tokens, output spec, sample index). Defaults are
 * filled in first, so `temperature: 0` and no temperature share an entry; object keys are sorted,
 * so two equal schemas written in different orders do too.
 */
export function completionCacheKey(request: CompletionRequest): string {
  const material = [
    KEY_VERSION,
    request.model,
    request.messages.map((m) => [m.role, m.content]),
    request.temperature ?? 0,
    request.maxOutputTokens ?? null,
    normalOutput(request.output),
    request.sampleIndex ?? 0,
  ];
  return createHash('sha256').update(stableStringify(material)).digest('hex');
}

function normalOutput(output: OutputSpec | undefined): OutputSpec {
  if (output?.kind !== 'json') return { kind: 'text' };
  return { kind: 'json', schema: output.schema, strict: output.strict === true };
}
