import { jest } from '@jest/globals';
import { createQuickJSSandbox, type QuickJSSandbox } from './quickjs-sandbox.js';
import { SandboxError } from './types.js';

let sandbox: QuickJSSandbox;

beforeAll(async () => {
  sandbox = await createQuickJSSandbox({ deadlineMs: 200, seed: 7 });
});
afterAll(() => sandbox.dispose());

function failure(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('expected a SandboxError');
}

describe('QuickJSSandbox basics', () => {
  it('evaluates an expression with scope variables', () => {
    expect(sandbox.evaluate('a + b.c', { a: 1, b: { c: 2 } })).toBe(3);
  });

  it('runs a function body and returns its JSON value', () => {
    const body = "return input.split(',').map((t, i) => ({ n: i + 1, t }))";
    expect(sandbox.run(body, { input: 'x,y' })).toEqual([
      { n: 1, t: 'x' },
      { n: 2, t: 'y' },
    ]);
  });

  it('returns undefined when the body returns nothing', () => {
    expect(sandbox.run('const x = 1;', {})).toBeUndefined();
  });

  it('reports a thrown error as code_error with its message', () => {
    const error = failure(() => sandbox.run("throw new Error('nope')", {}));
    expect(error.code).toBe('code_error');
    expect(error.message).toMatch(/nope/);
  });

  it('reports a reference to an unknown variable as code_error', () => {
    expect(failure(() => sandbox.evaluate('missing + 1', {})).code).toBe('code_error');
  });

  it('reports a syntax error as code_error', () => {
    expect(failure(() => sandbox.evaluate('a +', { a: 1 })).code).toBe('code_error');
    expect(failure(() => sandbox.run('const x = 1;\nlet = ;', {})).message).toMatch(/SyntaxError/);
  });

  it('makes Math.random deterministic for the same code and scope', () => {
    const a = sandbox.evaluate('[Math.random(), Math.random()]', { x: 1 });
    const b = sandbox.evaluate('[Math.random(), Math.random()]', { x: 1 });
    expect(a).toEqual(b);
    expect((a as number[])[0]).not.toBe((a as number[])[1]);
  });

  it('gives Date a fixed clock', () => {
    expect(sandbox.evaluate('Date.now()', {})).toBe(Date.UTC(2024, 0, 1));
    expect(sandbox.evaluate('new Date().toISOString()', {})).toBe('2024-01-01T00:00:00.000Z');
    expect(sandbox.evaluate("new Date('2020-05-01').getUTCFullYear()", {})).toBe(2020);
  });
});

