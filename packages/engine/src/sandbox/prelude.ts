/**
 * Runs once in every fresh sandbox context, before any user code. It makes the context
 * deterministic (seeded Math.random, fixed Date), then freezes every intrinsic and the global
 * object, so that code cannot change what later code in the same case sees (each case has a
 * context of its own; nothing survives it). It returns the invoker the host calls:
 * (compiled fn, scope JSON, seed) → result JSON, undefined, or a Promise of either.
 *
 * Before freezing it also meters the built-ins that can do large work in C, where QuickJS never
 * checks its deadline (WORK_METER, NATIVE_LOOP_GUARDS, NATIVE_WORK_GUARDS).
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
  const freeze = Object.freeze;
  const ownKeys = Reflect.ownKeys;
  const describe = Object.getOwnPropertyDescriptor;
  const protoOf = Object.getPrototypeOf;
  const reflectApply = Reflect.apply;
  const hostMeter = globalThis.${METER_GLOBAL};
  const guardsSource = globalThis.${GUARDS_GLOBAL};
  delete globalThis.${METER_GLOBAL};
  delete globalThis.${GUARDS_GLOBAL};
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

  ${WORK_METER}

  ${NATIVE_LOOP_GUARDS}

  ${NATIVE_WORK_GUARDS}

  ${INSTANCE_ONLY_INTRINSICS}

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
    meter.units = 0;
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

/**
 * The globals the host puts its meter and the guards' sources on, for the prelude to take (and
 * delete) before any user code.
 */
export const METER_GLOBAL = '__repsWorkMeter';
export const GUARDS_GLOBAL = '__repsWorkGuards';

/**
 * Work units per interrupt poll. A unit is about half a nanosecond of C work on the reference
 * machine (QuickJS in WebAssembly on one core, where a poll of bytecode takes ~0.14 ms), so a poll
 * of charged work takes about as long as a poll of bytecode.
 */
export const WORK_UNITS_PER_POLL = 2 ** 18;

/**
 * What one element, character or call of C work is charged, in work units: measured on the
 * reference machine and rounded to a power of two (or down, never far up).
 */
const W = {
  /** A place a string search tries (QuickJS compares there, without a first-character scan). */
  scan: 8,
  /** A character compared where a long needle's first characters were found. */
  compare: 2,
  /** A substring a split makes. */
  piece: 64,
  /** A character case-mapped or normalized. */
  caseMap: 16,
  /** An array element compared in a search. */
  element: 8,
  /** An array element converted and joined. */
  joined: 32,
  /** An array element copied into a new array (slice, concat). */
  copyElement: 64,
  /** An array element moved in place (reverse, splice, shift). */
  move: 2,
  /** A character of JSON parsed or produced. */
  json: 64,
  /** A value JSON.stringify visits (a property, an element), output or not. */
  jsonVisit: 256,
  /** A regular expression execution (it polls on its own past ~10,000 steps). */
  exec: 1024,
  /** A character a global replace or match in C may try a match at. */
  regexChar: 32,
  /** A typed array element walked. */
  typed: 4,
  /** A typed array element sorted, per halving (n log2 n of these). */
  typedSort: 32,
  /** A set element walked by a set operation. */
  setElement: 64,
} as const;

/**
 * QuickJS polls its interrupt handler only while it runs bytecode (once per ~10,000 steps) and
 * inside regular expressions: a built-in written in C runs to its end unpolled, so one call to
 * `'a'.repeat(4e5).indexOf('a'.repeat(2e5) + 'b')` ran 40 s of naive search past a 1 s deadline
 * and counted 0 ms (issue 12). The prelude therefore meters the built-ins that can do large work
 * in one call: each charges the work it will do (from lengths known before the call) or did (from
 * the length of what it made) to `meter.units`, and every WORK_UNITS_PER_POLL units go to the host
 * as polls (hostMeter). They count as CPU like the interpreter's polls, deterministically (lengths,
 * never clocks), and the host answers whether the call must stop: past its wall-clock deadline,
 * or charged more than its deadline allows. Then the built-in throws before its work, and the host
 * ends the call even if the code catches that.
 */
const WORK_METER = `
  const POLL = ${WORK_UNITS_PER_POLL};
  const floor = Math.floor;
  const InternalErr = InternalError;
  const meter = { units: 0 };
  const flush = (what) => {
    const polls = floor(meter.units / POLL);
    meter.units -= polls * POLL;
    if (hostMeter(polls, what)) throw new InternalErr('interrupted in ' + what);
  };
  const charge = (units, what) => {
    if (units > 0 && (meter.units += units) >= POLL) flush(what);
  };
`;

