/**
 * A small JavaScript tokenizer, enough to find which names a snippet uses: it skips strings,
 * comments, regular expressions and numbers, and descends into template literal `${…}` parts.
 * It is not a parser; the sandbox's compiler is the authority on syntax.
 */

export interface Token {
  kind: 'name' | 'punct';
  text: string;
  /** Offset in the snippet. */
  offset: number;
}

const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[A-Za-z0-9_$]/;
const PUNCT = ['?.', '=>', '...', '===', '!==', '==', '!=', '&&', '||', '??', '<=', '>=', '++', '--'];
/** After these a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_NAMES = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  scan(source, 0, source.length, tokens);
  return tokens;
}

/** Scans source[from, to) and returns where it stopped (at a `}` closing a template part when nested). */
function scan(source: string, from: number, to: number, tokens: Token[], nested = false): number {
  let i = from;
  let depth = 0;
  while (i < to) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && source[i + 1] === '/') {
      i = skipUntil(source, i, '\n');
    } else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? to : end + 2;
    } else if (ch === '"' || ch === "'") {
      i = skipString(source, i, ch);
    } else if (ch === '`') {
      i = skipTemplate(source, i, tokens);
    } else if (ch === '/' && regexAllowed(tokens)) {
      i = skipRegex(source, i);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      while (i < to && /[0-9A-Za-z_.]/.test(source[i]!)) i++;
    } else if (NAME_START.test(ch)) {
      const start = i;
      while (i < to && NAME_PART.test(source[i]!)) i++;
      tokens.push({ kind: 'name', text: source.slice(start, i), offset: start });
    } else {
      if (nested && ch === '}' && depth === 0) return i + 1;
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      const punct = PUNCT.find((p) => source.startsWith(p, i)) ?? ch;
      tokens.push({ kind: 'punct', text: punct, offset: i });
      i += punct.length;
    }
  }
  return i;
}

function skipUntil(source: string, i: number, end: string): number {
  const at = source.indexOf(end, i);
  return at < 0 ? source.length : at;
}

function skipString(source: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipTemplate(source: string, i: number, tokens: Token[]): number {
  let j = i + 1;
  while (j < source.length && source[j] !== '`') {
    if (source[j] === '\\') j += 2;
    else if (source[j] === '$' && source[j + 1] === '{') j = scan(source, j + 2, source.length, tokens, true);
    else j++;
  }
  return j + 1;
}

function skipRegex(source: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < source.length && source[j] !== '\n') {
    const ch = source[j];
    if (ch === '\\') j++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) break;
    j++;
  }
  j++;
  while (j < source.length && /[a-z]/i.test(source[j]!)) j++;
  return j;
}

function regexAllowed(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return true;
  if (last.kind === 'name') return REGEX_AFTER_NAMES.has(last.text);
  return !(last.text === ')' || last.text === ']' || last.text === '}');
}
