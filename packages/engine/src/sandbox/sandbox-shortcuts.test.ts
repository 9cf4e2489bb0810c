import type { QuickJSContext } from 'quickjs-emscripten';
import { MAX_VALUE_DEPTH } from '../trace/value-depth.js';
import { createQuickJSSandbox, type QuickJSSandbox } from './quickjs-sandbox.js';
import { scopeFor, snippetReads } from './snippet-reads.js';

/**
 * The sandbox's shortcuts (expressions answered on the host, snippets handed only the scope they
 * read) against QuickJS alone with the whole scope: the same values, the same errors, and
 * QuickJS's step count left at the same place (it decides the polls later code is charged).
 */

let fast: QuickJSSandbox;
let exact: QuickJSSandbox;

beforeEach(async () => {
  fast = await createQuickJSSandbox({ deadlineMs: 10_000, seed: 11 });
  exact = await createQuickJSSandbox({ deadlineMs: 10_000, seed: 11, shortcuts: false });
});
afterEach(() => {
  fast.dispose();
  exact.dispose();
});

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { d: value };
  return value;
}

function scope(): Record<string, unknown> {
  const withGetter = {};
  Object.defineProperty(withGetter, 'g', { get: () => 'got', enumerable: true });
  const hidden = {};
  Object.defineProperty(hidden, 'h', { value: 'not in JSON', enumerable: false });
  // biome-ignore lint/suspicious/noSparseArray: a hole is what is being tested.
  const holes = [1, , 3];
  return {
    item: {
      block: 'Agenda item 1: Budget\nTom: "yes"',
      n: 3,
      f: 1.5,
      neg: -0,
      t: true,
      z: null,
      u: undefined,
      holes,
      nested: { a: [{ b: 'c' }] },
      length: 7,
      '0': 'zero',
      '01': 'leading zero',
      big: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      fn: () => 1,
      when: new Date(0),
      withGetter,
      hidden,
      deep: deep(MAX_VALUE_DEPTH + 2),
    },
    input: { attendees: ['Ana', 'Ben'], meeting_date: '2024-01-02', transcript: 'x'.repeat(5000) },
    list: ['x', 'y'],
    str: 'héllo 😀',
    num: 5,
    nul: null,
    undef: undefined,
    'not-an-identifier': 1,
  };
}

const EXPRESSIONS = [
  // A path longer than the host walks (and far longer than its stack would take): QuickJS answers it.
  `input.attendees.length${'.toFixed.length'.repeat(3000)}`,
  `item.block${'.length'.repeat(2)}`,
  '"hello"',
  "'it\\'s \\u00e9'",
  '`plain`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as a learner writes it.
  '`with ${1 + 1}`',
  '42',
  '1.5',
  '1e999',
  '0x10',
  'true',
  'null',
  'item.block',
  ' item.block ',
  'item["block"]',
  "item['n']",
  'item.f',
  'item.neg',
  'item.t',
  'item.z',
  'item.u',
  'item.holes',
  'item.holes[1]',
  'item.holes[2]',
  'item.holes[5]',
  'item.holes.length',
  'item.holes["1"]',
  'item.holes["01"]',
  'item.holes[1.5]',
  'item.nested.a[0].b',
  'item.nested["a"][0]["b"]',
  'item.nested',
  'item.length',
  'item["length"]',
  'item[0]',
  'item["0"]',
  'item["01"]',
  'item.big',
  'item.inf',
  'item.fn',
  'item.when',
  'item.withGetter.g',
  'item.hidden.h',
  'item.deep',
  'item.deep.d',
  'item.__proto__',
  'item["__proto__"]',
  'item.constructor',
  'item.toString',
  'item.hasOwnProperty',
  'item.missing',
  'item.missing.x',
  'nul.x',
  'undef.x',
  'undef',
  'str.length',
  'str[0]',
  'num.x',
  'num.toFixed',
  'list[0]',
  'list.length',
  'list.map',
  'input.attendees',
  'input.attendees.join(", ")',
  'input.meeting_date + "T12:00:00Z"',
  'missingName',
  'missingName.x',
  'item?.block',
  '(item.block)',
  'item.block // a comment',
  'item . block',
  'item.block; 1',
  'item.block) + (1',
  'Math.PI',
  'Math.random()',
  'JSON.stringify(item.nested)',
  `item${'.d'.repeat(0)}.nested.a[0]`,
];

const BODIES = [
  'return input.attendees.length',
  'return Object.keys(input)',
  'return Object.keys(item).length',
  'return arguments[0].input.attendees',
  "return eval('input.meeting_date')",
  'return Math.random()',
  'return [Math.random(), Math.max(1, 2)]',
  'const x = input; return x.meeting_date',
  'input.extra = 1; return Object.keys(input)',
  'delete input.meeting_date; return input.meeting_date',
  'return input.hasOwnProperty("attendees")',
  'return input.attendees.hasOwnProperty',
  'return typeof input.transcript',
  'return [1, 2].map((item) => item * 2)',
  'return { input: 1, item }.item.block',
  'return this',
  'let item = 1; return item',
  'return input["meeting_date"]',
  'return input.attendees.join(", ") + item.block',
  'return str.length + num',
  'return [...item.holes]',
  'return (() => { try { return undef.x } catch (e) { return String(e) } })()',
  'return await Promise.resolve(input.meeting_date)',
  // A directive is a SyntaxError in a function whose parameters are destructured, names read or not.
  "'use strict'; return 1",
  "'use strict'; return input.meeting_date",
  'return typeof __scope',
];

