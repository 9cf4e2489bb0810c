import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten';
import { PRELUDE } from './prelude.js';
import { quickJSModule } from './quickjs-module.js';
import { scopeNames } from './scope-names.js';
import { type Sandbox, SandboxError, type SandboxLimits, type SyntaxProblem } from './types.js';

export interface QuickJSSandboxOptions extends SandboxLimits {
  /** Seed of Math.random; each evaluation reseeds from (seed, source, scope) so order never matters. */
  seed?: number;
  /** What `Date.now()` and `new Date()` return inside the sandbox (epoch ms). */
  nowMs?: number;
}

const DEFAULTS = {
  memoryBytes: 64 * 1024 * 1024,
  deadlineMs: 1000,
  // 512 KiB overflows V8's own stack before QuickJS notices; 256 KiB still allows ~1000 frames.
  stackBytes: 256 * 1024,
  maxOutputBytes: 8 * 1024 * 1024,
} as const;

/** 2024-01-01T00:00:00Z: a fixed clock, so code that reads the date is reproducible. */
export const DEFAULT_SANDBOX_NOW_MS = Date.UTC(2024, 0, 1);

/** Creates a ready sandbox with its own runtime (own heap limit) on the shared WebAssembly module. */
export function createQuickJSSandbox(options: QuickJSSandboxOptions = {}): QuickJSSandbox {
  return new QuickJSSandbox(quickJSModule, options);
}

type Kind = 'expression' | 'body';

/**
 * The Sandbox of DESIGN.md section 2 on QuickJS. One runtime and context are reused and user code
 * is compiled once per (source, scope names) into a function kept as a handle, so a warm call is a
 * JSON.parse of the scope, the call and a JSON.stringify of the result. The intrinsics and the
 * global object are frozen after the prelude, so no evaluation can change what the next one sees.
 */
export class QuickJSSandbox implements Sandbox {
  private readonly limits: Required<SandboxLimits>;
  private readonly seed: number;
  private readonly nowMs: number;
  private runtime!: QuickJSRuntime;
  private context!: QuickJSContext;
  private invoke!: QuickJSHandle;
  private compiled = new Map<string, QuickJSHandle>();
  private disposed = false;

  constructor(
    private readonly module: QuickJSWASMModule,
    options: QuickJSSandboxOptions = {},
  ) {
    this.limits = {
      memoryBytes: options.memoryBytes ?? DEFAULTS.memoryBytes,
      deadlineMs: options.deadlineMs ?? DEFAULTS.deadlineMs,
      stackBytes: options.stackBytes ?? DEFAULTS.stackBytes,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULTS.maxOutputBytes,
    };
    this.seed = options.seed ?? 0;
    this.nowMs = options.nowMs ?? DEFAULT_SANDBOX_NOW_MS;
    this.boot();
  }

  evaluate(expression: string, scope: Record<string, unknown>): unknown {
    return this.execute('expression', expression, scope);
  }

  run(body: string, scope: Record<string, unknown>): unknown {
    return this.execute('body', body, scope);
  }

