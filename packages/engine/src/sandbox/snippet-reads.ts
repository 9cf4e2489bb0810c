import { type Node, Parser } from 'acorn';
import { TextMemo } from './text-memo.js';
import type { SnippetKind } from './wrap-snippet.js';

// biome-ignore lint/suspicious/noExplicitAny: acorn's ESTree nodes are untyped beyond Node.
type AnyNode = Node & Record<string, any>;

/**
 * What of the scope a snippet can read, found from its text alone. `whole`: the snippet gets the
 * whole scope, exactly as before this analysis existed. Otherwise only the names it mentions:
 * `bare` are read as values, `members` only as `name.key` (non-computed), with the keys read.
 */
export interface SnippetReads {
  whole: boolean;
  bare: ReadonlySet<string>;
  members: ReadonlyMap<string, ReadonlySet<string>>;
  /** The parsed expression, when the snippet is one (host-expression.ts reads literals and paths from it). */
  expression?: AnyNode;
}

export const WHOLE_SCOPE: SnippetReads = { whole: true, bare: new Set(), members: new Map() };

/**
 * Names that see more than the names a snippet spells: `arguments[0]` is the whole scope object,
 * a direct `eval` sees every parameter, and `Function`, `globalThis` and `this` reach past the
 * snippet. A snippet that mentions one gets the whole scope.
 */
const SEES_ALL = new Set(['arguments', 'eval', 'Function', 'globalThis']);

/**
 * Math.random is seeded from the snippet and the JSON of the scope it is handed (hashSeed), so a
 * snippet that could call it gets the whole scope, as it always did: its numbers do not change.
 * It is reached by its name (`Math.random`, `Math['random']`, `{ random } = Math`), by `Math`
 * handed on whole (`Object.values(Math)`), or through a `constructor` to a fresh `Function`
 * (whose source would name it). A snippet that builds both names from pieces at run time still
 * gets a seed that is a pure function of its text and what it reads: deterministic, only other.
 */
const MAY_DRAW = /random|constructor/;

const ACORN = { ecmaVersion: 'latest', sourceType: 'script', locations: false } as const;
const memos: Record<SnippetKind, TextMemo<SnippetReads>> = {
  expression: new TextMemo(),
  body: new TextMemo(),
};

/** The reads of a snippet, parsed once per distinct text (the memo is bounded, see text-memo.ts). */
export function snippetReads(kind: SnippetKind, source: string): SnippetReads {
  const memo = memos[kind];
  const cached = memo.get(source);
  if (cached) return cached;
  const reads = analyse(kind, source);
  memo.set(source, reads);
  return reads;
}

function analyse(kind: SnippetKind, source: string): SnippetReads {
  if (MAY_DRAW.test(source)) return WHOLE_SCOPE;
  let root: AnyNode;
  try {
    // The same text between the same brackets as the wrapper (wrap-snippet.ts) puts it in, so
    // every identifier the compiled function sees is seen here. A snippet that does not parse
    // gets the whole scope: its error then reads exactly as before.
    root =
      kind === 'expression'
        ? (Parser.parse(`(${source}\n)`, ACORN) as AnyNode)
        : (Parser.parse(source, {
            ...ACORN,
            allowReturnOutsideFunction: true,
            allowAwaitOutsideFunction: true,
          }) as AnyNode);
  } catch {
    return WHOLE_SCOPE;
  }
  const bare = new Set<string>();
  const members = new Map<string, Set<string>>();
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'ThisExpression':
      case 'WithStatement':
        return WHOLE_SCOPE;
      case 'Identifier':
        if (SEES_ALL.has(node.name)) return WHOLE_SCOPE;
        bare.add(node.name);
        continue;
      case 'MemberExpression':
        if (!node.computed) {
          if (node.object.type === 'Identifier' && node.property.type === 'Identifier') {
            const name = node.object.name as string;
            if (SEES_ALL.has(name)) return WHOLE_SCOPE;
            const keys = members.get(name) ?? new Set<string>();
            keys.add(node.property.name);
            members.set(name, keys);
          } else stack.push(node.object);
          continue;
        }
        break;
      case 'Property':
      case 'MethodDefinition':
      case 'PropertyDefinition':
        // A key written as a name is not a read of that name; a shorthand's value node is.
        if (!node.computed) {
          if (node.value) stack.push(node.value);
          continue;
        }
        break;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') stack.push(child);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') stack.push(value);
    }
  }
  // `Math` handed on whole could reach Math.random without naming it.
  if (bare.has('Math')) return WHOLE_SCOPE;
  const program = root.body as AnyNode[];
  const expression = kind === 'expression' && program.length === 1 ? program[0]!.expression : undefined;
  return { whole: false, bare, members, expression: mayAnswerOnHost(expression) ? expression : undefined };
}

/**
 * Whether host-expression.ts could answer this tree (a literal, a name, or a short chain of
 * members over one). Only such trees are kept in the memo: a parsed snippet costs about twenty
 * times its text in heap, and the memo is bounded by text.
 */
function mayAnswerOnHost(node: AnyNode | undefined): boolean {
  for (let depth = 0; node && depth <= 64; depth++) {
    if (node.type === 'Literal' || node.type === 'TemplateLiteral' || node.type === 'Identifier') return true;
    if (node.type !== 'MemberExpression') return false;
    node = node.object as AnyNode;
  }
  return false;
}

/**
 * The scope a snippet is handed: every name of `names` it reads, a name read only as `name.key`
 * cut down to those keys when its value is a plain object that has them all as own data. Nothing
 * the snippet can do tells the two apart: it reads no other name (`arguments`, `eval` and the rest
 * get the whole scope) and no other key of the cut value.
 */
export function scopeFor(
  reads: SnippetReads,
  names: readonly string[],
  scope: Record<string, unknown>,
): { names: string[]; scope: Record<string, unknown> } {
  const kept: string[] = [];
  const seen: Record<string, unknown> = {};
  for (const name of names) {
    const keys = reads.bare.has(name) ? undefined : reads.members.get(name);
    if (!keys && !reads.bare.has(name)) continue;
    kept.push(name);
    const value = scope[name];
    seen[name] = keys ? pick(value, keys) : value;
  }
  return { names: kept, scope: seen };
}

/** The keys of a plain JSON object, or the value whole when it is anything else. */
function pick(value: unknown, keys: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(value, 'toJSON')) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === '__proto__') return value;
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d?.enumerable || !('value' in d)) return value;
    out[key] = d.value;
  }
  return out;
}