/**
 * The metered built-ins (besides Array.prototype's, NATIVE_LOOP_GUARDS, and the case mapping,
 * repeating and padding ones, NATIVE_WORK_GUARDS), by owner, with the unit of guards each belongs
 * to. Before freezing, each gets a stand-in that calls its guard, from its unit compiled only when
 * a case first calls one (compiling is most of what a fresh sandbox costs). Left alone: copies
 * (slice, substring, concat, typed-array fill and set) and linear walks (Object.keys and kin,
 * Array.from, typed-array searches and join), which cost what `+`, `===`, `{...o}` and `[...a]`
 * cost and nothing can meter, and the set predicates (isSubsetOf and kin), whose calls of has()
 * the interpreter counts.
 */
const METERED = `[
  [String.prototype, 'String.prototype.', 'strings', ['indexOf', 'includes', 'lastIndexOf', 'startsWith', 'endsWith',
    'split', 'replace', 'replaceAll', 'localeCompare']],
  [RegExp.prototype, 'RegExp.prototype', 'regexp', [Symbol.split, Symbol.replace, Symbol.match]],
  [JSON, 'JSON.', 'json', ['parse', 'stringify']],
  [Set.prototype, 'Set.prototype.', 'sized', ['union', 'intersection', 'difference', 'symmetricDifference']],
  [protoOf(Int8Array).prototype, '%TypedArray%.prototype.', 'sized', ['sort', 'toSorted']],
]`;

/**
 * The guards of the METERED built-ins, in units: each unit is a function body compiled (with
 * `Function`, in the case's own context) on the first call of one of its built-ins, given the
 * meter, the originals and `unit` (to reach another unit), and returns its guards by name. A case
 * pays for compiling only what it calls. Each guard takes a short path for the common call — for a
 * string method a string receiver and a needle QuickJS searches in linear time, which it then
 * searches as it is — and leaves the rest to the slow unit (SLOW_GUARDS).
 */
const STRING_GUARDS = `
  'use strict';
  const { meter, POLL, flush, charge, apply, originals: o, unit } = m;
  const SH = 4, SCAN = ${W.scan}, PIECE = ${W.piece}, P = 'String.prototype.', slice = String.prototype.slice;
  const indexOf = o[P + 'indexOf'], lastIndexOf = o[P + 'lastIndexOf'], split = o[P + 'split'], replaceAll = o[P + 'replaceAll'];
  // A string needle QuickJS searches a string for in time linear in the string: at most SH
  // characters, or a search of at most 2^16 comparisons in all.
  const short = (O, t) => typeof O === 'string' && typeof t === 'string' && (t.length <= SH || O.length * t.length <= 65536);
  const trunc = Math.trunc;
  // Where a search with a number (or no) position starts, clamped to [0, n]; -1 for other positions.
  const from = (p, n, last) => (p === undefined || p !== p ? (last ? n : 0) : typeof p !== 'number' ? -1 : p > 0 ? (p < n ? trunc(p) : n) : 0);
  // Converted once here, so that the original converts nothing (and null, undefined and symbols
  // still throw from it).
  const once = (v) => (typeof v === 'string' || typeof v === 'symbol' || v === undefined || v === null ? v : String(v));
  const guards = {
    [P + 'indexOf'](O, t, p) {
      const i = short(O, t) ? from(p, O.length, false) : -1;
      if (i < 0) return unit('slow')[P + 'indexOf'](O, t, p);
      const j = indexOf.call(O, t, i);
      if ((meter.units += ((j < 0 ? O.length : j + 1) - i) * SCAN) >= POLL) flush(P + 'indexOf');
      return j;
    },
    [P + 'includes'](O, t, p) {
      const i = short(O, t) ? from(p, O.length, false) : -1;
      if (i < 0) return unit('slow')[P + 'includes'](O, t, p);
      const j = indexOf.call(O, t, i);
      if ((meter.units += ((j < 0 ? O.length : j + 1) - i) * SCAN) >= POLL) flush(P + 'includes');
      return j >= 0;
    },
    [P + 'lastIndexOf'](O, t, p) {
      const i = short(O, t) ? from(p, O.length, true) : -1;
      if (i < 0) return unit('slow')[P + 'lastIndexOf'](O, t, p);
      const j = lastIndexOf.call(O, t, i);
      if ((meter.units += (i - j + 1) * SCAN) >= POLL) flush(P + 'lastIndexOf');
      return j;
    },
    [P + 'split'](O, sep, lim) {
      // A RegExp (or any separator with a Symbol.split of its own), straight to it.
      if (O !== undefined && O !== null && typeof sep === 'object' && sep !== null) {
        const splitter = sep[Symbol.split];
        if (splitter !== undefined && splitter !== null) return apply(splitter, sep, [O, lim]);
      }
      if (lim !== undefined || !short(O, sep)) return unit('slow')[P + 'split'](O, sep, lim);
      const parts = split.call(O, sep);
      if ((meter.units += O.length * SCAN + parts.length * PIECE) >= POLL) flush(P + 'split');
      return parts;
    },
    [P + 'replace'](O, v, r) {
      if (typeof O === 'string' && typeof v === 'object' && v !== null) {
        const regexp = unit('regexp');
        if (regexp.plain(v)) return regexp.replace(v, O, r);
      }
      if (!short(O, v) || typeof r !== 'string' || indexOf.call(r, '$') >= 0) return unit('slow').replace(O, v, r, false);
      const j = indexOf.call(O, v);
      if ((meter.units += (j < 0 ? O.length : j + 1) * SCAN + O.length) >= POLL) flush(P + 'replace');
      return j < 0 ? O : slice.call(O, 0, j) + r + slice.call(O, j + v.length);
    },
    [P + 'replaceAll'](O, v, r) {
      if (!short(O, v)) return unit('slow').replace(O, v, r, true);
      if ((meter.units += O.length * SCAN) >= POLL) flush(P + 'replaceAll');
      const out = replaceAll.call(O, v, r);
      if ((meter.units += out.length) >= POLL) flush(P + 'replaceAll');
      return out;
    },
    [P + 'localeCompare'](O, that) {
      const S = once(O), T = once(that);
      charge(((typeof S === 'string' ? S.length : 0) + (typeof T === 'string' ? T.length : 0)) * ${W.caseMap}, P + 'localeCompare');
      return o[P + 'localeCompare'].call(S, T);
    },
  };
  for (const key of ['startsWith', 'endsWith']) {
    const original = o[P + key];
    guards[P + key] = (O, t, p) => {
      if (typeof O !== 'string' || typeof t !== 'string') return unit('slow').compareAt(O, t, p, key, original);
      if ((meter.units += t.length + SCAN) >= POLL) flush(P + key);
      return original.call(O, t, p);
    };
  }
  return guards;
`;

