import { createQuickJSSandbox } from '../sandbox/quickjs-sandbox.js';
import { freeNames, JS_GLOBALS } from './free-names.js';
import { type CodeKind, parseSnippet } from './js-parse.js';

const uses = (source: string, kind: CodeKind = 'body') => {
  const parsed = parseSnippet(source, kind);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.problem)}`);
  return freeNames(parsed.ast);
};
const names = (source: string, kind: CodeKind = 'body') => uses(source, kind).map((use) => use.name);

describe('freeNames', () => {
  it('lists every use of an outside name with its offset, in source order', () => {
    expect(uses("value.type !== 'x' || value.risk", 'expression')).toEqual([
      { name: 'value', offset: 0, locals: [] },
      { name: 'value', offset: 22, locals: [] },
    ]);
  });

  it('does not count property names, object keys, class members or labels', () => {
    const body = [
      'outer: for (const x of list) { if (x) continue outer; else break outer; }',
      'class K { field = 1; method() { return this.field; } #p = 2; get g() { return this.#p; } }',
      'return { a: 1, "b": 2, c() {} }.a?.d.e;',
    ].join('\n');
    expect(names(body)).toEqual(['list']);
  });

  it('counts shorthand properties, computed keys, typeof and assignments as uses', () => {
    expect(names('return { a, [b]: 1, c: d }')).toEqual(['a', 'b', 'd']);
    expect(names("return typeof undeclared === 'undefined'")).toEqual(['undeclared']);
    expect(names('total = 1; [x, y = z] = pair; ({ u } = obj); for (w of ws) {}')).toEqual([
      'total',
      'x',
      'y',
      'z',
      'pair',
      'u',
      'obj',
      'w',
      'ws',
    ]);
  });

  it('lets a local shadow a step id, only where it is in scope', () => {
    expect(names('const input = 1; return input')).toEqual([]);
    expect(names('[clauses].map((clauses) => clauses)', 'expression')).toEqual(['clauses']);
    expect(names('function f(rated) { return rated } return rated', 'body')).toEqual(['rated']);
  });

  it('keeps let, const and class in their block, and hoists var and functions to the function', () => {
    expect(names('{ const t = 1; } return t')).toEqual(['t']);
    expect(names('if (input) { let y = 1; } else { y; }')).toEqual(['input', 'y']);
    expect(names('{ class C {} } return C')).toEqual(['C']);
    expect(names('{ var v = 1; } return v')).toEqual([]);
    expect(names('return f(); function f() { return g; }')).toEqual(['g']);
    expect(names('for (let i = 0; i < n; i++) { var last = i; } return [i, last]')).toEqual(['n', 'i']);
    expect(names('for (const k in input) {} return k')).toEqual(['input', 'k']);
    expect(names('switch (input) { case 1: let s = 2; return s; default: return s; } return s')).toEqual([
      'input',
      's',
    ]);
    expect(names('try { risky(); } catch ({ message }) { return message; } return message')).toEqual([
      'risky',
      'message',
    ]);
  });

  it('binds parameters with destructuring and defaults, and sees closures', () => {
    const body = [
      'const { a = b, [c]: d, ...rest } = input;',
      'const [first, [second] = [e]] = list;',
      'const add = (x, { y } = {}) => (z) => x + y + z + w;',
      'return [a, d, rest, first, second, add(1)(2)];',
    ].join('\n');
    expect(names(body)).toEqual(['b', 'c', 'input', 'e', 'list', 'w']);
  });

  it('gives a named function expression and a named class expression their own name only inside', () => {
    const body = 'const f = function g(n) { return n ? g(n - 1) : 0; };\nreturn g';
    // The locals visible at the use feed "did you mean" hints.
    expect(uses(body)).toEqual([{ name: 'g', offset: body.lastIndexOf('g'), locals: ['f'] }]);
    expect(names('const C = class D { m() { return D; } }; return [C, D]')).toEqual(['D']);
  });

  it('resolves names inside class bodies, static blocks and async functions', () => {
    const body = [
      'class A extends Base { #n = seed; static { var s = 1; } m() { return A; } }',
      'const go = async () => (await Promise.all(items.map(async (it) => await it))).length;',
      'return [new A(), s, await go()];',
    ].join('\n');
    expect(names(body)).toEqual(['Base', 'seed', 'Promise', 'items', 's']);
  });

  it('never counts arguments, which every function (and the wrapper) has', () => {
    expect(names('return arguments.length')).toEqual([]);
  });
});

describe('JS_GLOBALS', () => {
  it('is exactly the global object of the sandbox: no name the sandbox lacks, none it has missing', async () => {
    const sandbox = await createQuickJSSandbox();
    try {
      const globals = sandbox.evaluate('Object.getOwnPropertyNames(globalThis)', {}) as string[];
      expect([...globals].sort()).toEqual([...JS_GLOBALS].sort());
    } finally {
      sandbox.dispose();
    }
  });
});
