/**
 * Runs once per sandbox context, before any user code. It makes the context deterministic (seeded
 * Math.random, fixed Date), then freezes every intrinsic and the global object so that user code
 * cannot leave anything behind for the next evaluation (prototype pollution, globals). It returns
 * the invoker the host calls: (compiled fn, scope JSON, seed) → result JSON or undefined.
 */
export const PRELUDE = (nowMs: number): string => `
(function () {
  'use strict';
  const NOW = ${Number(nowMs)};
  const parse = JSON.parse;
  const stringify = JSON.stringify;
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

  const seen = new Set();
  const freeze = (value) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const desc = Object.getOwnPropertyDescriptor(value, key);
      if (!desc) continue;
      if ('value' in desc) freeze(desc.value);
      else { freeze(desc.get); freeze(desc.set); }
    }
    freeze(Object.getPrototypeOf(value));
  };
  const invoke = function invoke(fn, scopeJson, seed) {
    state = seed | 0;
    const result = fn(parse(scopeJson));
    return result === undefined ? undefined : stringify(result);
  };
  freeze(globalThis);
  // Generator and async function prototypes are not reachable from globalThis by name.
  freeze(Object.getPrototypeOf(function* () {}));
  freeze(Object.getPrototypeOf(async function () {}));
  freeze(Object.getPrototypeOf(async function* () {}));
  return invoke;
})()
`;