/**
 * A global replace or match of a plain RegExp runs in C, charged for every place a match could be
 * tried, when the text is short or the pattern linear (below); otherwise in the slow unit, one
 * charged execution at a time: QuickJS's loop in C resets the RegExp's poll counter at every
 * execution, so each may take ~10,000 steps unseen (/a{0,4000}b|a/g over 'a'.repeat(1e5): 16 s in
 * one call). QuickJS splits by a RegExp trying a sticky match at every position (a million
 * executions for a 1 MB text); a plain RegExp here searches from match to match, with the same
 * result.
 */
const REGEXP_GUARDS = `
  'use strict';
  const { meter, POLL, flush, charge, apply, describe, protoOf, ownKeys, originals: o, unit } = m;
  const PIECE = ${W.piece}, EXEC = ${W.exec}, SP = String.prototype, RP = RegExp.prototype;
  const slice = SP.slice, charCodeAt = SP.charCodeAt, indexOf = o['String.prototype.indexOf'];
  const exec = o['RegExp.prototype.exec'], flagsOf = describe(RP, 'flags').get;
  const str = (v) => (typeof v === 'string' ? v : unit('slow').str(v));
  // A RegExp the code has not changed (no own property but lastIndex, RegExp.prototype as its
  // prototype, which is frozen): its behaviour is the spec's, so it may be run another way.
  const plain = (rx) => typeof rx === 'object' && rx !== null && protoOf(rx) === RP && ownKeys(rx).length === 1;
  const LOOP_IN_C = 4096, CHAR = ${W.regexChar}, patterns = new Map();
  // Whether every execution stays within (pattern length) steps per place it passes: no
  // alternation, and at most one quantifier, followed by nothing but closing parentheses, so no
  // execution can try much and then match little (/\\s+/, /(\\w+)/, /[^,]*/, /-/ are).
  const linear = (source) => {
    let known = patterns.get(source);
    if (known !== undefined) return known;
    known = true;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\\\') i++;
      else if (c === '[') for (i++; i < source.length && source[i] !== ']'; i++) { if (source[i] === '\\\\') i++; }
      else if (c === '(' && source[i + 1] === '?') i++;
      else if (c === '|') known = false;
      else if (c === '*' || c === '+' || c === '?' || c === '{') {
        if (c === '{' && (i = indexOf.call(source, '}', i)) < 0) known = false;
        if (source[i + 1] === '?') i++;
        for (i++; i < source.length; i++) if (source[i] !== ')') known = false;
      }
      if (!known) break;
    }
    if (patterns.size > 255) patterns.clear();
    patterns.set(source, known);
    return known;
  };
  // What a global replace or match in C is charged, or 0 when it must run one execution at a time.
  const inC = (rx, S) => {
    if (!rx.global) return EXEC;
    const source = rx.source;
    return S.length <= LOOP_IN_C || linear(source) ? EXEC + (S.length + 1) * CHAR * (1 + (source.length >> 3)) : 0;
  };
  const replace = (rx, S, r) => {
    const w = 'RegExp.prototype[Symbol.replace]', units = inC(rx, S);
    if (units === 0) return unit('slow').replaceLoop(rx, S, r);
    if ((meter.units += units) >= POLL) flush(w);
    return o[w].call(rx, S, r);
  };
  return {
    plain,
    replace,
    'RegExp.prototype[Symbol.replace]'(O, string, replaceValue) {
      if (!plain(O)) return apply(o['RegExp.prototype[Symbol.replace]'], O, [string, replaceValue]);
      return replace(O, str(string), replaceValue);
    },
    'RegExp.prototype[Symbol.match]'(O, string) {
      const w = 'RegExp.prototype[Symbol.match]';
      if (!plain(O)) return apply(o[w], O, [string]);
      const S = str(string), units = inC(O, S);
      if (units === 0) return unit('slow').matchLoop(O, S);
      if ((meter.units += units) >= POLL) flush(w);
      return o[w].call(O, S);
    },
    'RegExp.prototype[Symbol.split]'(O, string, limit) {
      const rx = O, w = 'RegExp.prototype[Symbol.split]';
      // A RegExp the code changed (own properties, another prototype) splits as the spec says, in C.
      if (!plain(rx)) return apply(o[w], rx, [string, limit]);
      const S = str(string), flags = flagsOf.call(rx);
      const n = limit === undefined ? 4294967295 : +limit >>> 0;
      const unicode = indexOf.call(flags, 'u') >= 0 || indexOf.call(flags, 'v') >= 0;
      let searchFlags = indexOf.call(flags, 'g') >= 0 ? flags : flags + 'g';
      const y = indexOf.call(searchFlags, 'y');
      if (y >= 0) searchFlags = slice.call(searchFlags, 0, y) + slice.call(searchFlags, y + 1);
      const splitter = new RegExp(rx, searchFlags), parts = [], size = S.length;
      if (n === 0) return parts;
      charge(EXEC, w);
      if (size === 0) return exec.call(splitter, S) === null ? [S] : parts;
      let p = 0, q = 0;
      while (q < size) {
        splitter.lastIndex = q;
        if ((meter.units += EXEC) >= POLL) flush(w);
        const z = exec.call(splitter, S);
        if (z === null || z.index >= size) break;
        const j = z.index, e = splitter.lastIndex < size ? splitter.lastIndex : size;
        if (e === p) {
          const c = unicode && j + 1 < size ? charCodeAt.call(S, j) : 0;
          const d = c >= 0xd800 && c <= 0xdbff ? charCodeAt.call(S, j + 1) : 0;
          q = d >= 0xdc00 && d <= 0xdfff ? j + 2 : j + 1;
          continue;
        }
        parts[parts.length] = slice.call(S, p, j);
        if (parts.length === n) return parts;
        p = e;
        for (let i = 1; i < z.length; i++) {
          parts[parts.length] = z[i];
          if (parts.length === n) return parts;
        }
        q = p;
      }
      parts[parts.length] = slice.call(S, p, size);
      charge(parts.length * PIECE, w);
      return parts;
    },
  };
`;

