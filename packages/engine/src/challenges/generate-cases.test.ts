import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RepsError } from '@reps/shared';
import { generateCases } from './generate-cases.js';
import { type LoadedChallenge, loadChallenge } from './load-challenge.js';
import { hiddenSeed, publicSeed } from './seeds.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'echo-sum');

let echoSum: LoadedChallenge;
beforeAll(async () => {
  echoSum = await loadChallenge(FIXTURE);
});

/** The fixture with its generator replaced by plain JavaScript in the bundle's IIFE form. */
function withGenerator(body: string): LoadedChallenge {
  return {
    ...echoSum,
    generatorScript: `var __reps_generator = (function (exports) { ${body}; exports.generate = generate; return exports; })({});`,
  };
}

async function failure(promise: Promise<unknown>): Promise<RepsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RepsError) return error;
    throw error;
  }
  throw new Error('expected a RepsError');
}

describe('seeds', () => {
  it('derives the public seed from slug and version', () => {
    expect(publicSeed('echo-sum', 3)).toBe('public:echo-sum:3');
  });

  it('derives the hidden seed as HMAC-SHA256 of slug:version under the secret', () => {
    // printf 'echo-sum:1' | openssl dgst -sha256 -hmac secret
    expect(hiddenSeed('secret', 'echo-sum', 1)).toBe(
      '089c6d6efba81f6b7fecfbc03c33f19197664c88f627ee43bc26491ab07bcf98',
    );
    expect(hiddenSeed('secret', 'echo-sum', 2)).not.toBe(hiddenSeed('secret', 'echo-sum', 1));
    expect(hiddenSeed('other', 'echo-sum', 1)).not.toBe(hiddenSeed('secret', 'echo-sum', 1));
  });

  it('refuses an empty secret', () => {
    expect(() => hiddenSeed('', 'echo-sum', 1)).toThrow(/REPS_HIDDEN_SEED/);
  });
});

