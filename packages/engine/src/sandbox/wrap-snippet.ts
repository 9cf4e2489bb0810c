import { type Node, Parser } from 'acorn';
import { TextMemo } from './text-memo.js';
import { SandboxError } from './types.js';

export type SnippetKind = 'expression' | 'body';

/** A snippet made into a function source the sandbox compiles: `(params) => result`. */
export interface WrappedSnippet {
  source: string;
  /** Whether the function is async (a body that awaits at its top level). */
  async: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: acorn's ESTree nodes are untyped beyond Node.
type AnyNode = Node & Record<string, any>;

const ACORN = { ecmaVersion: 'latest', sourceType: 'script', locations: false } as const;
const cache = new TextMemo<WrappedSnippet | SandboxError>();

/**
 * Wraps an expression or a function body in a function with the scope's names as destructured
 * parameters, and proves with a real parser that the snippet stayed what it claims to be: the
 * wrapper must parse as exactly one function whose body (or returned expression) is the snippet's
 * own text. A body that closes the wrapper early (`}); evil(); (function () {`), or an expression
 * with a statement after it, gives another tree and is refused as code_error before QuickJS sees
 * it. Results are cached: the check is pure.
 */
export function wrapSnippet(source: string, kind: SnippetKind, names: readonly string[]): WrappedSnippet {
  const key = `${kind}\u0000${names.join(',')}\u0000${source}`;
  const cached = cache.get(key);
  if (cached instanceof SandboxError) throw cached;
  if (cached) return cached;
  let result: WrappedSnippet | SandboxError;
  try {
    result = build(source, kind, names);
  } catch (error) {
    result =
      error instanceof SandboxError
        ? error
        : new SandboxError('code_error', `SyntaxError: ${(error as Error).message}`);
  }
  cache.set(key, result);
  if (result instanceof SandboxError) throw result;
  return result;
}

function build(source: string, kind: SnippetKind, names: readonly string[]): WrappedSnippet {
  // Always a destructuring pattern (`{}` for no names): a parameter list that is not simple makes a
  // body's own 'use strict' a SyntaxError, the same whether the snippet reads some names or none.
  const params = `{ ${names.join(', ')} }`;
  const isAsync = kind === 'body' && awaitsAtTopLevel(source);
  // Compiled as a strict-mode script (the sandbox passes the flag): a function expression alone,
  // no wrapper around it to call, which compiles three times faster.
  const head = `(${isAsync ? 'async ' : ''}function (${params}) {`;
  const open = kind === 'expression' ? `${head}return (\n` : `${head}\n`;
  const close = kind === 'expression' ? '\n);})' : '\n})';
  const wrapped = `${open}${source}${close}`;
  const start = open.length;
  const end = start + source.length;
  const program = Parser.parse(wrapped, ACORN) as AnyNode;
  if (!hasExpectedShape(program, kind, start, end)) {
    throw new SandboxError(
      'code_error',
      kind === 'expression'
        ? 'SyntaxError: the expression must be a single expression'
        : 'SyntaxError: the code must be a function body: it closes the function it runs in',
    );
  }
  return { source: wrapped, async: isAsync };
}

/** `(function (…) { <snippet> })` and nothing else. */
function hasExpectedShape(program: AnyNode, kind: SnippetKind, start: number, end: number): boolean {
  const [statement, ...rest] = program.body as AnyNode[];
  if (rest.length || statement?.type !== 'ExpressionStatement') return false;
  const fn = statement.expression as AnyNode;
  if (fn.type !== 'FunctionExpression') return false;
  const block = fn.body as AnyNode;
  if (block.start !== start - (kind === 'expression' ? '{return (\n'.length : '{\n'.length)) return false;
  if (block.end !== end + (kind === 'expression' ? '\n);}'.length : '\n}'.length)) return false;
  if (kind === 'body') return true;
  const statements = block.body as AnyNode[];
  if (statements.length !== 1 || statements[0]?.type !== 'ReturnStatement') return false;
  const argument = statements[0].argument as AnyNode | null;
  return !!argument && argument.start >= start && argument.end <= end;
}

/** Whether a body uses `await` (or `for await`) outside any function of its own. */
function awaitsAtTopLevel(source: string): boolean {
  let program: AnyNode;
  try {
    program = Parser.parse(source, {
      ...ACORN,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    }) as AnyNode;
  } catch {
    return false; // the wrapper parse reports the syntax error
  }
  const stack: AnyNode[] = [program];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) return true;
    if (/Function/.test(node.type) && node !== program) continue;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') stack.push(child);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        stack.push(value);
      }
    }
  }
  return false;
}
