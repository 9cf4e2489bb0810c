import { type Token, tokenize } from './js-tokens.js';

export interface NameUse {
  name: string;
  /** Offset in the snippet. */
  offset: number;
}

const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while ' +
    'with yield let static await async of get set undefined NaN Infinity arguments'
  ).split(' '),
);

/** Globals of the sandbox (ECMAScript built-ins); never step ids. */
export const JS_GLOBALS = new Set(
  (
    'Math JSON Object Array String Number Boolean Date RegExp Map Set WeakMap WeakSet Symbol BigInt Error ' +
    'TypeError RangeError SyntaxError ReferenceError EvalError URIError AggregateError Promise Proxy Reflect ' +
    'parseInt parseFloat isNaN isFinite encodeURIComponent decodeURIComponent encodeURI decodeURI escape ' +
    'unescape globalThis ArrayBuffer SharedArrayBuffer DataView Int8Array Uint8Array Uint8ClampedArray ' +
    'Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array ' +
    'Function eval Atomics WeakRef FinalizationRegistry Iterator console'
  ).split(' '),
);

/**
 * Names a snippet reads from its scope: identifiers that are not keywords, not property accesses
 * (`x.clauses`), not object keys (`{ clauses: 1 }`) and not declared in the snippet (parameters,
 * const/let/var, functions, catch bindings). Declarations are collected for the whole snippet,
 * ignoring block scope: a local that shadows a step id hides it everywhere in that snippet.
 */
export function freeNames(source: string): NameUse[] {
  const tokens = tokenize(source);
  const declared = declaredNames(tokens);
  const uses: NameUse[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'name' || KEYWORDS.has(token.text) || declared.has(token.text)) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && prev.kind === 'punct' && (prev.text === '.' || prev.text === '?.')) return;
    if (next?.text === ':' && prev && (prev.text === '{' || prev.text === ',') && isObjectKey(tokens, i))
      return;
    uses.push({ name: token.text, offset: token.offset });
  });
  return uses;
}

/** `{ a: 1 }` is a key; `cond ? { a } : b` and `case a:` are not reached here (prev is `{` or `,`). */
function isObjectKey(tokens: Token[], i: number): boolean {
  // Walk back to the enclosing opener: an object literal's `{` rather than a `[` or `(`.
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const text = tokens[j]!.text;
    if (text === ')' || text === ']' || text === '}') depth++;
    else if (text === '(' || text === '[' || text === '{') {
      if (depth === 0) return text === '{';
      depth--;
    }
  }
  return false;
}

function declaredNames(tokens: Token[]): Set<string> {
  const declared = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.text === '=>') markArrowParams(tokens, i, declared);
    if (token.kind !== 'name') return;
    if (token.text === 'const' || token.text === 'let' || token.text === 'var')
      markBindings(tokens, i + 1, declared);
    if (token.text === 'function' || token.text === 'class') markFunction(tokens, i + 1, declared);
    if (token.text === 'catch' && tokens[i + 1]?.text === '(') markBindings(tokens, i + 2, declared);
  });
  return declared;
}

function markArrowParams(tokens: Token[], arrow: number, declared: Set<string>): void {
  const prev = tokens[arrow - 1];
  if (!prev) return;
  if (prev.kind === 'name') {
    declared.add(prev.text);
    return;
  }
  if (prev.text !== ')') return;
  let depth = 0;
  for (let j = arrow - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.text === ')') depth++;
    else if (t.text === '(') {
      depth--;
      if (depth === 0) return;
    } else if (t.kind === 'name' && !KEYWORDS.has(t.text)) {
      const before = tokens[j - 1];
      if (before?.text !== '.' && before?.text !== '=') declared.add(t.text);
    }
  }
}

/** Names bound by `const a = …`, `const { a, b: c } = …`, `let [a, b] = …`, `catch (e)`. */
function markBindings(tokens: Token[], start: number, declared: Set<string>): void {
  let depth = 0;
  for (let j = start; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.text === '{' || t.text === '[' || t.text === '(') depth++;
    else if (t.text === '}' || t.text === ']' || t.text === ')') {
      depth--;
      if (depth < 0) return;
    } else if (depth === 0 && (t.text === '=' || t.text === ';' || t.text === 'of' || t.text === 'in')) {
      // `const a = 1, b = 2`: keep going after a comma at depth 0 past the initializer.
      const comma = findTopLevelComma(tokens, j + 1);
      if (t.text === '=' && comma > 0) {
        j = comma;
        continue;
      }
      return;
    } else if (t.kind === 'name' && tokens[j + 1]?.text !== ':') declared.add(t.text);
  }
}

function findTopLevelComma(tokens: Token[], start: number): number {
  let depth = 0;
  for (let j = start; j < tokens.length; j++) {
    const text = tokens[j]!.text;
    if (text === '{' || text === '[' || text === '(') depth++;
    else if (text === '}' || text === ']' || text === ')') {
      if (--depth < 0) return -1;
    } else if (depth === 0 && text === ',') return j;
    else if (
      depth === 0 &&
      (text === ';' || text === 'const' || text === 'let' || text === 'var' || text === 'return')
    )
      return -1;
  }
  return -1;
}

function markFunction(tokens: Token[], start: number, declared: Set<string>): void {
  let j = start;
  if (tokens[j]?.kind === 'name') declared.add(tokens[j++]!.text);
  if (tokens[j]?.text !== '(') return;
  let depth = 0;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      if (--depth === 0) return;
    } else if (t.kind === 'name' && tokens[j - 1]?.text !== '=') declared.add(t.text);
  }
}