describe('generateCases', () => {
  it('numbers public cases public-1 … and uses the manifest count', async () => {
    const cases = await generateCases(echoSum, { kind: 'public' });
    expect(cases.map((c) => c.id)).toEqual(['public-1', 'public-2', 'public-3', 'public-4', 'public-5']);
    expect(cases.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(cases[0]!.facts[0]).toMatchObject({ id: 'total', answers: { sum: expect.any(Number) } });
  });

  it('gives the same cases for the same seed', async () => {
    const a = await generateCases(echoSum, { kind: 'hidden', secret: 's3cret', count: 20 });
    const b = await generateCases(echoSum, { kind: 'hidden', secret: 's3cret', count: 20 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives different hidden cases for a different secret, and neither equals the public ones', async () => {
    const a = await generateCases(echoSum, { kind: 'hidden', secret: 'one', count: 10 });
    const b = await generateCases(echoSum, { kind: 'hidden', secret: 'two', count: 10 });
    const pub = await generateCases(echoSum, { kind: 'public', count: 10 });
    expect(a.map((c) => c.input)).not.toEqual(b.map((c) => c.input));
    expect(a.map((c) => c.input)).not.toEqual(pub.map((c) => c.input));
  });

  it('makes case i independent of how many cases are generated', async () => {
    const few = await generateCases(echoSum, { kind: 'hidden', secret: 'x', count: 3 });
    const many = await generateCases(echoSum, { kind: 'hidden', secret: 'x', count: 12 });
    expect(many.slice(0, 3)).toEqual(few);
  });

  it('requires the secret for hidden cases', async () => {
    const error = await failure(generateCases(echoSum, { kind: 'hidden' }));
    expect(error.code).toBe('invalid_config');
    expect(error.message).toMatch(/REPS_HIDDEN_SEED/);
  });

  it('names the case index and the schema path of an invalid expected value', async () => {
    const broken = withGenerator(`function generate(rng, index) {
      const numbers = [1, 2];
      return { input: { question: 'q', numbers }, expected: { sum: index === 2 ? 'three' : 3 }, facts: [] };
    }`);
    const error = await failure(generateCases(broken, { kind: 'public' }));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/invalid case public-3 \(index 2\)/);
    expect(error.message).toMatch(
      /expected does not match output_schema at expected\/sum \(schema #\/properties\/sum\/type\): must be integer/,
    );
  });

  it('names an input that breaks input_schema', async () => {
    const broken = withGenerator(`function generate() {
      return { input: { question: 'q', numbers: [1] }, expected: { sum: 1 }, facts: [] };
    }`);
    const error = await failure(generateCases(broken, { kind: 'public' }));
    expect(error.message).toMatch(/public-1 \(index 0\)/);
    expect(error.message).toMatch(/at input\/numbers \(schema #\/properties\/numbers\/minItems\)/);
  });

  it('rejects facts answering an aspect the manifest does not declare', async () => {
    const broken = withGenerator(`function generate() {
      return { input: { question: 'q', numbers: [1, 2] }, expected: { sum: 3 },
               facts: [{ id: 'u', text: 'q', answers: { mood: 'happy' } }] };
    }`);
    expect((await failure(generateCases(broken, { kind: 'public' }))).message).toMatch(
      /answers "mood", which is not an aspect/,
    );
  });

  it('rejects a case without facts and one with unknown keys', async () => {
    const noFacts = withGenerator(
      `function generate() { return { input: { question: 'q', numbers: [1, 2] }, expected: { sum: 3 } }; }`,
    );
    expect((await failure(generateCases(noFacts, { kind: 'public' }))).message).toMatch(/facts/);
    const extra = withGenerator(
      `function generate() { return { input: {}, expected: {}, facts: [], notes: 1 }; }`,
    );
    expect((await failure(generateCases(extra, { kind: 'public' }))).message).toMatch(/unknown keys notes/);
  });

  it('reports a throwing generator as code_error with the case', async () => {
    const throwing = withGenerator(
      `function generate(rng, index) { if (index === 1) throw new Error('no data'); return { input: { question: 'q', numbers: [1, 2] }, expected: { sum: 3 }, facts: [] }; }`,
    );
    const error = await failure(generateCases(throwing, { kind: 'public' }));
    expect(error.code).toBe('code_error');
    expect(error.message).toMatch(/case public-2 \(index 1\).*no data/);
  });

  it('contains a runaway generator with sandbox_limit instead of hanging', async () => {
    const runaway = withGenerator('function generate() { while (true) {} }');
    const started = Date.now();
    const error = await failure(generateCases(runaway, { kind: 'public', limits: { deadlineMs: 100 } }));
    expect(error.code).toBe('sandbox_limit');
    expect(error.message).toMatch(/public-1/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('contains a generator that exhausts memory', async () => {
    const hungry = withGenerator(
      'function generate() { const a = []; while (true) a.push(new Array(1e5).fill(1)); }',
    );
    const error = await failure(
      generateCases(hungry, { kind: 'public', limits: { memoryBytes: 16 * 1024 * 1024 } }),
    );
    expect(error.code).toBe('sandbox_limit');
  });

  it('rejects a generator that returns a Promise', async () => {
    const asyncGen = withGenerator('async function generate() { return {}; }');
    expect((await failure(generateCases(asyncGen, { kind: 'public' }))).message).toMatch(/synchronously/);
  });
});

describe('the Rng inside the sandbox', () => {
  /** Runs `draw(rng)` as a generator and returns what it put in the first case's expected. */
  async function draws(draw: string, seedKind: 'public' | 'hidden' = 'public'): Promise<unknown> {
    const probe: LoadedChallenge = {
      ...withGenerator(
        `function generate(rng, index) { return { input: { question: 'q', numbers: [1, 2] }, expected: { sum: 3, probe: (${draw})(rng) }, facts: [] }; }`,
      ),
      manifest: { ...echoSum.manifest, output_schema: { type: 'object' } },
    };
    const [first] = await generateCases(probe, { kind: seedKind, secret: 'k', count: 1 });
    return (first!.expected as { probe: unknown }).probe;
  }

  it('draws ints within bounds, inclusive, covering the range', async () => {
    const values = (await draws('(rng) => Array.from({ length: 400 }, () => rng.int(1, 6))')) as number[];
    expect(new Set(values)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('draws next() in [0, 1) and floats in range', async () => {
    const values = (await draws(
      '(rng) => Array.from({ length: 200 }, () => [rng.next(), rng.float(5, 7)])',
    )) as number[][];
    for (const [n, f] of values) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
      expect(f).toBeGreaterThanOrEqual(5);
      expect(f).toBeLessThan(7);
    }
  });

  it('shuffles a copy, samples distinct items, picks members', async () => {
    const result = (await draws(
      "(rng) => { const a = [1,2,3,4,5]; const s = rng.shuffle(a); return { a, s, sample: rng.sample(a, 3), pick: rng.pick(['x', 'y']), w: rng.weighted(['never', 'always'], [0, 1]), chance: [rng.chance(0), rng.chance(1)] }; }",
    )) as { a: number[]; s: number[]; sample: number[]; pick: string; w: string; chance: boolean[] };
    expect(result.a).toEqual([1, 2, 3, 4, 5]);
    expect([...result.s].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(result.sample).size).toBe(3);
    expect(['x', 'y']).toContain(result.pick);
    expect(result.w).toBe('always');
    expect(result.chance).toEqual([false, true]);
  });

  it('gives forks that are independent of draws elsewhere', async () => {
    const a = await draws("(rng) => rng.fork('names').int(0, 1e9)");
    const b = await draws("(rng) => { rng.next(); rng.next(); return rng.fork('names').int(0, 1e9); }");
    expect(a).toBe(b);
  });

  it('draws normals with about the right mean', async () => {
    const values = (await draws(
      '(rng) => Array.from({ length: 2000 }, () => rng.normal(10, 2))',
    )) as number[];
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 10)).toBeLessThan(0.3);
  });

  it('explains a misuse', async () => {
    const error = await failure(draws('(rng) => rng.int(5, 1)'));
    expect(error.message).toMatch(/rng\.int\(5, 1\): needs integers with min <= max/);
    expect((await failure(draws('(rng) => rng.pick([])'))).message).toMatch(/rng\.pick/);
  });
});
