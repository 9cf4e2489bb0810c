export interface JsonTextOptions {
  /** Object keys in a canonical order (what JSON.stringify of a key-sorted copy would give). */
  sortKeys?: boolean;
  /** Spaces per level, as JSON.stringify's third argument; default none. */
  indent?: number;
  /** Stop writing once the text is longer than this many characters (the caller truncates). */
  limit?: number;
}

type Frame = {
  container: object;
  close: ']' | '}';
  entries: [key: string | undefined, value: unknown][];
  next: number;
  level: number;
};

/**
 * JSON.stringify without recursion: a value nested 100,000 levels deep is written, not a
 * RangeError. Same text as JSON.stringify for JSON values (undefined, functions and symbols are
 * dropped from objects and null in lists; NaN and ±Infinity are null); undefined for a top-level
 * value JSON cannot hold. Output goes through scorers, and an output is whatever a learner's model
 * answered, so nothing here may recurse on its structure.
 */
export function jsonText(value: unknown, options: JsonTextOptions = {}): string | undefined {
  if (!isJsonable(value)) return undefined;
  const indent = options.indent ? ' '.repeat(options.indent) : '';
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const parts: string[] = [];
  let length = 0;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const stack: Frame[] = [];
  const open = new Set<object>();
  const writeValue = (given: unknown, level: number) => {
    const item = withToJson(given);
    const scalar = scalarText(item);
    if (scalar !== undefined) return write(scalar);
    const container = item as object;
    if (open.has(container)) throw new TypeError('Converting circular structure to JSON');
    open.add(container);
    const isList = Array.isArray(container);
    write(isList ? '[' : '{');
    stack.push({
      container,
      close: isList ? ']' : '}',
      entries: isList
        ? (container as unknown[]).map((v): [undefined, unknown] => [undefined, v])
        : objectEntries(container as Record<string, unknown>, options.sortKeys ?? false),
      next: 0,
      level,
    });
  };
  writeValue(value, 0);
  while (stack.length > 0 && length <= limit) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.entries.length) {
      if (indent && frame.entries.length > 0) write(`\n${indent.repeat(frame.level)}`);
      write(frame.close);
      open.delete(frame.container);
      stack.pop();
      continue;
    }
    const [key, item] = frame.entries[frame.next]!;
    if (frame.next > 0) write(',');
    if (indent) write(`\n${indent.repeat(frame.level + 1)}`);
    if (key !== undefined) write(`${JSON.stringify(key)}:${indent ? ' ' : ''}`);
    frame.next++;
    writeValue(isJsonable(item) ? item : null, frame.level + 1);
  }
  return parts.join('');
}

/** A Date and anything else with toJSON is written as what toJSON returns, as JSON.stringify does. */
function withToJson(value: unknown): unknown {
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  return typeof value === 'object' && typeof toJSON === 'function' ? toJSON.call(value) : value;
}

function isJsonable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** The text of a non-container, or undefined for a list or an object. */
function scalarText(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      return undefined;
    default:
      return 'null';
  }
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Entries worth writing, in JSON.stringify's order; sorted, they come as JSON.stringify of a
 * key-sorted copy would give them (integer keys first, ascending: object key order puts them there).
 */
function objectEntries(object: Record<string, unknown>, sortKeys: boolean): [string, unknown][] {
  let keys = Object.keys(object);
  if (sortKeys) {
    const isIndex = (key: string) => INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1;
    const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
    keys = [...indices, ...keys.filter((key) => !isIndex(key)).sort()];
  }
  const entries: [string, unknown][] = [];
  for (const key of keys) if (isJsonable(object[key])) entries.push([key, object[key]]);
  return entries;
}
