import { Hasher } from '../models/sim/prng.js';
import { promptReading } from '../models/sim/prompt-reading.js';
import type { CompletionRequest } from '../models/types.js';
import { dropJobState } from './drop-job-state.js';

describe('dropJobState', () => {
  it("forgets the simulated models' prompt readings, so no job's prompts or facts reach the next", () => {
    const request: CompletionRequest = {
      model: 'sim-mini',
      messages: [{ role: 'user', content: 'Case 1: the hidden input of the last job' }],
    };
    const context = { facts: undefined, aspects: undefined };
    const first = promptReading(request, context);
    expect(promptReading(request, context)).toBe(first);
    dropJobState();
    const next = promptReading(request, context);
    expect(next).not.toBe(first);
    expect(next.calls).toBe(1);
  });

  it('forgets the long strings hashed and the token counts of prompt segments, and hashes the same after', () => {
    const text = `Case 7: ${'hidden case text '.repeat(40)}`;
    const before = new Hasher().str(text).fingerprint();
    dropJobState();
    expect(new Hasher().str(text).fingerprint()).toBe(before);
  });
});
