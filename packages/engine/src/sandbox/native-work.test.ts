import { createQuickJSSandbox, type QuickJSSandbox } from './quickjs-sandbox.js';
import { SandboxError } from './types.js';

/**
 * Built-ins written in C run to their end without polling QuickJS's interrupt handler, so before
 * the prelude metered them one call could search naively for minutes past a 1 s deadline and count
 * 0 ms (issue 12). Each attack below must now end within its deadline as sandbox_limit; real time
 * is asserted loosely (a regression would take tens of seconds, not 5).
 */
const DEADLINE_MS = 300;

let sandbox: QuickJSSandbox;
beforeAll(async () => {
  sandbox = await createQuickJSSandbox({ deadlineMs: DEADLINE_MS, seed: 3 });
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

/** Runs a body that must be stopped; returns the error and the real milliseconds it took. */
function stopped(body: string): { error: SandboxError; ms: number } {
  const start = performance.now();
  const error = failure(() => sandbox.run(body, {}));
  return { error, ms: performance.now() - start };
}

const A = (n: number) => `'a'.repeat(${n})`;

describe('built-in work in C meets the deadline', () => {
  it.each([
    ['indexOf (the reported 400k/200k search)', `return (${A(4e5)} + 'b').indexOf(${A(2e5)} + 'bc')`],
    ['indexOf from a position', `return (${A(4e5)} + 'b').indexOf(${A(2e5)} + 'bc', 7)`],
    ['lastIndexOf', `return ('b' + ${A(4e5)}).lastIndexOf(${A(2e5)} + 'c')`],
    ['includes', `return (${A(4e5)} + 'b').includes(${A(2e5)} + 'bc')`],
    ['split by a long string', `return (${A(4e5)} + 'b').split(${A(2e5)} + 'c').length`],
    ['replace of a long string', `return (${A(4e5)} + 'b').replace(${A(2e5)} + 'c', 'x').length`],
    ['replaceAll of a long string', `return (${A(4e5)} + 'b').replaceAll(${A(2e5)} + 'c', 'x').length`],
    [
      'a needle converted from an object',
      `const n = { toString: () => ${A(2e5)} + 'c' }; return (${A(4e5)} + 'b').indexOf(n)`,
    ],
    [
      'startsWith in a loop (each compares a million characters)',
      `const s = ${A(1e6)}, t = ${A(1e6 - 1)} + 'b'; let k = 0; for (let i = 0; i < 1e4; i++) k += s.startsWith(t) ? 1 : 0; return k`,
    ],
    [
      'a short indexOf over a long text in a loop',
      `const s = ${A(1e6)}; let k = 0; for (let i = 0; i < 1e4; i++) k += s.indexOf('b'); return k`,
    ],
    [
      'Array.prototype.includes in a loop',
      'const a = new Array(1e6).fill(0); let k = 0; for (let i = 0; i < 1e4; i++) k += a.includes(1) ? 1 : 0; return k',
    ],
    [
      'Array.prototype.indexOf of long equal-length strings',
      `const s = ${A(1e5)}; const a = new Array(1000).fill(s); let k = 0; for (let i = 0; i < 1e4; i++) k += a.indexOf(${A(1e5 - 1)} + 'b'); return k`,
    ],
    [
      'Array.prototype.join in a loop',
      "const a = new Array(1e6).fill('ab'); let k = 0; for (let i = 0; i < 1e4; i++) k += a.join(',').length; return k",
    ],
    [
      'toUpperCase in a loop',
      `const s = ${A(1e6)}; let k = 0; for (let i = 0; i < 1e4; i++) k += s.toUpperCase().length; return k`,
    ],
    [
      'normalize in a loop',
      "const s = '\\u00e9'.repeat(1e5); let k = 0; for (let i = 0; i < 1e4; i++) k += s.normalize('NFD').length; return k",
    ],
    [
      'localeCompare in a loop',
      `const s = ${A(1e6)}, t = ${A(1e6)} + 'b'; let k = 0; for (let i = 0; i < 1e4; i++) k += s.localeCompare(t); return k`,
    ],
    ['JSON.parse of a large text', "return JSON.parse('[' + '1,'.repeat(1e7) + '1]').length"],
    [
      'JSON.parse in a loop',
      `const t = '[' + '{"x":"abc","y":[1,2]},'.repeat(1e4) + '1]'; let k = 0; for (let i = 0; i < 1e4; i++) k += JSON.parse(t).length; return k`,
    ],
    [
      'JSON.stringify of an object skipping a million properties per visit',
      'const o = {}; for (let i = 0; i < 2e4; i++) o["k" + i] = undefined; return JSON.stringify(new Array(1e4).fill(o)).length',
    ],
    ['a typed array sorted in C', 'return new Uint8Array(4e7).sort()[0]'],
    [
      'Set.prototype.union in a loop',
      'const a = new Set(Array.from({ length: 1e5 }, (_, i) => i)); let k = 0; for (let i = 0; i < 1e4; i++) k += a.union(a).size; return k',
    ],
    ['a catastrophic RegExp (test)', `return /(a+)+$/.test(${A(30)} + 'b')`],
    ['a catastrophic RegExp (match)', `return (${A(30)} + 'b').match(/(a+)+$/)`],
    ['a catastrophic RegExp (replace)', `return (${A(30)} + 'b').replace(/(a+)+$/, 'x')`],
    ['a catastrophic RegExp (split)', `return (${A(30)} + 'b').split(/(a+)+$/)`],
    ['a catastrophic RegExp (search)', `return (${A(30)} + 'b').search(/(a+)+$/)`],
    ['a catastrophic RegExp (matchAll)', `return [...(${A(30)} + 'b').matchAll(/(a+)+$/g)].length`],
    [
      'many RegExp executions from one replace, each just under the poll interval',
      `return ${A(1e5)}.replace(/a{0,4000}b|a/g, '').length`,
    ],
    ['many RegExp executions from one match', `return ${A(1e5)}.match(/a{0,4000}b|a/g).length`],
    ['many RegExp executions from one split', `return ${A(1e5)}.split(/a{0,4000}b/).length`],
    ['many RegExp executions from one replaceAll', `return ${A(1e5)}.replaceAll(/a{0,4000}b|a/g, '').length`],
  ])('stops %s', (_name, body) => {
    const { error, ms } = stopped(body);
    expect(error.code).toBe('sandbox_limit');
    expect(error.message).toMatch(new RegExp(`ran longer than ${DEADLINE_MS} ms`));
    expect(ms).toBeLessThan(5000);
    expect(sandbox.evaluate('1 + 1', {})).toBe(2);
  });

  it('names the built-in that went over', () => {
    const { error } = stopped(`return (${A(4e5)} + 'b').indexOf(${A(2e5)} + 'bc')`);
    expect(error.message).toMatch(/String\.prototype\.indexOf/);
  });

  it('ends the call even when the code catches the interruption', () => {
    const { error, ms } = stopped(`
      const s = ${A(4e5)} + 'b', n = ${A(2e5)} + 'bc';
      for (let i = 0; i < 100; i++) { try { s.indexOf(n) } catch (e) {} }
      return 'survived'`);
    expect(error.code).toBe('sandbox_limit');
    expect(ms).toBeLessThan(5000);
  });

  it('refuses, before doing it, work that would exceed the deadline by itself', () => {
    // 12 MB of JSON is more than 8 polls of work per millisecond of a 300 ms deadline allow.
    const body = `const t = '[' + '1,'.repeat(6e6) + '1]'; return JSON.parse(t).length`;
    const { error } = stopped(body);
    expect(error.message).toMatch(/JSON\.parse did more work than the deadline allows/);
  });
});

describe('ordinary built-in use is unchanged', () => {
  const csv = 'id,name,email,score,notes\n'.repeat(40_000); // 1 MB
  const doc = 'The quick brown fox, id 42, wrote to fox@example.com about notes with some words.\n'.repeat(
    1300,
  );

  let roomy: QuickJSSandbox;
  beforeAll(async () => {
    roomy = await createQuickJSSandbox({ deadlineMs: 5000 });
  });
  afterAll(() => roomy.dispose());

  it('splits a 1 MB CSV by lines and fields', () => {
    const body =
      "const rows = csv.split('\\n').map((l) => l.split(',')); return [rows.length, rows[3], csv.split(',').length]";
    expect(roomy.run(body, { csv })).toEqual([40_001, ['id', 'name', 'email', 'score', 'notes'], 160_001]);
  });

  it('searches a long text for short and long needles', () => {
    const body = `let k = 0, i = 0; while ((i = doc.indexOf(',', i)) >= 0) { k++; i++; }
      return [k, doc.indexOf('fox@example.com about notes'), doc.lastIndexOf('The quick brown fox, id'),
        doc.includes('wrote to fox@example.com'), doc.indexOf('absent needle of some length'), doc.lastIndexOf('x', 100)]`;
    const expected = [
      2600,
      doc.indexOf('fox@example.com about notes'),
      doc.lastIndexOf('The quick brown fox, id'),
      true,
      -1,
      doc.lastIndexOf('x', 100),
    ];
    expect(roomy.run(body, { doc })).toEqual(expected);
  });

  it('runs common regular expressions over 100 KB with the same results', () => {
    const body = `return [doc.split(/\\r?\\n/).length, doc.split(/,\\s*/).length, doc.match(/\\w+@\\w+\\.com/g).length,
      doc.replace(/(\\w+)@(\\w+)/g, '$2 at $1').length, doc.replace(/\\d+/g, (m) => String(m * 2)).slice(0, 40),
      [...doc.matchAll(/id (\\d+)/g)].length, doc.search(/notes/), /fox/.test(doc), doc.split(/(,)/, 5)]`;
    const expected = [
      doc.split(/\r?\n/).length,
      doc.split(/,\s*/).length,
      doc.match(/\w+@\w+\.com/g)!.length,
      doc.replace(/(\w+)@(\w+)/g, '$2 at $1').length,
      doc.replace(/\d+/g, (m) => String(Number(m) * 2)).slice(0, 40),
      [...doc.matchAll(/id (\d+)/g)].length,
      doc.search(/notes/),
      true,
      doc.split(/(,)/, 5),
    ];
    expect(roomy.run(body, { doc })).toEqual(expected);
  });

  it('charges built-in work to the call, the same on every run', () => {
    const body = "return csv.split('\\n').length";
    const polls = () => {
      const before = roomy.usage.polls;
      roomy.run(body, { csv });
      return roomy.usage.polls - before;
    };
    const first = polls();
    expect(first).toBeGreaterThan(0);
    expect(polls()).toBe(first);
    expect(polls()).toBe(first);
  });

  it('keeps the conversions and errors of the spec', () => {
    const body = `let calls = 0; const needle = { toString() { calls++; return 'cd'; } };
      const out = [String.prototype.indexOf.call(12345, 34), 'abcdcd'.lastIndexOf(needle), 'abcd'.includes(needle, 1),
        'abcd'.split(needle), 'abcdcd'.replace(needle, '[$&|$\`|$\\'|$$|$1]'), 'xcdcdx'.replaceAll('cd', (m, p) => p),
        'aXbXc'.split('X', 2), 'abc'.split(undefined), 'abc'.split(''), 'abc'.indexOf('', 9), 'abc'.lastIndexOf('', 1)];
      const errors = [() => String.prototype.indexOf.call(null, 'a'), () => 'a'.indexOf(Symbol('s')),
        () => 'a'.includes(/a/), () => 'a'.startsWith(/a/), () => 'a'.replaceAll(/a/, 'b'), () => 'a'.indexOf('a', 1n)]
        .map((f) => { try { f(); return 'no error'; } catch (e) { return e.name; } });
      return [out, calls, errors]`;
    const expected = [
      [
        String.prototype.indexOf.call(12345, '34'),
        'abcdcd'.lastIndexOf('cd'),
        'abcd'.includes('cd', 1),
        'abcd'.split('cd'),
        'abcdcd'.replace('cd', "[$&|$`|$'|$$|$1]"),
        'xcdcdx'.replaceAll('cd', (_m, p) => String(p)),
        'aXbXc'.split('X', 2),
        ['abc'],
        ['a', 'b', 'c'],
        3,
        1,
      ],
      4,
      ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError'],
    ];
    expect(roomy.run(body, {})).toEqual(expected);
  });

  it('splits, replaces and matches with a RegExp the code changed, as the spec says', () => {
    const body = `let execs = 0;
      class Sep extends RegExp { exec(s) { execs++; return super.exec(s); } }
      const own = /,/g;
      Object.defineProperty(own, 'exec', { value(s) { execs += 100; return RegExp.prototype.exec.call(this, s); } });
      const long = 'a,b;'.repeat(2000);
      return [own[Symbol.split]('a,b,c'), 'a,b'.split(new Sep(',')), 'a,b'.replace(new Sep(',', 'g'), ';'),
        long.replace(own, '.').length, long.match(new Sep(';', 'g')).length, execs]`;
    const local = new Function(body) as () => unknown;
    expect(roomy.run(body, {})).toEqual(local());
  });

  it('replaces and matches over long texts one execution at a time with the same results as V8', () => {
    // Over 4,096 characters a pattern that is not linear runs in the guard's own loop, not in C.
    const text = 'ab aab  ba\ud83d\ude00b bbaa a '.repeat(250);
    const body = `const out = [];
      for (const [source, flags] of [['(a)+(b)?', 'g'], ['(?<x>a)|(?<y>b)', 'gu'], ['a|', 'g'], ['(?=a)', 'g'], ['b+a?', 'gy'], ['(?:)', 'gu']]) {
        for (const template of ['[$1|$2|$&|$$]', '<$<x>$<y>>', '$01$10$0$', '$<x']) {
          const r = new RegExp(source, flags);
          out.push(text.replace(r, template).length, text.replace(r, template).slice(0, 60), r.lastIndex);
        }
        out.push(text.replace(new RegExp(source, flags), (...a) => a.length + ':' + a[a.length - 2 - (typeof a[a.length - 1] === 'object' ? 1 : 0)]).slice(-80));
        out.push((text.match(new RegExp(source, flags)) || []).length, text.replaceAll(new RegExp(source, flags), '-').length);
      }
      return out`;
    const local = new Function('text', body) as (text: string) => unknown;
    expect(roomy.run(body, { text })).toEqual(JSON.parse(JSON.stringify(local(text))));
  });

  it('gives the same answers as V8 on random strings, needles and patterns', () => {
    let seed = 12;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const text = (alphabet: readonly string[], max: number) =>
      Array.from({ length: Math.floor(random() * max) }, () => pick(alphabet)).join('');
    const alphabets = [
      ['a'],
      ['a', 'b'],
      ['a', 'b', 'c'],
      ['a', '\ud83d\ude00', 'b', '\ud83d', '\ude00'],
    ] as const;
    const calls = [
      'S.indexOf(T, P)',
      'S.lastIndexOf(T, P)',
      'S.includes(T, P)',
      'S.startsWith(T, P)',
      'S.endsWith(T, P)',
      'S.split(T, L)',
      'S.replace(T, R)',
      'S.replaceAll(T, R)',
      'S.replaceAll(T, (...a) => a.join("/"))',
      'S.split(new RegExp(X, F), L)',
      'S.indexOf(T)',
      'S.lastIndexOf(T)',
    ];
    const body = `return [${calls.map((c) => `(() => { try { return ${c} } catch (e) { return e.name } })()`).join(', ')}]`;
    const local = new Function('S', 'T', 'R', 'P', 'L', 'X', 'F', body) as (...args: unknown[]) => unknown;
    for (let k = 0; k < 250; k++) {
      const alphabet = pick(alphabets);
      const scope = {
        S: text(alphabet, 200),
        T: text(alphabet, 12),
        R: pick(['$&', '$$', '$`', "$'", '$1', '<$<x>>', '', '$', "a$&b$`c$'d$$e"]),
        P: pick([null, 0, 1, 3, -2, 100, 2.5]),
        L: pick([null, 0, 1, 2, 5]),
        X: pick(['a', 'a*', '(a)|(b)', '', 'b+', '(?=a)', 'a|', '\\b', '(?<=a)b', '(a)(b)?', '[^b]+']),
        F: pick(['', 'g', 'u', 'y', 'i', 'd', 'v', 's']),
      };
      // The sandbox sees null for a missing position or limit (scope is JSON); so does V8 here.
      const args = Object.values(scope).map((v) => (v === null ? undefined : v));
      const expected = JSON.parse(JSON.stringify(local(...args)));
      const body2 = `const P = p === null ? undefined : p, L = l === null ? undefined : l;\n${body}`;
      const got = roomy.run(body2, {
        S: scope.S,
        T: scope.T,
        R: scope.R,
        p: scope.P,
        l: scope.L,
        X: scope.X,
        F: scope.F,
      });
      expect({ scope, got }).toEqual({ scope, got: expected });
    }
  });
});