/** Steps until QuickJS next polls: equal in two sandboxes when their step counts stand at the same place. */
function stepsToNextPoll(sandbox: QuickJSSandbox): number {
  const context = (sandbox as unknown as { context: QuickJSContext }).context;
  const before = sandbox.usage.polls;
  let steps = 0;
  while (sandbox.usage.polls === before) {
    const result = context.evalCode('0');
    (result.error ?? result.value).dispose();
    steps++;
  }
  return steps;
}

function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: `${(error as { code?: string }).code}: ${(error as Error).message}` };
  }
}

describe('sandbox shortcuts against QuickJS with the whole scope', () => {
  it('answers every expression alike and leaves the step count alike', () => {
    const differences: string[] = [];
    // Twice: the second round finds every snippet compiled, as later cases of a map do.
    for (const round of [1, 2]) {
      for (const expression of EXPRESSIONS) {
        const got = outcome(() => fast.evaluate(expression, scope()));
        const want = outcome(() => exact.evaluate(expression, scope()));
        expect({ expression, got }).toEqual({ expression, got: want });
        if (round === 2 && EXPRESSIONS.indexOf(expression) % 7 !== 0) continue;
        const steps = [stepsToNextPoll(fast), stepsToNextPoll(exact)];
        if (steps[0] !== steps[1])
          differences.push(`${expression}: ${steps[0]} vs ${steps[1]} steps to a poll`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('runs every body alike, with its polls and Math.random, and leaves the step count alike', async () => {
    for (const body of BODIES) {
      const polls = [fast.usage.polls, exact.usage.polls];
      const got = outcome(() => fast.run(body, scope()));
      const want = outcome(() => exact.run(body, scope()));
      expect({ body, got }).toEqual({ body, got: want });
      expect(fast.usage.polls - polls[0]!).toBe(exact.usage.polls - polls[1]!);
      expect({ body, steps: stepsToNextPoll(fast) }).toEqual({ body, steps: stepsToNextPoll(exact) });
    }
  });

  it('charges a code body the same polls after many answered expressions', async () => {
    const loop = 'let s = 0; for (let i = 0; i < 25000; i++) s += i; return s';
    for (let i = 0; i < 40; i++) {
      for (const expression of [
        '"literal"',
        'item["block"]',
        'item.nested',
        'item.z',
        'input.attendees.join(", ")',
      ])
        expect(fast.evaluate(expression, scope())).toEqual(exact.evaluate(expression, scope()));
      const before = [fast.usage.polls, exact.usage.polls];
      fast.run(loop, scope());
      exact.run(loop, scope());
      expect(fast.usage.polls - before[0]!).toBe(exact.usage.polls - before[1]!);
    }
  });
});

describe('snippetReads', () => {
  const read = (kind: 'expression' | 'body', source: string) => {
    const reads = snippetReads(kind, source);
    return reads.whole
      ? 'whole'
      : {
          bare: [...reads.bare].sort(),
          members: Object.fromEntries([...reads.members].map(([k, v]) => [k, [...v].sort()])),
        };
  };

  it('finds the names a snippet reads, and the keys of names read only as name.key', () => {
    expect(read('expression', 'input.attendees.join(", ") + item.block')).toEqual({
      bare: [],
      members: { input: ['attendees'], item: ['block'] },
    });
    expect(read('body', 'const { a: b, c } = x; return { key: y, [z]: 1, c }.key + q[r] + obj.k')).toEqual({
      bare: ['b', 'c', 'q', 'r', 'x', 'y', 'z'],
      members: { obj: ['k'] },
    });
  });

  it('hands the whole scope to snippets that could see more than they name', () => {
    for (const source of [
      'arguments[0]',
      'eval("x")',
      'Function("return 1")()',
      'globalThis.x',
      'this',
      'Math.random()',
      'Math["rand" + "om"]()',
      'Object.values(Math)',
      'x.constructor',
      'a +',
    ])
      expect({ source, reads: read('expression', source) }).toEqual({ source, reads: 'whole' });
  });

  it('cuts a name read only as name.key down to those keys when it has them all as own data', () => {
    const reads = snippetReads('expression', 'input.a + input.b + other.missing + list.length');
    const seen = scopeFor(reads, ['input', 'list', 'other', 'unused'], {
      input: { a: 1, b: 2, c: 3 },
      list: [1, 2],
      other: { present: 1 },
      unused: 'x',
    });
    expect(seen).toEqual({
      names: ['input', 'list', 'other'],
      scope: { input: { a: 1, b: 2 }, list: [1, 2], other: { present: 1 } },
    });
  });
});