/**
 * JSON.stringify visits every property, output or not (undefined and functions are skipped in
 * silence), so one call over a shared object with many could take hours: a replacer sees, and
 * charges, each visit.
 */
const JSON_GUARDS = `
  'use strict';
  const { meter, POLL, flush, charge, apply, originals: o } = m;
  const isArray = Array.isArray;
  const visit = (key, value) => {
    if ((meter.units += ${W.jsonVisit}) >= POLL) flush('JSON.stringify');
    return value;
  };
  return {
    'JSON.parse'(O, text, reviver) {
      const t = typeof text === 'string' || typeof text === 'symbol' || text === undefined || text === null ? text : String(text);
      if (typeof t === 'string') charge(t.length * ${W.json}, 'JSON.parse');
      return o['JSON.parse'].call(JSON, t, reviver);
    },
    'JSON.stringify'(O, value, replacer, space) {
      let through = (typeof value === 'object' && value !== null) || typeof value === 'function' ? visit : replacer;
      if (typeof replacer === 'function') {
        through = function (key, v) {
          if ((meter.units += ${W.jsonVisit}) >= POLL) flush('JSON.stringify');
          return apply(replacer, this, [key, v]);
        };
      } else if (isArray(replacer)) {
        charge(replacer.length * ${W.jsonVisit}, 'JSON.stringify');
        through = replacer;
      }
      const out = o['JSON.stringify'].call(JSON, value, through, space);
      if (typeof out === 'string') charge(out.length * ${W.json}, 'JSON.stringify');
      return out;
    },
  };
`;

