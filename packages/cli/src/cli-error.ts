import { type ErrorCode, RepsError } from '@reps/shared';

/** Exit codes of every command: a script can tell "your pipeline is wrong" from "reps was misused". */
export const EXIT = {
  ok: 0,
  /** The user's pipeline is invalid, or a run fell under --fail-under. */
  userError: 1,
  /** Bad arguments, unreadable files, a broken challenge or configuration. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error a command reports as one line `reps: <code>: <message>` before exiting. */
export class CliError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  constructor(code: ErrorCode, message: string, exitCode: ExitCode = EXIT.usage) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/**
 * One line per error, with its code; the stack only with REPS_DEBUG=1, since a learner can act on
 * the message but not on our call stack. Anything that is not a CliError or RepsError is a bug.
 */
export function formatError(error: unknown, debug: boolean): { text: string; exitCode: ExitCode } {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof CliError)
    return { text: line(error.code, error.message) + stack, exitCode: error.exitCode };
  if (error instanceof RepsError)
    return { text: line(error.code, error.message) + stack, exitCode: EXIT.usage };
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? '' : ' (set REPS_DEBUG=1 for the stack)';
  return { text: line('internal', `${message}${hint}`) + stack, exitCode: EXIT.usage };
}

function line(code: ErrorCode, message: string): string {
  return `reps: ${code}: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}
