import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { ChallengeCase } from '@reps/shared';
import { SIM_SUM } from '../challenges/fixtures/sim-sum.js';
import { loadChallenge } from '../challenges/load-challenge.js';
import { GeneratedCaseCache } from './case-cache.js';
import { gradeChallengeIsolated } from './grade-challenge-isolated.js';

jest.setTimeout(120_000);

const echoSum = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const secret = 'a-test-secret-of-length';

const simSum = SIM_SUM;

const fakeCases = (count: number, size = 10): ChallengeCase[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `hidden-${index + 1}`,
    index,
    input: { text: 'x'.repeat(size) },
    expected: index,
    facts: [],
  }));

describe('GeneratedCaseCache with gradeChallengeIsolated', () => {
  it('grades a version twice alike, the second time without generating; another secret, version or a longer count generates', async () => {
    const challenge = await loadChallenge(echoSum);
    const cache = new GeneratedCaseCache();
    const grade = (overrides: Partial<Parameters<typeof gradeChallengeIsolated>[0]> = {}) =>
      gradeChallengeIsolated({
        challenge,
        pipelineSource: simSum,
        kind: 'hidden',
        secret,
        count: 8,
        threads: 2,
        caseCache: cache,
        ...overrides,
      });
    const first = await grade();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1, generated: 8, entries: 1 });
    const second = await grade();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, generated: 8, entries: 1 });
    expect(first.ok && second.ok).toBe(true);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    // Without the cache the grading is the same again.
    expect(JSON.stringify(await grade({ caseCache: false }))).toBe(JSON.stringify(first));

    // A shorter count is a prefix of what is kept; a longer one generates and replaces it.
    const shorter = await grade({ count: 3 });
    expect(cache.stats()).toMatchObject({ hits: 2, generated: 8 });
    expect(shorter.ok && shorter.cases).toEqual(first.ok && first.cases.slice(0, 3));
    await grade({ count: 10 });
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 2, generated: 18, entries: 1 });

    // Another secret, another version, another kind: other cases, generated.
    const otherSecret = await grade({ secret: `${secret}-b` });
    const otherVersion = await grade({
      challenge: {
        ...challenge,
        manifest: { ...challenge.manifest, version: challenge.manifest.version + 1 },
      },
    });
    await grade({ kind: 'public', count: 5 });
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 5, generated: 39, entries: 4 });
    const inputs = (outcome: typeof first) => JSON.stringify(outcome.ok && outcome.cases.map((c) => c.input));
    expect(inputs(otherSecret)).not.toBe(inputs(first));
    expect(inputs(otherVersion)).not.toBe(inputs(first));
  });

  it('keeps a copy: changing an outcome cases does not change the next grading', async () => {
    const challenge = await loadChallenge(echoSum);
    const cache = new GeneratedCaseCache();
    const grade = () =>
      gradeChallengeIsolated({ challenge, pipelineSource: simSum, kind: 'public', caseCache: cache });
    const first = await grade();
    const before = JSON.stringify(first);
    if (first.ok) (first.cases[0]!.input as { question: string }).question = 'changed';
    expect(JSON.stringify(await grade())).toBe(before);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });
});

describe('GeneratedCaseCache', () => {
  it('keys by a digest that neither shows the secret nor ignores it, and ignores it for public cases', async () => {
    const challenge = await loadChallenge(echoSum);
    const key = GeneratedCaseCache.keyOf(challenge, 'hidden', secret);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(GeneratedCaseCache.keyOf(challenge, 'hidden', secret));
    expect(GeneratedCaseCache.keyOf(challenge, 'hidden', `${secret}x`)).not.toBe(key);
    expect(GeneratedCaseCache.keyOf(challenge, 'public', secret)).toBe(
      GeneratedCaseCache.keyOf(challenge, 'public', `${secret}x`),
    );
    const otherGenerator = { ...challenge, generatorScript: `${challenge.generatorScript};` };
    expect(GeneratedCaseCache.keyOf(otherGenerator, 'hidden', secret)).not.toBe(key);
  });

  it('drops the least recently used entries past its bound, and does not keep a set bigger than it', () => {
    const one = Buffer.byteLength(JSON.stringify(fakeCases(4, 100)));
    const cache = new GeneratedCaseCache(one * 2 + 10);
    cache.keep('a', fakeCases(4, 100));
    cache.keep('b', fakeCases(4, 100));
    expect(cache.take('a', 4)).toHaveLength(4); // a is now the most recently used
    cache.keep('c', fakeCases(4, 100));
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: one * 2 });
    expect(cache.take('b', 1)).toBeUndefined();
    expect(cache.take('a', 2)).toEqual(fakeCases(2, 100));
    expect(cache.take('c', 4)).toEqual(fakeCases(4, 100));

    cache.keep('huge', fakeCases(4, 1000));
    expect(cache.take('huge', 1)).toBeUndefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(new GeneratedCaseCache(0).stats().entries).toBe(0);
  });

  it('keeps the longest prefix: a shorter set does not replace a longer one', () => {
    const cache = new GeneratedCaseCache();
    cache.keep('k', fakeCases(5));
    cache.keep('k', fakeCases(3));
    expect(cache.take('k', 5)).toEqual(fakeCases(5));
    expect(cache.take('k', 6)).toBeUndefined();
    cache.keep('k', fakeCases(6));
    expect(cache.stats()).toMatchObject({
      entries: 1,
      bytes: Buffer.byteLength(JSON.stringify(fakeCases(6))),
    });
  });
});