/** Typed arrays sort (numerically, without a callback: n log n) in C; sets combine in C. */
const SIZED_GUARDS = `
  'use strict';
  const { charge, apply, describe, protoOf, ownKeys, originals: o } = m;
  const guards = {}, floor = Math.floor, log2 = Math.log2, slice = String.prototype.slice;
  const sized = (name, sizeOf, weight) => {
    for (const w of ownKeys(o)) {
      if (slice.call(w, 0, name.length) !== name) continue;
      const original = o[w], sorts = w === name + 'sort' || w === name + 'toSorted';
      guards[w] = (O, args) => {
        let n = 0;
        try { n = sizeOf.call(O); } catch (e) {}
        charge(n * (sorts && args[0] === undefined ? ${W.typedSort} * (1 + floor(log2(n + 1))) : weight), w);
        return apply(original, O, args);
      };
    }
  };
  sized('%TypedArray%.prototype.', describe(protoOf(Int8Array).prototype, 'length').get, ${W.typed});
  sized('Set.prototype.', describe(Set.prototype, 'size').get, ${W.setElement});
  return guards;
`;

/**
 * The slow unit of the guards (see STRING_GUARDS): the general paths, compiled on the first call
 * that takes one.
 *
 * QuickJS searches a string by comparing the needle at every place, up to the needle's length at
 * each (`'a'.repeat(4e5).indexOf('a'.repeat(2e5) + 'b')`: 8·10^10 comparisons). Here a needle
 * longer than SH characters is found by its first SH characters in C, and each candidate is
 * compared whole and charged whole: the same answers, an ordinary search as fast, and a
 * pathological one stopped by the meter.
 */
