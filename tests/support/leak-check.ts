import { join } from 'node:path';
import { expect } from '@jest/globals';
import { generateCases, loadChallenge } from '@reps/engine';
import { repoRoot, stackEnv } from './stack.js';

/**
 * A leak check, holding no case data: it generates the echo-sum fixture's hidden cases at run time
 * with the test stack's throwaway seed and asserts that none of them appears in
 * `text` (everything a learner read): neither its input nor its list of numbers, nor with
 * `expected` its expected value. Hidden inputs that are also public inputs are skipped. Returns how
 * many hidden cases it checked.
 */
export async function expectNoHiddenEchoSumCase(text: string, { expected = false } = {}): Promise<number> {
  const challenge = await loadChallenge(join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum'));
  const hidden = await generateCases(challenge, { kind: 'hidden', secret: stackEnv().REPS_HIDDEN_SEED });
  const publicInputs = new Set(
    (await generateCases(challenge, { kind: 'public' })).map((c) => JSON.stringify(c.input)),
  );
  let checked = 0;
  for (const c of hidden) {
    const input = JSON.stringify(c.input);
    if (publicInputs.has(input)) continue;
    expect(text).not.toContain(input);
    expect(text).not.toContain(JSON.stringify((c.input as { numbers: number[] }).numbers));
    if (expected) expect(text).not.toContain(JSON.stringify(c.expected));
    checked++;
  }
  return checked;
}
