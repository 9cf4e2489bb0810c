import type { Node } from 'acorn';

// biome-ignore lint/suspicious/noExplicitAny: acorn's ESTree nodes are untyped beyond Node.
type AnyNode = Node & Record<string, any>;

/**
 * The value an expression has in QuickJS, found on the host when no interpreter is needed: a
 * literal (string, number, boolean, null, a template literal without `${}`), or a path over the
 * scope (`item.block`, `steps.x.output[0]`, `a["key"]`, `rows.length`) whose every step is an own
 * data property of a plain JSON object or an index or `length` of an array, or a string's
 * `length`. Anything else is `undefined`: the caller asks QuickJS. What QuickJS sees is the
 * scope's JSON (undefined and non-finite numbers as null, holes as null, only own enumerable
 * keys), so the path is read through that view.
 *
 * `kind` is the type of the value in QuickJS (it decides how much work the sandbox's invoker does
 * on it, see quickjs-sandbox.ts); `value` is what the host hands back, the JSON round trip of it.
 */
export interface HostValue {
  kind: 'primitive' | 'null' | 'container';
  /** The result as JSON text, as QuickJS would return it. */
  text: string;
}

export function hostExpression(
  expression: AnyNode | undefined,
  source: string,
  scope: Record<string, unknown>,
  names: readonly string[],
): HostValue | undefined {
  if (!expression) return undefined;
  // Only the expression itself between the wrapper's brackets: no parentheses or comments around.
  if (source.slice(0, expression.start - 1).trim() || source.slice(expression.end - 1).trim())
    return undefined;
  const value = read(expression, scope, names);
  if (value === NONE) return undefined;
  return describe(value);
}

const NONE = Symbol('none');

/**
 * Longest path answered on the host. Reading recurses once per member, and a path of thousands of
 * members would run out of the host's stack at a depth that differs between the main thread and a
 * worker; QuickJS answers longer ones (its own stack limit is the same everywhere).
 */
const MAX_PATH_DEPTH = 64;

function read(node: AnyNode, scope: Record<string, unknown>, names: readonly string[], depth = 0): unknown {
  switch (node.type) {
    case 'Literal':
      if (node.regex || node.bigint !== undefined) return NONE;
      return node.value as unknown;
    case 'TemplateLiteral':
      return node.expressions.length === 0 && typeof node.quasis[0]?.value.cooked === 'string'
        ? node.quasis[0].value.cooked
        : NONE;
    case 'Identifier':
      // Only a name the compiled function has as a parameter; globals and unknown names go to QuickJS.
      if (!names.includes(node.name)) return NONE;
      return jsonView(scope[node.name]);
    case 'MemberExpression': {
      if (node.optional) return NONE;
      const key = node.computed ? literalKey(node.property) : (node.property.name as string);
      if (key === undefined || depth >= MAX_PATH_DEPTH) return NONE;
      const base = read(node.object, scope, names, depth + 1);
      if (base === NONE) return NONE;
      return member(base, key);
    }
    default:
      return NONE;
  }
}

/** `a["key"]`, `a[0]`: the property key QuickJS looks up; undefined for anything else. */
function literalKey(node: AnyNode): string | undefined {
  if (node.type !== 'Literal' || node.regex || node.bigint !== undefined) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
}

/** A value as QuickJS has it after the scope's JSON, or NONE when that is not plain JSON. */
function jsonView(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'undefined':
      return null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype ? value : NONE;
      {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return NONE;
        return typeof (value as { toJSON?: unknown }).toJSON === 'function' ? NONE : value;
      }
    default:
      return NONE;
  }
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * One step of a path, on a value already in its JSON view. A key that is not an own data key
 * there would be looked up on a prototype (or is `__proto__`): NONE, for QuickJS to answer.
 */
function member(base: unknown, key: string): unknown {
  if (typeof base === 'string') return key === 'length' ? base.length : NONE;
  if (typeof base !== 'object' || base === null) return NONE;
  if (Array.isArray(base)) {
    if (key === 'length') return base.length;
    if (!INDEX.test(key) || Number(key) >= base.length) return NONE;
    // A hole, or an element JSON leaves out, is null in the array QuickJS parsed.
    const d = Object.getOwnPropertyDescriptor(base, key);
    if (d && !('value' in d)) return NONE;
    const element = d?.value;
    return typeof element === 'function' || typeof element === 'symbol' ? null : jsonView(element);
  }
  if (key === '__proto__') return NONE;
  const d = Object.getOwnPropertyDescriptor(base, key);
  if (!d?.enumerable || !('value' in d)) return NONE;
  // JSON leaves out a key whose value is a function or symbol: QuickJS would look it up on Object.prototype.
  if (typeof d.value === 'function' || typeof d.value === 'symbol') return NONE;
  return jsonView(d.value);
}

const REPLACE_UNDEFINED = (_k: string, v: unknown) => (v === undefined ? null : v);

function describe(value: unknown): HostValue | undefined {
  if (value === null) return { kind: 'null', text: 'null' };
  if (typeof value === 'number') {
    // A literal such as 1e999 is a number in QuickJS, handed back as JSON null.
    return { kind: 'primitive', text: Number.isFinite(value) ? JSON.stringify(value) : 'null' };
  }
  if (typeof value === 'string' || typeof value === 'boolean')
    return { kind: 'primitive', text: JSON.stringify(value) };
  try {
    const text = JSON.stringify(value, REPLACE_UNDEFINED);
    return typeof text === 'string' ? { kind: 'container', text } : undefined;
  } catch {
    return undefined; // a BigInt deep inside, or a cycle: QuickJS's path reports it as it always did
  }
}