const SLOW_GUARDS = `
  'use strict';
  const { meter, POLL, flush, charge, apply, describe, originals: o } = m;
  const SH = 4, SCAN = ${W.scan}, PIECE = ${W.piece}, EXEC = ${W.exec}, P = 'String.prototype.';
  const trunc = Math.trunc, SP = String.prototype, RP = RegExp.prototype, slice = SP.slice, charCodeAt = SP.charCodeAt;
  const indexOf = o[P + 'indexOf'], lastIndexOf = o[P + 'lastIndexOf'], startsWith = o[P + 'startsWith'];
  const split = o[P + 'split'], replaceAll = o[P + 'replaceAll'], exec = o['RegExp.prototype.exec'];
  const source = describe(RP, 'source').get, flagsOf = describe(RP, 'flags').get;
  const fail = (message) => { throw new TypeError(message); };
  const str = (v) => (typeof v === 'string' ? v : typeof v === 'symbol' ? fail('cannot convert symbol to string') : String(v));
  const self = (v) => (v === undefined || v === null ? fail('cannot convert ' + v + ' to object') : str(v));
  // ToIntegerOrInfinity clamped to [0, n] (+v throws for symbols and bigints, as ToNumber does).
  const at = (v, n) => { const x = +v; return x > 0 ? (x < n ? trunc(x) : n) : 0; };
  const isObj = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const isRe = (v) => {
    if (!isObj(v)) return false;
    const matcher = v[Symbol.match];
    if (matcher !== undefined) return !!matcher;
    try { source.call(v); return v !== RP; } catch (e) { return false; }
  };
  const noRe = (v) => { if (isRe(v)) fail('regexp not supported'); };
  // First index at or after i of T in S, or -1.
  const find = (S, T, i, w) => {
    const n = S.length, m = T.length;
    if (m <= SH) {
      const j = indexOf.call(S, T, i);
      charge(((j < 0 ? n : j + 1) - i) * SCAN, w);
      return j;
    }
    const head = slice.call(T, 0, SH);
    while (i + m <= n) {
      const j = indexOf.call(S, head, i);
      charge(((j < 0 ? n : j + 1) - i) * SCAN, w);
      if (j < 0 || j + m > n) break;
      charge(m * ${W.compare}, w);
      if (startsWith.call(S, T, j)) return j;
      i = j + 1;
    }
    return -1;
  };
  // Last index at or before i of T in S, or -1, the same way backwards.
  const findLast = (S, T, i, w) => {
    const m = T.length;
    if (m <= SH) {
      const j = lastIndexOf.call(S, T, i);
      charge((i - j + 1) * SCAN, w);
      return j;
    }
    if (i > S.length - m) i = S.length - m;
    const head = slice.call(T, 0, SH);
    while (i >= 0) {
      const j = lastIndexOf.call(S, head, i);
      charge((i - j + 1) * SCAN, w);
      if (j < 0) break;
      charge(m * ${W.compare}, w);
      if (startsWith.call(S, T, j)) return j;
      i = j - 1;
    }
    return -1;
  };
  // GetSubstitution as QuickJS does it; a string pattern has no captures (its $1 stays as written).
  const substitute = (matched, S, p, captures, groups, r) => {
    let out = '', from = 0, d = indexOf.call(r, '$');
    while (d >= 0 && d + 1 < r.length) {
      const c = r[d + 1];
      let x, next = d + 2;
      if (c === '$') x = '$';
      else if (c === '&') x = matched;
      else if (c === '\\u0060') x = slice.call(S, 0, p);
      else if (c === "'") x = slice.call(S, p + matched.length);
      else if (c >= '0' && c <= '9') {
        let k = +c;
        const c1 = r[d + 2], k1 = k * 10 + +c1;
        if (c1 >= '0' && c1 <= '9' && k1 >= 1 && k1 <= captures.length) {
          k = k1;
          next = d + 3;
        }
        if (k >= 1 && k <= captures.length) x = captures[k - 1] === undefined ? '' : captures[k - 1];
      } else if (c === '<' && groups !== undefined) {
        const end = indexOf.call(r, '>', d + 2);
        if (end >= 0) {
          const capture = groups[slice.call(r, d + 2, end)];
          x = capture === undefined ? '' : str(capture);
          next = end + 1;
        }
      }
      if (x === undefined) {
        d = indexOf.call(r, '$', d + 1);
        continue;
      }
      out += slice.call(r, from, d) + x;
      from = next;
      d = indexOf.call(r, '$', from);
    }
    return from === 0 ? r : out + slice.call(r, from);
  };
  // Every execution of a global RegExp over S from lastIndex 0, as the spec's loops do, each charged.
  const executions = (rx, S, w) => {
    const flags = flagsOf.call(rx), unicode = indexOf.call(flags, 'u') >= 0 || indexOf.call(flags, 'v') >= 0;
    const results = [];
    rx.lastIndex = 0;
    for (;;) {
      if ((meter.units += EXEC) >= POLL) flush(w);
      const z = exec.call(rx, S);
      if (z === null) return results;
      results[results.length] = z;
      if (str(z[0]) === '') {
        const i = +rx.lastIndex, c = unicode && i + 1 < S.length ? charCodeAt.call(S, i) : 0;
        const d = c >= 0xd800 && c <= 0xdbff ? charCodeAt.call(S, i + 1) : 0;
        rx.lastIndex = d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
      }
    }
  };
  const search = (O, t, p, w, regExpRefused) => {
    const S = self(O);
    if (regExpRefused) noRe(t);
    return find(S, str(t), at(p, S.length), w);
  };
  return {
    str,
    [P + 'indexOf'](O, t, p) {
      return search(O, t, p, P + 'indexOf', false);
    },
    [P + 'includes'](O, t, p) {
      return search(O, t, p, P + 'includes', true) >= 0;
    },
    [P + 'lastIndexOf'](O, t, p) {
      const S = self(O), T = str(t), x = +p;
      return findLast(S, T, x === x ? at(x, S.length) : S.length, P + 'lastIndexOf');
    },
    compareAt(O, t, p, key, original) {
      const S = self(O);
      noRe(t);
      const T = str(t);
      charge(T.length + SCAN, P + key);
      return original.call(S, T, p);
    },
    [P + 'split'](O, sep, lim) {
      if (O === undefined || O === null) fail('cannot convert ' + O + ' to object');
      if (sep !== undefined && sep !== null && typeof sep !== 'string') {
        const splitter = sep[Symbol.split];
        if (splitter !== undefined && splitter !== null) return apply(splitter, sep, [O, lim]);
      }
      const S = str(O), n = lim === undefined ? 4294967295 : +lim >>> 0, R = str(sep), w = P + 'split';
      if (n === 0) return [];
      if (sep === undefined) return [S];
      if (R.length <= SH) {
        const parts = split.call(S, R, n);
        charge(S.length * SCAN + parts.length * PIECE, w);
        return parts;
      }
      const parts = [];
      let i = 0;
      for (let j = find(S, R, 0, w); j >= 0; j = find(S, R, i, w)) {
        parts[parts.length] = slice.call(S, i, j);
        if (parts.length === n) return parts;
        i = j + R.length;
      }
      parts[parts.length] = slice.call(S, i);
      charge(parts.length * PIECE, w);
      return parts;
    },
    replace(O, v, r, all) {
      if (O === undefined || O === null) fail('cannot convert ' + O + ' to object');
      if (v !== undefined && v !== null && typeof v !== 'string') {
        if (all && isRe(v)) {
          const flags = v.flags;
          if (flags === undefined || flags === null) fail('cannot convert to object');
          if (indexOf.call(str(flags), 'g') < 0) fail("regexp must have the 'g' flag");
        }
        const replacer = v[Symbol.replace];
        if (replacer !== undefined && replacer !== null) return apply(replacer, v, [O, r]);
      }
      const S = str(O), T = str(v), fn = typeof r === 'function', rv = fn ? r : str(r), m = T.length;
      const w = P + (all ? 'replaceAll' : 'replace');
      if (all && m <= SH) {
        charge(S.length * SCAN, w);
        const out = replaceAll.call(S, T, rv);
        charge(out.length, w);
        return out;
      }
      const found = [];
      for (let p = find(S, T, 0, w); p >= 0; p = all ? find(S, T, p + m, w) : -1) found[found.length] = p;
      if (found.length === 0) return S;
      let out = '', end = 0;
      for (let k = 0; k < found.length; k++) {
        const p = found[k], x = fn ? str(r(T, p, S)) : substitute(T, S, p, [], undefined, rv);
        charge(p - end + x.length, w);
        out += slice.call(S, end, p) + x;
        end = p + m;
      }
      charge(S.length - end, w);
      return out + slice.call(S, end);
    },
    replaceLoop(rx, S, replaceValue) {
      const w = 'RegExp.prototype[Symbol.replace]';
      const functional = typeof replaceValue === 'function', rv = functional ? replaceValue : str(replaceValue);
      const results = executions(rx, S, w);
      let out = '', next = 0;
      for (let k = 0; k < results.length; k++) {
        const z = results[k], matched = str(z[0]), index = +z.index, captures = [];
        const position = index > S.length ? S.length : index > 0 ? trunc(index) : 0;
        for (let i = 1; i < z.length; i++) captures[i - 1] = z[i] === undefined ? undefined : str(z[i]);
        const groups = z.groups;
        let x;
        if (functional) {
          const args = [matched, ...captures, position, S];
          if (groups !== undefined) args[args.length] = groups;
          x = str(apply(replaceValue, undefined, args));
        } else x = substitute(matched, S, position, captures, groups === undefined ? undefined : Object(groups), rv);
        if (position >= next) {
          charge(position - next + x.length, w);
          out += slice.call(S, next, position) + x;
          next = position + matched.length;
        }
      }
      return next >= S.length ? out : out + slice.call(S, next);
    },
    matchLoop(rx, S) {
      const results = executions(rx, S, 'RegExp.prototype[Symbol.match]'), matches = [];
      for (let k = 0; k < results.length; k++) matches[k] = str(results[k][0]);
      return matches.length === 0 ? null : matches;
    },
  };
`;

