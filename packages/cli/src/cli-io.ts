/**
 * Where a command writes and what it may know about its surroundings. Commands never touch
 * `process` directly, so tests run them in-process and read exactly what a user would see.
 */
export interface CliIo {
  /** Writes to stdout as is (callers add newlines). */
  out(text: string): void;
  /** Writes to stderr as is. */
  err(text: string): void;
  /** Progress bars only make sense on a terminal. */
  stderrIsTTY: boolean;
  /** Width of the terminal behind stderr, when there is one. */
  columns?: number;
  /** Relative paths (pipelines, challenges, .reps/traces) are resolved from here. */
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An in-memory CliIo for tests: everything written is kept in `stdout` and `stderr`. */
export function memoryIo(options: Partial<Omit<CliIo, 'out' | 'err'>> = {}): CliIo & {
  stdout: string;
  stderr: string;
} {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
    stderrIsTTY: false,
    cwd: process.cwd(),
    env: {},
    ...options,
  };
  return io;
}
