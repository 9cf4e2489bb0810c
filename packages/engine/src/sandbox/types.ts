/**
 * The sandbox contract: expressions, templates' `{{ expr }}` parts and code steps run in QuickJS
 * with no host objects, a memory limit, a stack limit and an interrupt deadline.
 */

export interface SandboxLimits {
  /** Default 64 MiB. */
  memoryBytes?: number;
  /** Default 1000 ms per evaluation. */
  deadlineMs?: number;
  /** Default 256 KiB. */
  stackBytes?: number;
  /** Largest JSON result accepted, in bytes; default 8 MiB. */
  maxOutputBytes?: number;
}

/** code_error: the code threw; sandbox_limit: a limit stopped it; timeout: a Promise never settled. */
export type SandboxFailureCode = 'code_error' | 'sandbox_limit' | 'timeout';

/** What a sandbox has done so far: calls, and QuickJS interrupt polls (a deterministic CPU measure). */
export interface SandboxUsage {
  calls: number;
  polls: number;
}

export class SandboxError extends Error {
  readonly code: SandboxFailureCode;
  constructor(code: SandboxFailureCode, message: string) {
    super(message);
    this.name = 'SandboxError';
    this.code = code;
  }
}

export interface Sandbox {
  /**
   * Evaluates a JavaScript expression with `scope`'s keys as variables (JSON values only) and
   * returns its JSON value. Throws SandboxError.
   */
  evaluate(expression: string, scope: Record<string, unknown>): unknown;
  /** Runs a function body (`return …`) with `scope`'s keys as variables. Throws SandboxError. */
  run(body: string, scope: Record<string, unknown>): unknown;
  /** Calls and interrupt polls so far. */
  readonly usage: SandboxUsage;
  dispose(): void;
}