/**
 * The units of guards as the host hands them over: one string the prelude keeps (as literals in it,
 * they would be parsed in every fresh sandbox), each unit after U+0001, its name and U+0002 (a NUL
 * would end the string on its way into QuickJS).
 */
const GUARD_UNITS = {
  strings: STRING_GUARDS,
  regexp: REGEXP_GUARDS,
  json: JSON_GUARDS,
  sized: SIZED_GUARDS,
  slow: SLOW_GUARDS,
};

export const GUARDS_SOURCE = Object.entries(GUARD_UNITS)
  .map(([name, body]) => `\u0001${name}\u0002${compact(body)}`)
  .join('');

/**
 * QuickJS counts interpreter steps (a call, a test, a jump) and polls every 10,000 of them; those
 * polls are code's CPU in virtual time (quickjs-sandbox.ts), so how the prelude makes a unit must
 * not change how many steps a case takes, or where in the count it starts.
 *
 * Every unit is parsed once, at boot, into the boot image (PARSE_UNITS_AT_BOOT): parsing a unit on
 * its first call cost more than the rest of a typical code step. A unit is still made on its first
 * call with the same calls as when it was parsed then (UNIT_PARSED_NOW): Function called with an
 * empty body takes the steps Function takes with the unit's (one for the call, one for the code it
 * evaluates, whatever the body), and the unit parsed at boot is then called as the one parsed then
 * was. The steps parsing at boot takes are made up to a whole number of polls (BOOT_STEP_PAD), so
 * a sandbox starts at the same place in the count. The sandbox tests check both against a prelude
 * that parses on first call.
 */
export const UNIT_PARSED_NOW = "return (units[name] = makeFunction('m', body)(shared));";
export const UNIT_FROM_BOOT = "makeFunction('m', ''); return (units[name] = parsedUnits[name](shared));";
/**
 * Turns of an empty loop (two steps each) that bring the steps of parsing every unit at boot (40,
 * measured) up to a whole number of polls (see UNIT_FROM_BOOT; boot-steps.test.ts finds it out).
 */
export const BOOT_STEP_PAD = 4980;
export const PARSE_UNITS_AT_BOOT = `const parsedUnits = { __proto__: null }; for (const name of ${JSON.stringify(Object.keys(GUARD_UNITS))}) { const at = guardsSource.indexOf('\\u0001' + name + '\\u0002') + name.length + 2, end = guardsSource.indexOf('\\u0001', at); parsedUnits[name] = makeFunction('m', guardsSource.slice(at, end < 0 ? guardsSource.length : end)); } for (let pad = ${BOOT_STEP_PAD}; pad-- > 0; );`;

