import type { z } from 'zod';
import type { Path, Position, SourceMap } from './source-map.js';

export interface Located {
  path: Path;
  message: string;
  position: Position;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns a zod issue into a located message a learner can act on. `base` is where the validated
 * value sits in the document; `allowedKeys` names the keys valid at a relative path, for hints.
 */
export function locateZodIssue(
  issue: ZodIssue,
  base: Path,
  source: SourceMap,
  allowedKeys: (relative: Path) => readonly string[] | undefined,
): Located[] {
  const relative = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const path = [...base, ...relative];
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(relative);
    const hint = allowed ? `; allowed here: ${allowed.join(', ')}` : '';
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `unknown key "${key}"${suggest(key, allowed)}${hint}`,
      position: source.keyAt([...path, key]),
    }));
  }
  const name = nameOf(relative);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: `missing required key "${name}"`, position: source.valueAt(path.slice(0, -1)) }];
  }
  if (issue.code === 'invalid_type') {
    return [
      {
        path,
        message: `${name} must be ${article(issue.expected)}, not ${describe(issue.input)}`,
        position: source.valueAt(path),
      },
    ];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return [
      {
        path,
        message: `${name} must be one of ${options}, not ${describe(issue.input)}`,
        position: source.valueAt(path),
      },
    ];
  }
  return [{ path, message: `${name} ${lowerFirst(issue.message)}`, position: source.valueAt(path) }];
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array' || expected === 'object') return `an ${expected}`;
  return `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function lowerFirst(message: string): string {
  const text = message
    .replace(/^Invalid input: /, '')
    .replace(/^Too small: /, '')
    .replace(/^Too big: /, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** ` (did you mean "llm"?)` when a key is one or two edits away from an allowed one. */
export function suggest(word: string, options: readonly string[] | undefined): string {
  if (!options) return '';
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/** `needs[0]` for list entries, the key otherwise. */
function nameOf(relative: Path): string {
  const last = relative[relative.length - 1];
  if (last === undefined) return 'the document';
  if (typeof last === 'number') return `${String(relative[relative.length - 2] ?? 'item')}[${last}]`;
  return last;
}
