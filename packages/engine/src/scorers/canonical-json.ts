import { isRecord } from './json-path.js';
import { jsonText } from './json-text.js';

/** JSON with object keys sorted: two values are deep-equal exactly when their canonical texts are. */
export function canonicalJson(value: unknown): string {
  return jsonText(value, { sortKeys: true }) ?? 'undefined';
}

/** Where a pair sits, as a linked path: built into text only for the pair that differs. */
interface At {
  parent: At | undefined;
  segment: string;
}

/**
 * The first place two JSON values differ, as a dotted path ('' for the root), or undefined if
 * equal. Depth-first in key order, with a stack of its own rather than recursion: an output can be
 * nested deeper than the call stack goes.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  const root: At = { parent: undefined, segment: path };
  const pending: [unknown, unknown, At][] = [[a, b, root]];
  while (pending.length > 0) {
    const [x, y, at] = pending.pop()!;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return pathOf(at);
      for (let i = x.length - 1; i >= 0; i--) pending.push([x[i], y[i], { parent: at, segment: String(i) }]);
    } else if (isRecord(x) && isRecord(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (let i = keys.length - 1; i >= 0; i--)
        pending.push([x[keys[i]!], y[keys[i]!], { parent: at, segment: keys[i]! }]);
    } else if (!(Object.is(x, y) || x === y)) return pathOf(at);
  }
  return undefined;
}

function pathOf(at: At): string {
  const segments: string[] = [];
  for (let node: At | undefined = at; node; node = node.parent) if (node.segment) segments.push(node.segment);
  return segments.reverse().join('.');
}

/** A short rendering of a value for a reason: `"Paris"`, `42`, `a list of 3`, `nothing`. */
export function brief(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = jsonText(value, { limit: max }) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A path for a reason: the first and last segments of a long one, so a deep path stays short. */
export function briefPath(path: string, max = 80): string {
  if (path.length <= max) return path;
  const half = Math.floor((max - 1) / 2);
  return `${path.slice(0, half)}…${path.slice(-half)}`;
}

/** `a string`, `a list`, `an object`, `null`: what a malformed value is, in a learner's words. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return `a ${typeof value}`;
}