/**
 * Puts a stand-in for each METERED built-in before freezing: it calls the built-in's guard, from
 * its unit compiled on the first call. The set and typed-array stand-ins keep their argument count
 * (an explicit undefined fromIndex is not an absent one); the others treat a missing argument as
 * undefined. The string built-ins whose work is the length of what they make (case mapping,
 * repeat, padding) are charged for it here, after the call.
 *
 * RegExp.prototype.exec itself stays QuickJS's: one execution is counted as the call it is, and
 * polls past ~10,000 steps; QuickJS's loops of executions (a global replace or match, a split) are
 * guarded in REGEXP_GUARDS. (A replaced exec would also turn off QuickJS's fast replace.)
 */
const NATIVE_WORK_GUARDS = `
  (function () {
    const define = Object.defineProperty, apply = reflectApply, makeFunction = Function;
    const originals = { __proto__: null }, units = { __proto__: null };
    const shared = { meter, POLL, flush, charge, apply, describe, protoOf, ownKeys, originals, unit: undefined };
    shared.unit = (name) => {
      const done = units[name];
      if (done) return done;
      const indexOf = originals['String.prototype.indexOf'], head = '\\u0001' + name + '\\u0002';
      const start = indexOf.call(guardsSource, head) + head.length, end = indexOf.call(guardsSource, '\\u0001', start);
      const body = guardsSource.slice(start, end < 0 ? guardsSource.length : end);
      ${UNIT_FROM_BOOT}
    };
    ${PARSE_UNITS_AT_BOOT}
    // One descriptor each, reused: this runs in every fresh sandbox.
    const length = { value: 0 }, property = { value: undefined, writable: true, configurable: true };
    const put = (o, key, f, arity) => {
      length.value = arity;
      define(f, 'length', length);
      property.value = f;
      define(o, key, property);
    };
    const table = ${METERED};
    for (let t = 0; t < table.length; t++) {
      const o = table[t][0], name = table[t][1], unitName = table[t][2], keys = table[t][3];
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k], original = o[key], w = typeof key === 'symbol' ? name + '[' + key.description + ']' : name + key;
        if (typeof original !== 'function') continue;
        originals[w] = original;
        let guard;
        put(o, key, unitName === 'sized'
          ? { [key](...args) { return (guard || (guard = shared.unit(unitName)[w]))(this, args); } }[key]
          : { [key](a, b, c) { return (guard || (guard = shared.unit(unitName)[w]))(this, a, b, c); } }[key], original.length);
      }
    }
    originals['RegExp.prototype.exec'] = RegExp.prototype.exec;
    const SP = String.prototype;
    for (const [weight, keys] of [[1, ['repeat', 'padStart', 'padEnd']], [${W.caseMap}, ['toUpperCase', 'toLowerCase', 'normalize']]]) {
      for (const key of keys) {
        const original = SP[key], w = 'String.prototype.' + key;
        put(SP, key, {
          [key](a, b) {
            const made = original.call(this, a, b);
            if ((meter.units += made.length * weight) >= POLL) flush(w);
            return made;
          },
        }[key], original.length);
      }
    }
  })();
`;

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
      return n;
    };
    // Work in C per element, charged to the meter (WORK_METER); methods that call back into
    // JavaScript for each element are counted by the interpreter and cost nothing here.
    // A search is charged for the elements it compared: up to the one found, or all.
    const searches = { __proto__: null, includes: 1, indexOf: 2, lastIndexOf: 3 };
    const walks = { __proto__: null, join: ${W.joined}, toString: ${W.joined}, reverse: ${W.move}, fill: ${W.move}, copyWithin: ${W.move},
      splice: ${W.move}, shift: ${W.move}, unshift: ${W.move} };
    const copies = { __proto__: null, slice: 1, concat: 1, toReversed: 1, toSpliced: 1, with: 1 };
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
      const label = 'Array.prototype.' + key;
      const search = searches[key] | 0, walk = walks[key] | 0, copy = copies[key] === 1;
      const guarded = {
        [key](...args) {
          const n = check(this, key);
          if (sorts && args[0] === undefined) args[0] = compareAsStrings;
          if (walk) charge(n * walk, label);
          const result = apply(original, this, args);
          if (search) {
            const compared = search === 1 || result < 0 ? n : search === 2 ? result + 1 : n - result;
            // An equal-length string is compared character by character at every element.
            charge(compared * (${W.element} + (typeof args[0] === 'string' ? args[0].length : 0)), label);
          } else if (copy && isArray(result)) charge(result.length * ${W.copyElement}, label);
          else if (walk && typeof result === 'string') charge(result.length, label);
          return result;
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
