import type { CompletionRequest, ModelContext } from '../types.js';
import { forgetPromptReadings, promptReading } from './prompt-reading.js';
import { SIM_MODELS } from './sim-models.js';
import { completeSync } from './sim-provider.js';
import { ASPECTS, ask, makeFacts } from './sim-test-kit.js';

const spec = SIM_MODELS.find((m) => m.id === 'sim-mini')!;
const facts = makeFacts(6);
const context: ModelContext = { facts, aspects: ASPECTS };
const schema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { n: { type: 'integer' }, risk: { enum: ['low', 'medium', 'high'] } },
  },
};
const document = facts.map((f) => f.text).join('\n');
const prompt = (words: string) => `Rate the risk of each clause${words}.\n\n${document}`;

/** A vote's samples of two prompts, interleaved as a map's items are, then a retry with feedback. */
function calls(): CompletionRequest[] {
  const out: CompletionRequest[] = [];
  for (let sampleIndex = 0; sampleIndex < 6; sampleIndex++)
    for (const words of ['', ' (low, medium or high)'])
      out.push(
        ask(spec.id, prompt(words), { temperature: 1.2, sampleIndex, output: { kind: 'json', schema } }),
      );
  out.push({
    model: spec.id,
    messages: [
      { role: 'user', content: prompt('') },
      { role: 'assistant', content: '[{"n": 1, "risk": "low"}]' },
      { role: 'user', content: 'Your answer for clause 1 is wrong: the risk is not low.' },
    ],
    temperature: 1.2,
    output: { kind: 'json', schema },
  });
  return out;
}

describe('promptReading', () => {
  it('gives every call the answer it gets when nothing was read before', () => {
    const shared = calls().map((request) => completeSync(spec, request, context));
    const fresh = calls().map((request) => {
      forgetPromptReadings();
      return completeSync(spec, request, context);
    });
    expect(shared).toEqual(fresh);
    // The samples really differ, so the comparison says something.
    expect(new Set(shared.map((c) => c.text)).size).toBeGreaterThan(2);
  });

  it('shares a reading only between calls of the same model, prompt, schema and case', () => {
    forgetPromptReadings();
    const request = ask(spec.id, prompt(''), { output: { kind: 'json', schema } });
    const first = promptReading(request, context);
    expect(promptReading({ ...request, sampleIndex: 3, temperature: 1 }, context)).toBe(first);
    expect(promptReading(request, { ...context, facts: makeFacts(6) })).not.toBe(first);
    expect(promptReading({ ...request, model: 'sim-standard' }, context)).not.toBe(first);
    expect(
      promptReading({ ...request, output: { kind: 'json', schema: { type: 'object' } } }, context),
    ).not.toBe(first);
    expect(promptReading(ask(spec.id, prompt(' now')), context)).not.toBe(first);
  });
});
