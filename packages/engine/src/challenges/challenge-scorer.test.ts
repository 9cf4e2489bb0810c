import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { challengeScorer } from './challenge-scorer.js';
import { generateCases } from './generate-cases.js';
import { loadChallenge } from './load-challenge.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'echo-sum');

describe('challengeScorer', () => {
  it('scores the fixture with its built-in json_fields scorer', async () => {
    const challenge = await loadChallenge(FIXTURE);
    const [first] = await generateCases(challenge, { kind: 'public', count: 1 });
    const score = challengeScorer(challenge);
    expect(await score(first!.expected, first!.expected, first!)).toEqual({
      score: 1,
      reason: 'All fields match.',
      fields: { sum: 1 },
    });
    expect((await score({ sum: 'many' }, first!.expected, first!)).score).toBe(0);
  });

  it('bundles scorer.ts with its imports and runs it in the sandbox', async () => {
    const work = await mkdtemp(join(tmpdir(), 'reps-scorer-'));
    try {
      const dir = join(work, 'echo-sum');
      await cp(FIXTURE, dir, { recursive: true });
      const manifest = join(dir, 'challenge.yaml');
      const text = await readFile(manifest, 'utf8');
      await writeFile(
        manifest,
        text.replace(
          /scoring:[\s\S]*pass_mark: 90/,
          'scoring:\n  scorer: custom\n  params: { half_credit_within: 5 }\n  pass_mark: 90',
        ),
      );
      await writeFile(
        join(dir, 'scorer.ts'),
        `import type { CustomScore } from '../../generator-api.js';
import { add } from './add.js';
type Sum = { sum: number };
export const score: CustomScore<Sum, Sum, { numbers: number[] }> = (output, expected, testCase, params) => {
  const truth = add(testCase.input.numbers);
  if (truth !== expected.sum) throw new Error('expected is inconsistent');
  const off = Math.abs(output.sum - truth);
  if (off === 0) return { score: 1, reason: 'exact' };
  return off <= Number(params.half_credit_within) ? { score: 0.5, reason: 'close' } : { score: 0, reason: 'off by ' + off };
};
`,
      );
      const challenge = await loadChallenge(dir);
      const [first] = await generateCases(challenge, { kind: 'public', count: 1 });
      const expected = first!.expected as { sum: number };
      const score = challengeScorer(challenge);
      try {
        expect(await score({ sum: expected.sum }, expected, first!)).toEqual({ score: 1, reason: 'exact' });
        expect(await score({ sum: expected.sum + 3 }, expected, first!)).toEqual({
          score: 0.5,
          reason: 'close',
        });
      } finally {
        score.dispose();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