describe('QuickJSSandbox against hostile code', () => {
  it('interrupts an infinite loop with sandbox_limit and keeps working', () => {
    expect(failure(() => sandbox.run('while (true) {}', {})).code).toBe('sandbox_limit');
    expect(sandbox.evaluate('1 + 1', {})).toBe(2);
  });

  it('stops a memory bomb with sandbox_limit and keeps working', async () => {
    const small = await createQuickJSSandbox({ memoryBytes: 8 * 1024 * 1024, deadlineMs: 5000 });
    const error = failure(() => small.run('const a = []; while (true) a.push(new Array(1e5).fill(1));', {}));
    expect(error.code).toBe('sandbox_limit');
    expect(small.evaluate('[1, 2].length', {})).toBe(2);
    small.dispose();
  });

  it('stops a string-doubling bomb', () => {
    expect(failure(() => sandbox.run("let s = 'x'; while (true) s += s;", {})).code).toBe('sandbox_limit');
    expect(sandbox.evaluate('2 * 3', {})).toBe(6);
  });

  it('stops deep recursion with sandbox_limit and keeps working', () => {
    expect(failure(() => sandbox.run('function f() { return f() + 1 } return f()', {})).code).toBe(
      'sandbox_limit',
    );
    expect(sandbox.run('function g(n) { return n ? g(n - 1) + 1 : 0 } return g(500)', {})).toBe(500);
  });

  it('has no host objects: the Function constructor finds no process', () => {
    const error = failure(() => sandbox.evaluate("constructor.constructor('return process')()", {}));
    expect(error.code).toBe('code_error');
    expect(
      sandbox.evaluate('typeof require + typeof process + typeof fetch + typeof globalThis.std', {}),
    ).toBe('undefinedundefinedundefinedundefined');
  });

  it('keeps prototype pollution inside the sandbox and out of the next evaluation', () => {
    try {
      sandbox.run('Object.prototype.polluted = 1; Array.prototype.map = () => 42;', {});
    } catch {
      // Frozen intrinsics make the assignment throw in strict mode; either way nothing may leak.
    }
    sandbox.run("try { ({}).__proto__.evil = 'yes' } catch {}; return 1", {
      x: JSON.parse('{"__proto__": {"a": 1}}'),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
    expect(sandbox.evaluate('({}).polluted', {})).toBeUndefined();
    expect(sandbox.evaluate('[1, 2].map((x) => x * 2)', {})).toEqual([2, 4]);
  });

  it('keeps globals from one evaluation out of the next', () => {
    failure(() => sandbox.run('leaked = 5', {}));
    expect(failure(() => sandbox.evaluate('leaked', {})).code).toBe('code_error');
    sandbox.run('try { globalThis.other = 1 } catch {} return 0', {});
    expect(sandbox.evaluate('typeof other', {})).toBe('undefined');
  });

  it('cannot replace Math.random or Date for later evaluations', () => {
    sandbox.run('try { Math.random = () => 0.5 } catch {} try { Date.now = () => 1 } catch {} return 0', {});
    expect(sandbox.evaluate('Date.now()', {})).toBe(Date.UTC(2024, 0, 1));
    expect(sandbox.evaluate('Math.random()', {})).not.toBe(0.5);
  });

  it('rejects an oversized output with sandbox_limit', async () => {
    const small = await createQuickJSSandbox({ maxOutputBytes: 1000 });
    expect(failure(() => small.evaluate("'x'.repeat(5000)", {})).code).toBe('sandbox_limit');
    expect(small.evaluate("'ok'", {})).toBe('ok');
    small.dispose();
  });

  it('contains a huge output that exhausts memory', () => {
    const error = failure(() => sandbox.evaluate("Array.from({ length: 5e6 }, (_, i) => 'item' + i)", {}));
    expect(error.code).toBe('sandbox_limit');
    expect(sandbox.evaluate('[1].concat([2])', {})).toEqual([1, 2]);
  });

  it('reports a thrown non-Error value', () => {
    expect(failure(() => sandbox.run("throw 'plain'", {})).message).toMatch(/plain/);
  });
});

describe('QuickJSSandbox deadline counted in polls', () => {
  // A loop of a fixed number of iterations: the same polls on every machine.
  const loop = (n: number) => `let s = 0; for (let i = 0; i < ${n}; i++) s += i % 7; return s`;

  function pollsOf(box: QuickJSSandbox, body: string): number {
    const before = box.usage.polls;
    box.run(body, {});
    return box.usage.polls - before;
  }

  it('finishes code within its polls however slow the host clock runs', async () => {
    const box = await createQuickJSSandbox({ deadlineMs: 100, seed: 1 });
    try {
      // Find a loop that needs about half the 800 polls the 100 ms deadline allows.
      let n = 20_000;
      while (pollsOf(box, loop(n)) < 400) n *= 2;
      // A host so busy that 1 ms passes between two polls: by the clock the code runs far past its
      // 100 ms deadline, by its polls it stays within it.
      let now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockImplementation(() => (now += 1));
      try {
        expect(typeof box.run(loop(n), {})).toBe('number');
      } finally {
        clock.mockRestore();
      }
    } finally {
      box.dispose();
    }
  });

  it('stops an endless loop at the same poll on every run', async () => {
    const box = await createQuickJSSandbox({ deadlineMs: 100, seed: 1 });
    try {
      const used = [1, 2].map(() => {
        const before = box.usage.polls;
        const error = failure(() => box.run('for (;;) {}', {}));
        expect(error.code).toBe('sandbox_limit');
        expect(error.message).toMatch(/ran longer than 100 ms \(counted in interpreter steps/);
        return box.usage.polls - before;
      });
      expect(used[0]).toBe(used[1]);
      expect(used[0]).toBeGreaterThan(800);
      expect(used[0]).toBeLessThan(810);
    } finally {
      box.dispose();
    }
  });
});
