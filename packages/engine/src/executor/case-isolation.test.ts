import { grade } from '../grade/grade.js';
import { pipeline } from './pipeline-fixture.js';
import { runPipeline } from './run-pipeline.js';
import { TestGateway } from './test-gateway.js';

/**
 * Written as an attacker would: a submission that tries to carry hidden inputs from one case to
 * another (or one learner's run to another's) through every shared place it can find.
 */
const gateway = new TestGateway(() => ({ text: 'ok' }));

/** Plants this case's secret everywhere it can, then returns every secret it can find. */
const STASH_AND_DUMP = `
  const secret = input.secret;
  const places = [
    () => globalThis,
    () => Object.prototype,
    () => Array.prototype,
    () => Function.prototype,
    () => Object.getPrototypeOf([][Symbol.iterator]()),
    () => Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    () => Object.getPrototypeOf(function* () {}).prototype,
    () => Object.getPrototypeOf(async function () {}),
    () => JSON,
    () => Math,
    () => Promise.prototype,
  ];
  for (const place of places) {
    try { const p = place(); p.__stash = (p.__stash || []).concat([secret]); } catch (e) {}
    try { Object.defineProperty(place(), '__hidden', { value: secret, configurable: true }); } catch (e) {}
  }
  try { const map = Array.prototype.map; Array.prototype.map = function (f) { return map.call(this, f).concat([secret]); }; } catch (e) {}
  const found = new Set();
  for (const place of places) {
    try { for (const s of place().__stash || []) found.add(s); } catch (e) {}
    try { if (place().__hidden) found.add(place().__hidden); } catch (e) {}
  }
  for (const s of [1].map((x) => x)) if (typeof s === 'string') found.add(s);
  return [...found].sort();
`;

function stashPipeline(body = STASH_AND_DUMP) {
  return pipeline(`
name: stash
budget: {}
steps:
  - id: dump
    code: |
${body
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`);
}

