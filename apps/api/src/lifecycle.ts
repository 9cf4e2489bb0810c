/**
 * On SIGTERM/SIGINT Nest closes the HTTP server (in-flight requests finish), the BullMQ workers
 * (active jobs finish) and the pools. This deadline stops a shutdown that would hang forever.
 */
export function installShutdownDeadline(timeoutMs: number): void {
  const arm = (signal: string) => {
    const timer = setTimeout(() => {
      process.stderr.write(`reps: shutdown after ${signal} took longer than ${timeoutMs} ms; forcing exit\n`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
  };
  process.once('SIGTERM', () => arm('SIGTERM'));
  process.once('SIGINT', () => arm('SIGINT'));
}

/** A failure to start is reported in one line a person can act on, not a stack trace. */
export function exitOnStartupError(entry: string, error: unknown): never {
  const err = error as NodeJS.ErrnoException & { address?: string; port?: number };
  let message = err?.message ?? String(error);
  if (err?.code === 'EADDRINUSE') message = `port ${err.port} on ${err.address} is already in use; set PORT to a free port`;
  else if (err?.code === 'ECONNREFUSED' && /543\d\d|5432|postgres/i.test(message)) message = `DATABASE_URL: cannot connect (${message})`;
  process.stderr.write(`reps ${entry}: failed to start: ${message}\n`);
  process.exit(1);
}
