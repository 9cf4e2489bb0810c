import { createQuickJSSandbox, type QuickJSSandbox } from './quickjs-sandbox.js';

/**
 * An outside check of the prelude's freezing, written without its list: instances of every kind
 * the language can make are created here, and everything reachable from them (prototype chains,
 * accessors, properties) or from globalThis must be frozen. A writable intrinsic is a channel
 * between code steps, and a way to break the code that runs after.
 */
const PROBES = [
  '[][Symbol.iterator]()',
  '[].entries()',
  'new Map().entries()',
  'new Set().values()',
  "''[Symbol.iterator]()",
  "/a/g[Symbol.matchAll]('aa')",
  '(function* () {})',
  // A generator object's own prototype is its function's fresh `prototype`; the shared one is next.
  'Object.getPrototypeOf((function* () {})())',
  '(async function () {})',
  '(async function () {})()',
  '(async function* () {})',
  'Object.getPrototypeOf((async function* () {})())',
  '(() => {})',
  '(class {})',
  'new Int8Array(1)',
  'new Float64Array(1).entries()',
  'new BigInt64Array(1)',
  'new ArrayBuffer(1)',
  'new SharedArrayBuffer(1)',
  'new DataView(new ArrayBuffer(1))',
  'Promise.resolve(1)',
  'new Promise(() => {})',
  'new WeakMap()',
  'new WeakSet()',
  "new Error('x')",
  "new AggregateError([], 'x')",
  '(() => { try { null.x } catch (e) { return e } })()',
  "(function () { 'use strict'; return arguments })()",
  '(function () { return arguments })()',
  "Object.getOwnPropertyDescriptor(Function.prototype, 'caller')",
  "/x/.exec('x')",
  'new RegExp("a", "g")',
  'new Date()',
  'Symbol("s")',
  'Object(Symbol("s"))',
  'Object(1n)',
  'Object("s")',
  'Object(1)',
  'Object(true)',
  '[].values().map((x) => x)',
  '[].values().filter(Boolean)',
  'Iterator.from({ next() { return { done: true } } })',
  '[1].values().take(1)',
  'Array.prototype[Symbol.unscopables]',
  'String.raw',
  "((s) => s)`a${'$'}{1}b`",
  'JSON.rawJSON ? JSON.rawJSON("1") : null',
];

const WALK = `(() => {
  const probes = [${PROBES.map((p) => `() => ${p}`).join(',\n')}];
  const roots = [{ value: globalThis, path: 'globalThis' }];
  for (const [i, make] of probes.entries()) {
    let value;
    try { value = make(); } catch { continue; }
    if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
      // The probe instance is code's own object; what it leads to is shared.
      const at = 'probe ' + i + ' ' + make.toString().slice(6, 60);
      roots.push({ value: Object.getPrototypeOf(value), path: at + ' <proto>' });
      for (const key of Reflect.ownKeys(value)) {
        const d = Object.getOwnPropertyDescriptor(value, key);
        if (d.get) roots.push({ value: d.get, path: at + '.' + String(key) + '<get>' });
        if (d.set) roots.push({ value: d.set, path: at + '.' + String(key) + '<set>' });
      }
    }
  }
  const seen = new Set();
  const open = [];
  const stack = roots;
  while (stack.length) {
    const { value, path } = stack.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (!Object.isFrozen(value)) open.push(path);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      const at = path + '.' + String(key);
      if ('value' in d) stack.push({ value: d.value, path: at });
      else { stack.push({ value: d.get, path: at + '<get>' }); stack.push({ value: d.set, path: at + '<set>' }); }
    }
    stack.push({ value: Object.getPrototypeOf(value), path: path + '.<proto>' });
  }
  return { visited: seen.size, open };
})()`;

let sandbox: QuickJSSandbox;
beforeAll(async () => {
  sandbox = await createQuickJSSandbox({ deadlineMs: 10_000 });
});
afterAll(() => sandbox.dispose());

describe('frozen intrinsics', () => {
  it('leaves no object reachable from globals or from any kind of instance unfrozen', () => {
    const { visited, open } = sandbox.evaluate(WALK, {}) as { visited: number; open: string[] };
    expect(open).toEqual([]);
    expect(visited).toBeGreaterThan(400);
  });

  it('refuses a write to an iterator prototype, so iteration keeps working for later code', () => {
    const attempt = sandbox.run(
      `const proto = Object.getPrototypeOf([][Symbol.iterator]());
       try { proto.next = () => ({ done: true }); return 'written' } catch (e) { return e.name }`,
      {},
    );
    expect(attempt).toBe('TypeError');
    expect(sandbox.run('let n = 0; for (const x of [1, 2, 3]) n += x; return n', {})).toBe(6);
  });

  it('refuses writes to generator, async and typed-array intrinsics', () => {
    const names = sandbox.run(
      `const targets = [
         Object.getPrototypeOf(function* () {}).prototype,
         Object.getPrototypeOf(async function () {}),
         Object.getPrototypeOf(Int8Array).prototype,
         Object.getPrototypeOf(/a/g[Symbol.matchAll]('a')),
       ];
       return targets.map((t) => { try { t.planted = 1; return 'written' } catch (e) { return e.name } })`,
      {},
    );
    expect(names).toEqual(['TypeError', 'TypeError', 'TypeError', 'TypeError']);
  });
});
