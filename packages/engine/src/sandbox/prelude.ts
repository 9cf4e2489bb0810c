/**
 * Runs once in every fresh sandbox context, before any user code. It makes the context
 * deterministic (seeded Math.random, fixed Date), then freezes every intrinsic and the global
 * object, so that code cannot change what later code in the same case sees (each case has a
 * context of its own; nothing survives it). It returns the invoker the host calls:
 * (compiled fn, scope JSON, seed) → result JSON, undefined, or a Promise of either.
 *
 * Freezing walks everything reachable from globalThis (own properties, accessors, prototypes) plus
 * the intrinsics that no global names and only instances reach (INSTANCE_ONLY_INTRINSICS); the
 * sandbox tests walk the same graph from the outside and fail on any object left unfrozen.
 */
export const PRELUDE = (nowMs: number): string => {
  const cached = built.get(nowMs);
  if (cached) return cached;
  const source = compact(`
(function () {
  'use strict';
  const NOW = ${Number(nowMs)};
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const PromiseResolve = Promise.resolve.bind(Promise);
  const then = Function.prototype.call.bind(Promise.prototype.then);
  let state = 0;
  // mulberry32: small, fast, good enough for sampling in user code.
  const random = function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Object.defineProperty(Math, 'random', { value: random, writable: false, configurable: false });

  const RealDate = Date;
  function FixedDate(...args) {
    if (!new.target) return new RealDate(NOW).toString();
    return args.length === 0 ? new RealDate(NOW) : new RealDate(...args);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = function now() { return NOW; };
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FixedDate });
  globalThis.Date = FixedDate;

  ${NATIVE_LOOP_GUARDS}

  ${INSTANCE_ONLY_INTRINSICS}

  const freeze = Object.freeze;
  const ownKeys = Reflect.ownKeys;
  const describe = Object.getOwnPropertyDescriptor;
  const protoOf = Object.getPrototypeOf;
  const isLengthName = (a, b) => (a === 'length' && b === 'name') || (a === 'name' && b === 'length');
  // Every intrinsic starts extensible and is frozen when visited: not extensible means done.
  const isExtensible = Object.isExtensible;
  const stack = [globalThis, ...instanceOnlyIntrinsics()];
  const push = (v) => {
    if ((typeof v === 'object' || typeof v === 'function') && v !== null && isExtensible(v)) stack.push(v);
  };
  while (stack.length) {
    const value = stack.pop();
    if (!isExtensible(value)) continue;
    freeze(value);
    const keys = ownKeys(value);
    // Most intrinsics are plain built-in methods whose only own properties are a number and a
    // string (length, name): frozen, nothing to walk into but their prototype.
    if (keys.length === 2 && typeof value === 'function' && isLengthName(keys[0], keys[1])) {
      push(protoOf(value));
      continue;
    }
    for (let i = 0; i < keys.length; i++) {
      const d = describe(value, keys[i]);
      if (d.get || d.set) { push(d.get); push(d.set); } else push(d.value);
    }
    push(protoOf(value));
  }

  return function invoke(fn, scopeJson, seed) {
    state = seed | 0;
    const result = fn(parse(scopeJson));
    if ((typeof result === 'object' || typeof result === 'function') && result !== null && typeof result.then === 'function') {
      return then(PromiseResolve(result), (value) => (value === undefined ? undefined : stringify(value)));
    }
    return result === undefined ? undefined : stringify(result);
  };
})()
`);
  if (built.size > 16) built.clear();
  built.set(nowMs, source);
  return source;
};

/** Built preludes by clock value (one in practice). */
const built = new Map<number, string>();

/** The longest array (or array-like) a built-in array method may walk: 8,388,608 elements. */
export const MAX_ARRAY_LIKE_LENGTH = 2 ** 23;

/**
 * QuickJS checks its deadline only while it runs JavaScript; a built-in array method walking an
 * array-like of length 2^40 (`[].includes.call({ length: 2 ** 40 }, 1)`) loops in C for hours
 * without allocating. Every Array.prototype method is wrapped (before freezing) to refuse a
 * receiver longer than any array the memory cap allows, or whose length could change between the
 * check and the call (an accessor, or an object with valueOf); the default sort compares in
 * JavaScript, so a big sort still meets the deadline.
 */
