import { scopeNames } from './scope-names.js';
import { TextMemo } from './text-memo.js';
import type { Sandbox } from './types.js';

/** What a code call returned and the CPU it used, in QuickJS interrupt polls. */
export interface Measured<T> {
  value: T;
  polls: number;
}

/**
 * The sandbox of one case. The QuickJS instance is created on first need, through `open` (the
 * executor passes one that waits inside its virtual scheduler, so creating it takes no virtual time
 * and changes no order), and disposed with the case: nothing survives into another case.
 *
 * Plain paths over the scope (`input.question`, `item.text`, `rows[0].id`) are read on the host
 * without QuickJS when every step is an own property of a JSON object or array; anything else, or
 * any step that would reach a prototype, goes to QuickJS. The answer is the same either way, and a
 * case whose templates are all plain paths needs no sandbox at all.
 */
export class CaseSandbox {
  private instance?: Sandbox;
  private opening?: Promise<Sandbox>;
  private closed = false;

  constructor(private readonly open: () => Promise<Sandbox>) {}

  /**
   * Interrupt polls this case's code has used so far. A call the deadline interrupts throws, so its
   * CPU never reaches Measured.polls: callers that must charge it read this before and after.
   */
  get polls(): number {
    return this.instance?.usage.polls ?? 0;
  }

  async evaluate(expression: string, scope: Record<string, unknown>): Promise<unknown> {
    const plain = readPlainPath(expression, scope);
    if (plain.found) return plain.value;
    return (this.instance ?? (await this.sandbox())).evaluate(expression, scope);
  }

  async run(body: string, scope: Record<string, unknown>): Promise<Measured<unknown>> {
    const sandbox = this.instance ?? (await this.sandbox());
    const before = sandbox.usage.polls;
    const value = sandbox.run(body, scope);
    return { value, polls: sandbox.usage.polls - before };
  }

  dispose(): void {
    this.closed = true;
    this.instance?.dispose();
    this.instance = undefined;
    if (this.opening)
      void this.opening.then(
        (late) => late.dispose(),
        () => undefined,
      );
  }

  private async sandbox(): Promise<Sandbox> {
    if (this.instance) return this.instance;
    this.opening ??= this.open();
    const sandbox = await this.opening;
    if (this.closed) throw new Error('The case has ended; its sandbox is gone.');
    this.instance = sandbox;
    return sandbox;
  }
}

type Segment = string | number;
const paths = new TextMemo<Segment[] | null>();
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*/;
const RESERVED_ROOTS = new Set(['undefined', 'NaN', 'Infinity', 'this', 'null', 'true', 'false']);

/** `a.b?.c[0]` → ['a', 'b', 'c', 0]; null when the expression is anything more. */
export function plainPath(expression: string): Segment[] | null {
  const cached = paths.get(expression);
  if (cached !== undefined) return cached;
  const parsed = parsePath(expression.trim());
  paths.set(expression, parsed);
  return parsed;
}

function parsePath(text: string): Segment[] | null {
  const root = IDENT.exec(text);
  if (!root || RESERVED_ROOTS.has(root[0])) return null;
  const out: Segment[] = [root[0]];
  let rest = text.slice(root[0].length);
  while (rest.length) {
    const dot = /^\s*(?:\?\.|\.)\s*([A-Za-z_$][A-Za-z0-9_$]*)/.exec(rest);
    const index = dot ? null : /^\s*\[\s*(0|[1-9][0-9]{0,8})\s*\]/.exec(rest);
    const match = dot ?? index;
    if (!match) return null;
    out.push(dot ? match[1]! : Number(match[1]));
    rest = rest.slice(match[0].length);
  }
  return out;
}

/**
 * Reads a plain path on the host, or says it cannot be answered there. The value is copied the way
 * a QuickJS round trip copies it (JSON, undefined as null), so both paths give equal results.
 */
export function readPlainPath(
  expression: string,
  scope: Record<string, unknown>,
): { found: true; value: unknown } | { found: false } {
  const path = plainPath(expression);
  if (!path) return { found: false };
  const [root, ...rest] = path as [string, ...Segment[]];
  if (!Object.hasOwn(scope, root) || !scopeNames({ [root]: null }).length) return { found: false };
  let value: unknown = scope[root];
  for (const key of rest) {
    if (typeof value !== 'object' || value === null) return { found: false };
    if (!Object.hasOwn(value, key)) return { found: false };
    value = (value as Record<string | number, unknown>)[key];
  }
  if (value === undefined) return { found: false };
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') return { found: true, value: Number.isFinite(value) ? value + 0 : null };
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? { found: false }
      : { found: true, value };
  }
  return { found: true, value: JSON.parse(JSON.stringify(value, (_k, v) => (v === undefined ? null : v))) };
}