  checkSyntax(source: string, kind: Kind): SyntaxProblem | null {
    this.assertUsable();
    // Compiling a never-called function checks syntax without running a line of user code.
    const result = this.context.evalCode(wrapForSyntax(source, kind), 'snippet.js');
    if (!result.error) {
      result.value.dispose();
      return null;
    }
    const error = this.describe(result.error);
    result.error.dispose();
    const at = /snippet\.js:(\d+):(\d+)/.exec(error.stack) ?? [];
    const line = Number(at[1] ?? 1);
    const column = Number(at[2] ?? 1);
    // The wrapper adds one line before the snippet.
    return { message: error.message, line: Math.max(1, line - 1), column: Math.max(1, column) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardown();
  }

  private boot(): void {
    this.runtime = this.module.newRuntime();
    this.runtime.setMemoryLimit(this.limits.memoryBytes);
    this.runtime.setMaxStackSize(this.limits.stackBytes);
    this.context = this.runtime.newContext();
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + 5000));
    const prelude = this.context.evalCode(PRELUDE(this.nowMs), 'prelude.js');
    this.invoke = this.context.unwrapResult(prelude);
    this.compiled = new Map();
  }

  private teardown(): void {
    for (const handle of this.compiled.values()) handle.dispose();
    this.compiled.clear();
    this.invoke.dispose();
    this.context.dispose();
    this.runtime.dispose();
  }

  /** After a limit was hit the heap may be in any state; a fresh runtime is cheap insurance. */
  private rebuild(): void {
    try {
      this.teardown();
    } catch {
      // A runtime that failed mid-allocation may refuse to free cleanly; it is dropped either way.
    }
    this.boot();
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('The sandbox was disposed.');
  }

  private execute(kind: Kind, source: string, scope: Record<string, unknown>): unknown {
    this.assertUsable();
    const scopeJson = JSON.stringify(scope, (_k, v) => (v === undefined ? null : v));
    const names = scopeNames(scope);
    try {
      const fn = this.compile(kind, source, names);
      return this.call(fn, scopeJson, hashSeed(this.seed, source, scopeJson));
    } catch (error) {
      if (error instanceof SandboxError) {
        if (error.code === 'sandbox_limit') this.rebuild();
        throw error;
      }
      // A host RangeError (the WebAssembly stack) leaves QuickJS in an unknown state.
      this.rebuild();
      throw new SandboxError('sandbox_limit', `The code hit a sandbox limit: ${(error as Error).message}`);
    }
  }

  private compile(kind: Kind, source: string, names: string[]): QuickJSHandle {
    const key = `${kind}\u0000${names.join(',')}\u0000${source}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    this.arm();
    const result = this.context.evalCode(wrapForRun(source, kind, names), 'snippet.js');
    if (result.error) throw this.toSandboxError(result.error);
    this.compiled.set(key, result.value);
    return result.value;
  }

  private call(fn: QuickJSHandle, scopeJson: string, seed: number): unknown {
    const scopeHandle = this.context.newString(scopeJson);
    const seedHandle = this.context.newNumber(seed);
    this.arm();
    const result = this.context.callFunction(
      this.invoke,
      this.context.undefined,
      fn,
      scopeHandle,
      seedHandle,
    );
    scopeHandle.dispose();
    seedHandle.dispose();
    if (result.error) throw this.toSandboxError(result.error);
    const text =
      this.context.typeof(result.value) === 'string' ? this.context.getString(result.value) : undefined;
    result.value.dispose();
    if (text === undefined) return undefined;
    if (text.length > this.limits.maxOutputBytes) {
      throw new SandboxError(
        'sandbox_limit',
        `The result is ${text.length} bytes of JSON, over the limit of ${this.limits.maxOutputBytes}.`,
      );
    }
    return JSON.parse(text);
  }

  private arm(): void {
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + this.limits.deadlineMs));
  }

  private toSandboxError(handle: QuickJSHandle): SandboxError {
    const error = this.describe(handle);
    handle.dispose();
    if (isLimit(error)) {
      const what = /interrupted/.test(error.message)
        ? `ran longer than ${this.limits.deadlineMs} ms`
        : /stack/.test(error.message)
          ? 'recursed too deeply (stack limit)'
          : 'used too much memory';
      return new SandboxError('sandbox_limit', `The code ${what}: ${error.message}`);
    }
    return new SandboxError('code_error', error.name ? `${error.name}: ${error.message}` : error.message);
  }

  /** Reads name, message and stack off a thrown value without dumping it whole (stacks can be huge). */
  private describe(handle: QuickJSHandle): { name: string; message: string; stack: string } {
    const read = (key: string): string => {
      try {
        const prop = this.context.getProp(handle, key);
        const value = this.context.typeof(prop) === 'string' ? this.context.getString(prop) : '';
        prop.dispose();
        return value;
      } catch {
        return '';
      }
    };
    if (this.context.typeof(handle) !== 'object') {
      const dumped = safeDump(this.context, handle);
      return { name: '', message: `Uncaught ${dumped}`, stack: '' };
    }
    return {
      name: read('name'),
      message: read('message').slice(0, 2000),
      stack: read('stack').slice(0, 2000),
    };
  }
}

function safeDump(context: QuickJSContext, handle: QuickJSHandle): string {
  try {
    return JSON.stringify(context.dump(handle))?.slice(0, 2000) ?? 'undefined';
  } catch {
    return 'a value';
  }
}

function isLimit(error: { name: string; message: string }): boolean {
  if (error.name === 'InternalError')
    return /interrupted|stack overflow|out of memory|too long/i.test(error.message);
  return /out of memory/i.test(error.message);
}

/** Strict mode: assigning an undeclared name throws instead of writing to the (frozen) global. */
function wrapForRun(source: string, kind: Kind, names: string[]): string {
  const params = names.length ? `{ ${names.join(', ')} }` : '__scope';
  const body = kind === 'expression' ? `return (\n${source}\n);` : `\n${source}\n`;
  return `(function () { 'use strict'; return function (${params}) {${body}}; })()`;
}

function wrapForSyntax(source: string, kind: Kind): string {
  return kind === 'expression'
    ? `(function () { 'use strict'; return (\n${source}\n); })`
    : `(function () { 'use strict';\n${source}\n})`;
}

/** FNV-1a over the seed, source and scope: the same evaluation always draws the same numbers. */
function hashSeed(seed: number, source: string, scopeJson: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const text of [source, scopeJson]) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}