const NATIVE_LOOP_GUARDS = `
  (function () {
    const MAX = ${MAX_ARRAY_LIKE_LENGTH};
    const ArrayProto = Array.prototype;
    const isArray = Array.isArray;
    const isView = ArrayBuffer.isView;
    const apply = Reflect.apply;
    const define = Object.defineProperty;
    const describeOwn = Object.getOwnPropertyDescriptor;
    const protoOf = Object.getPrototypeOf;
    const toObject = Object;
    const toNumber = Number;
    const typedLength = Function.prototype.call.bind(
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array).prototype, 'length').get,
    );
    const isDataView = (v) => v instanceof DataView;
    // Each missing index is looked up along the whole prototype chain, in C: a long chain makes
    // every element cost as much as a loop.
    const MAX_CHAIN = 16;
    const lengthOf = (receiver) => {
      if (receiver === null || receiver === undefined) return 0;
      const object = toObject(receiver);
      let depth = 0;
      for (let o = protoOf(object); o !== null; o = protoOf(o)) if (++depth > MAX_CHAIN) return Infinity;
      if (isArray(object)) return object.length;
      if (isView(object)) return isDataView(object) ? 0 : typedLength(object);
      for (let o = object; o !== null; o = protoOf(o)) {
        const d = describeOwn(o, 'length');
        if (!d) continue;
        if (!('value' in d)) return Infinity;
        const v = d.value;
        return (typeof v === 'object' && v !== null) || typeof v === 'function' ? Infinity : toNumber(v);
      }
      return 0;
    };
    const check = (receiver, name) => {
      const n = lengthOf(receiver);
      if (!(n <= MAX) && n === n) {
        throw new RangeError(name + ' on a length of ' + (n === Infinity ? 'unknown size (or a long prototype chain)' : n) +
          ': the sandbox walks at most ' + MAX + ' elements');
      }
    };
    // flat walks nested arrays in C however often they repeat ([x, x] forty deep is 2^40 visits):
    // written here in JavaScript, it meets the deadline like any loop.
    const flatInto = (target, source, depth) => {
      check(source, 'Array.prototype.flat');
      const n = source.length;
      for (let i = 0; i < n; i++) {
        if (!(i in source)) continue;
        const element = source[i];
        if (depth > 0 && isArray(element)) flatInto(target, element, depth - 1);
        else target[target.length] = element;
      }
      return target;
    };
    const flat = {
      flat(depth) {
        const d = depth === undefined ? 1 : Math.trunc(toNumber(depth));
        return flatInto([], toObject(this), d > 0 ? d : 0);
      },
    }.flat;
    // Argument lists are read from array-likes in C too.
    const guardArgs = (target, key, position) => {
      const original = target[key];
      const guarded = {
        [key](...args) {
          if (args[position] !== undefined && args[position] !== null) check(args[position], key);
          return apply(original, this, args);
        },
      }[key];
      define(guarded, 'length', { value: original.length });
      define(target, key, { value: guarded, writable: true, enumerable: false, configurable: true });
    };
    guardArgs(Function.prototype, 'apply', 1);
    guardArgs(Reflect, 'apply', 2);
    guardArgs(Reflect, 'construct', 1);
    const compareAsStrings = (a, b) => {
      const x = String(a), y = String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    };
    // Iterators step from JavaScript; push, pop and at touch one element: no loop to guard.
    const skip = new Set(['constructor', 'values', 'keys', 'entries', 'push', 'pop', 'at']);
    for (const key of Reflect.ownKeys(ArrayProto)) {
      if (skip.has(key) || typeof key === 'symbol') continue;
      const original = ArrayProto[key];
      if (typeof original !== 'function') continue;
      const sorts = key === 'sort' || key === 'toSorted';
      if (key === 'flat') {
        define(flat, 'length', { value: 0 });
        define(ArrayProto, key, { value: flat, writable: true, enumerable: false, configurable: true });
        continue;
      }
      const guarded = {
        [key](...args) {
          check(this, key);
          if (sorts && args[0] === undefined) args[0] = compareAsStrings;
          return apply(original, this, args);
        },
      }[key];
      define(guarded, 'length', { value: original.length });
      define(ArrayProto, key, { value: guarded, writable: true, enumerable: false, configurable: true });
    }
  })();
`;

/**
 * The intrinsics of ECMAScript (and of QuickJS) that no global property leads to: only an instance
 * does. Written from the spec's list of well-known intrinsics; a test checks that a walk from the
 * outside finds nothing unfrozen beyond these.
 */
export const INSTANCE_ONLY_INTRINSICS = `
  function instanceOnlyIntrinsics() {
    const found = [];
    const add = (f) => { try { const v = f(); if (v) found.push(v); } catch (e) {} };
    const protoOf = Object.getPrototypeOf;
    function* gen() {}
    async function asyncFn() {}
    async function* asyncGen() {}
    add(() => protoOf([][Symbol.iterator]()));                      // %ArrayIteratorPrototype%
    add(() => protoOf(protoOf([][Symbol.iterator]())));             // %IteratorPrototype%
    add(() => protoOf(new Map()[Symbol.iterator]()));               // %MapIteratorPrototype%
    add(() => protoOf(new Set()[Symbol.iterator]()));               // %SetIteratorPrototype%
    add(() => protoOf(''[Symbol.iterator]()));                      // %StringIteratorPrototype%
    add(() => protoOf(/a/g[Symbol.matchAll]('')));                  // %RegExpStringIteratorPrototype%
    add(() => protoOf(gen));                                        // %GeneratorFunction.prototype%
    add(() => protoOf(gen).constructor);                            // %GeneratorFunction%
    add(() => protoOf(gen).prototype);                              // %GeneratorPrototype%
    add(() => protoOf(gen()));                                      // a generator's prototype chain
    add(() => protoOf(asyncFn));                                    // %AsyncFunction.prototype%
    add(() => protoOf(asyncFn).constructor);                        // %AsyncFunction%
    add(() => protoOf(asyncGen));                                   // %AsyncGeneratorFunction.prototype%
    add(() => protoOf(asyncGen).constructor);                       // %AsyncGeneratorFunction%
    add(() => protoOf(asyncGen).prototype);                         // %AsyncGeneratorPrototype%
    add(() => protoOf(protoOf(asyncGen).prototype));                // %AsyncIteratorPrototype%
    add(() => protoOf(Int8Array));                                  // %TypedArray%
    add(() => Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get); // %ThrowTypeError%
    add(() => (function () { return Object.getOwnPropertyDescriptor(arguments, 'callee').get; })());
    add(() => protoOf([].values().map((x) => x)));                  // %IteratorHelperPrototype%
    add(() => protoOf(Iterator.from({ next() { return { done: true }; } }))); // %WrapForValidIteratorPrototype%
    add(() => protoOf(Array.prototype[Symbol.unscopables]));
    return found;
  }
`;

/**
 * The prelude without its comments and indentation: QuickJS compiles it once per case, at about
 * 10 KiB a millisecond, so every byte left out is time saved. Only whole-line comments go, so no
 * string or regex is touched.
 */
function compact(source: string): string {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
}