describe('case isolation', () => {
  it('a submission that stashes each input finds only its own case in its output', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`,
      input: { secret: `secret-${i}` },
      expected: null,
    }));
    for (const caseConcurrency of [1, 4]) {
      const result = await grade({
        pipeline: stashPipeline(),
        cases,
        score: () => ({ score: 1, reason: '' }),
        gateway,
        caseConcurrency,
      });
      for (const [i, c] of result.cases.entries()) {
        expect(c.status).toBe('ok');
        // Everything shared is frozen, so the stash stays empty; above all, no other case shows.
        expect((c.output as string[]).filter((found) => found !== `secret-${i}`)).toEqual([]);
      }
    }
  });

  it("one learner's run cannot plant a value that another learner's run reads", async () => {
    const plant = stashPipeline(
      `try { Object.prototype.planted = input.secret } catch (e) {}
       try { globalThis.planted = input.secret } catch (e) {}
       try { Object.getPrototypeOf([][Symbol.iterator]()).planted = input.secret } catch (e) {}
       return 1`,
    );
    const read = stashPipeline(
      `return [({}).planted, globalThis.planted, [][Symbol.iterator]().planted, 'planted' in globalThis]`,
    );
    await runPipeline(plant, { input: { secret: 'from-a' }, gateway });
    const [a, b] = await Promise.all([
      runPipeline(read, { input: {}, gateway }),
      runPipeline(plant, { input: { secret: 'again' }, gateway }),
    ]);
    expect(b.status).toBe('ok');
    expect(a.output).toEqual([null, null, null, false]);
  });

  it('a body that closes the function it runs in is refused before it runs', async () => {
    const { SandboxError } = await import('../sandbox/types.js');
    const { createQuickJSSandbox } = await import('../sandbox/quickjs-sandbox.js');
    const sandbox = await createQuickJSSandbox();
    try {
      for (const closing of [
        'return 1 }; globalThis.leak = 1; (function () {',
        'return 1 }, leak = 1, function () {',
        "return 1 } /* */ ; globalThis.leak = 1; ({ a: '",
      ]) {
        expect(() => sandbox.run(closing, {})).toThrow(SandboxError);
      }
      expect(sandbox.evaluate('typeof leak', {})).toBe('undefined');
      expect(() => sandbox.evaluate('1); globalThis.leak = (2', {})).toThrow(SandboxError);
      expect(sandbox.evaluate('typeof leak', {})).toBe('undefined');
    } finally {
      sandbox.dispose();
    }
  });

  it('a case cannot read what an earlier case left in the memory it runs in', async () => {
    const write = stashPipeline(
      `const keep = [];
       for (let i = 0; i < 200; i++) keep.push(input.secret.repeat(50) + i);
       const buf = new Uint8Array(1 << 20);
       // Filled in C (fast even on a loaded machine), then a stretch written from the secret itself.
       buf.fill(input.secret.charCodeAt(0));
       for (let i = 0; i < 4096; i++) buf[i] = input.secret.charCodeAt(i % input.secret.length);
       return keep.length + buf[7]`,
    );
    const scan = stashPipeline(
      `const found = [];
       // Any non-zero byte, looked for in C (chunks to strings, then a regex), not one callback per byte.
       const dirty = (bytes) => {
         for (let o = 0; o < bytes.length; o += 32768)
           if (/[^\\0]/.test(String.fromCharCode.apply(null, bytes.subarray(o, o + 32768)))) return true;
         return false;
       };
       for (const size of [16, 4096, 1 << 16, 1 << 20, 3 << 20]) {
         if (dirty(new Uint8Array(new ArrayBuffer(size)))) found.push('buffer ' + size);
         const f = new Float64Array(size / 8);
         if (dirty(new Uint8Array(f.buffer))) found.push('floats ' + size);
       }
       const text = [new Array(5000).join(','), ''.padEnd(1 << 16), String.fromCharCode(...new Uint16Array(4096))].join('');
       if (text.includes('SECRET')) found.push('string');
       return found`,
    );
    for (let round = 0; round < 3; round++) {
      const planted = await runPipeline(write, { input: { secret: 'SECRET-hidden-input-' }, gateway });
      expect(planted.status).toBe('ok');
      const read = await runPipeline(scan, { input: {}, gateway });
      expect([read.status, read.error?.message]).toEqual(['ok', undefined]);
      expect(read.output).toEqual([]);
    }
  });

  it('breaking iteration in one case leaves the next case iterating normally', async () => {
    const breaker = stashPipeline(
      `try { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }) } catch (e) {}
       try { Array.prototype[Symbol.iterator] = function* () {} } catch (e) {}
       let n = 0; for (const x of input.values) n += x; return n`,
    );
    const cases = [1, 2, 3].map((k) => ({ id: `c${k}`, input: { values: [k, k, k] }, expected: 3 * k }));
    const result = await grade({
      pipeline: breaker,
      cases,
      score: (output, expected) => ({ score: output === expected ? 1 : 0, reason: '' }),
      gateway,
    });
    expect(result.correctness).toBe(100);
  });
});

describe('code step limits and promises', () => {
  const one = (code: string) => runPipeline(stashPipeline(code), { input: {}, gateway });

  it('resolves an async body to its value, never {}', async () => {
    const run = await one('const v = await Promise.resolve(20); return v + 1');
    expect(run.status).toBe('ok');
    expect(run.output).toBe(21);
  });

  it('resolves a returned Promise', async () => {
    const run = await one('return Promise.resolve({ a: 1 })');
    expect(run.output).toEqual({ a: 1 });
  });

  it('ends a Promise that never settles as timeout', async () => {
    const run = await one('await new Promise(() => {}); return 1');
    expect(run.status).toBe('timeout');
  });

  it('ends a rejected Promise as code_error with its reason', async () => {
    const run = await one("return Promise.reject(new Error('no such clause'))");
    expect(run.status).toBe('code_error');
    expect(run.error?.message).toMatch(/no such clause/);
  });

  it('stops a memory hog with sandbox_limit; the next case runs normally', async () => {
    const hog = stashPipeline(
      // Typed arrays reach the memory limit in a few steps with little CPU, so it is memory that stops
      // it even when a loaded machine makes the wall-clock deadline come early.
      `if (input.hog) { const a = []; for (let i = 0; i < 300; i++) a.push(new Uint8Array(4 << 20)); return a.length }
       return 'fine'`,
    );
    const result = await grade({
      pipeline: hog,
      cases: [
        { id: 'hog', input: { hog: true }, expected: 'fine' },
        { id: 'next', input: { hog: false }, expected: 'fine' },
      ],
      score: (output, expected) => ({ score: output === expected ? 1 : 0, reason: '' }),
      gateway,
      caseConcurrency: 1,
    });
    expect(result.cases.map((c) => c.status)).toEqual(['sandbox_limit', 'ok']);
    expect(result.cases[0]!.reason).toMatch(/memory/);
  });

  it('counts code CPU into the case latency, the same on every run', async () => {
    const busy = stashPipeline('let s = 0; for (let i = 0; i < 2e5; i++) s += i % 7; return s');
    const idle = stashPipeline('return 1');
    const a = await runPipeline(busy, { input: {}, gateway });
    const b = await runPipeline(busy, { input: {}, gateway });
    const c = await runPipeline(idle, { input: {}, gateway });
    expect(a.latency_ms).toBeGreaterThan(0);
    expect(b.latency_ms).toBe(a.latency_ms);
    expect(c.latency_ms).toBe(0);
  });

  it('refuses a map over more items than the per-map limit', async () => {
    const wide = pipeline(`
name: wide
budget: {}
steps:
  - id: many
    code: |
      return Array.from({ length: 5000 }, (_, i) => i)
  - id: each
    map: many
    step:
      code: return item
`);
    const run = await runPipeline(wide, { input: {}, gateway });
    expect(run.status).toBe('sandbox_limit');
    expect(run.error?.message).toMatch(/limit of 1000 per map/);
  });
});

describe('values kept in traces', () => {
  it('refuses a code result nested deeper than 64 levels, so no trace holds one', async () => {
    const deep = pipeline(`
name: deep
budget: {}
steps:
  - id: nest
    code: |
      let v = 1;
      for (let i = 0; i < input.depth; i++) v = [v];
      return v
`);
    const run = await runPipeline(deep, { input: { depth: 100 }, gateway });
    expect(run.status).toBe('sandbox_limit');
    expect(run.error?.message).toMatch(/deeper than 64 levels/);
    // Far deeper, QuickJS's own JSON.stringify runs out of stack first: still a limit, not a crash.
    expect((await runPipeline(deep, { input: { depth: 100_000 }, gateway })).status).toBe('sandbox_limit');
    expect((await runPipeline(deep, { input: { depth: 64 }, gateway })).status).toBe('ok');
  });
});

describe('built-ins that loop in C', () => {
  it.each([
    '[].includes.call({ length: 2 ** 40 }, 1)',
    'Array.prototype.lastIndexOf.call({ length: 2 ** 40 }, 1)',
    '(() => { const a = []; a.length = 2 ** 32 - 1; return a.indexOf(1) })()',
    '[].copyWithin.call({ length: 2 ** 53 - 1 }, 0, 1)',
    '[].reverse.call({ length: 2 ** 40 })',
    '[].some.call({ length: 2 ** 40 }, Boolean)',
    '[].indexOf.call({ get length() { return 2 ** 40 } }, 1)',
    '[].indexOf.call({ length: { valueOf: () => 2 ** 40 } }, 1)',
  ])('refuses %s at once instead of looping for hours', async (expression) => {
    const p = pipeline(
      `name: loop\nbudget: { max_ms: 1000 }\nsteps:\n  - id: out\n    output: "${expression}"\n`,
    );
    const run = await runPipeline(p, { input: {}, gateway });
    expect(run.status).toBe('code_error');
    expect(run.error?.message).toMatch(/walks at most 8388608 elements/);
  });

  it('still sorts, searches and reverses ordinary arrays, default sort order included', async () => {
    const p = pipeline(`
name: arrays
budget: {}
steps:
  - id: out
    code: |
      const a = [10, 9, 1, undefined, 'b', 'a', 2];
      return { sorted: [...a].sort(), toSorted: a.toSorted(), found: a.indexOf(9), has: a.includes('a'),
               reversed: [1, 2, 3].reverse(), chars: Array.prototype.map.call('abc', (c) => c + c) }
`);
    const run = await runPipeline(p, { input: {}, gateway });
    expect(run.output).toEqual({
      sorted: [1, 10, 2, 9, 'a', 'b', null],
      toSorted: [1, 10, 2, 9, 'a', 'b', null],
      found: 1,
      has: true,
      reversed: [3, 2, 1],
      chars: ['aa', 'bb', 'cc'],
    });
  });
});

describe('work a case hides from its own result', () => {
  it('ends an endless promise chain as sandbox_limit, even when the body returns at once', async () => {
    const run = await runPipeline(stashPipeline('const f = () => Promise.resolve().then(f); f(); return 1'), {
      input: {},
      gateway,
    });
    expect(run.status).toBe('sandbox_limit');
  });

  it('refuses more than 64 MiB of code results in one case, so the host does not hold them', async () => {
    const p = pipeline(`
name: big
budget: {}
steps:
  - id: ids
    code: |
      return Array.from({ length: 60 }, (_, i) => i)
  - id: each
    map: ids
    step:
      code: |
        return 'x'.repeat(4e6 - 10) + item
`);
    const run = await runPipeline(p, { input: {}, gateway });
    expect(run.status).toBe('sandbox_limit');
    expect(run.error?.message).toMatch(/more than 64 MiB of JSON in all/);
  });
});

describe('native work a case cannot hide in C', () => {
  const code = (body: string) => runPipeline(stashPipeline(body), { input: {}, gateway });

  it('refuses array methods on array-likes with a long prototype chain', async () => {
    const run = await code(`let p = null; for (let i = 0; i < 1000; i++) p = Object.create(p);
      const o = Object.create(p); Object.defineProperty(o, 'length', { value: 8e6 });
      return Array.prototype.indexOf.call(o, 1)`);
    expect(run.status).toBe('code_error');
    expect(run.error?.message).toMatch(/prototype chain/);
  });

  it('flattens in JavaScript, so shared nesting meets the deadline', async () => {
    const run = await code(
      'let x = []; for (let i = 0; i < 40; i++) x = [x, x]; return x.flat(Infinity).length',
    );
    expect(run.status).toBe('sandbox_limit');
    const ok = await code('return [[1, [2, [3, [4]]]], , 5].flat(2)');
    expect(ok.output).toEqual([1, 2, [3, [4]], 5]);
  });

  it('stops a naive search for a long needle at its deadline, not after seconds in C (issue 12)', async () => {
    const start = performance.now();
    const run = await code(`const hay = 'a'.repeat(400000) + 'b';
      const needle = 'a'.repeat(200000) + 'b';
      return hay.indexOf(needle + 'c')`);
    expect(run.status).toBe('sandbox_limit');
    expect(run.error?.message).toMatch(/String\.prototype\.indexOf/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('counts work done inside built-ins into the latency, the same on every run', async () => {
    // A handful of interpreter polls, but 4 Mi characters repeated and case-mapped in C.
    const body = "return 'x'.repeat(2 ** 22).toUpperCase().length";
    const a = await code(body);
    const b = await code(body);
    expect(a.status).toBe('ok');
    expect(a.latency_ms).toBeGreaterThan(100);
    expect(b.latency_ms).toBe(a.latency_ms);
  });

  it('checks argument lists read from array-likes', async () => {
    const run = await code('return Math.max.apply(null, { length: 2 ** 40 })');
    expect(run.status).toBe('code_error');
  });

  it('counts objects in results, not only bytes (a shared {} parses into millions)', async () => {
    const run = await runPipeline(
      pipeline(`
name: many
budget: {}
steps:
  - id: ids
    code: |
      return [1, 2, 3]
  - id: each
    map: ids
    step:
      code: |
        return new Array(500000).fill({})
`),
      { input: {}, gateway },
    );
    expect(run.status).toBe('sandbox_limit');
    expect(run.error?.message).toMatch(/objects and arrays in all/);
  });
});
