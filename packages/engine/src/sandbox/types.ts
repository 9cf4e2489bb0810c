/**
 * The sandbox contract: expressions, templates' `{{ expr }}` parts and code steps run in QuickJS
 * with no host objects, a memory limit, a stack limit and an interrupt deadline.
 */

export interface SandboxLimits {
  /** Default 64 MiB. */
  memoryBytes?: number;
  /** Default 1000 ms per evaluation. */
  deadlineMs?: number;
  /** Default 512 KiB. */
  stackBytes?: number;
  /** Largest JSON result accepted, in bytes; default 8 MiB. */
  maxOutputBytes?: number;
}

/** A syntax problem in user code, positioned within the snippet (1-based). */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

export type SandboxFailureCode = 'code_error' | 'sandbox_limit';

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
  /** Checks syntax without running anything; null when fine. */
  checkSyntax(source: string, kind: 'expression' | 'body'): SyntaxProblem | null;
  dispose(): void;
}
