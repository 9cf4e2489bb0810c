import { connect } from 'node:net';

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
  if (err?.code === 'EADDRINUSE')
    message = `port ${err.port} on ${err.address} is already in use; set PORT to a free port`;
  process.stderr.write(`reps ${entry}: failed to start: ${message}\n`);
  process.exit(1);
}

/**
 * Checks that Postgres and Redis accept connections before anything else starts, so a wrong URL
 * fails in seconds with the variable's name instead of after a chain of driver retries.
 */
export async function probeServices(urls: Record<string, string>, timeoutMs = 3000): Promise<void> {
  const problems = await Promise.all(
    Object.entries(urls).map(async ([name, value]) => {
      const url = new URL(value);
      const port = Number(url.port || (url.protocol.startsWith('redis') ? 6379 : 5432));
      const error = await tryConnect(url.hostname, port, timeoutMs);
      return error ? `${name}: cannot connect to ${url.hostname}:${port} (${error})` : null;
    }),
  );
  const found = problems.filter((p): p is string => p !== null);
  if (found.length > 0) throw new StartupError(found.join('; '));
}

export class StartupError extends Error {}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (error: string | null) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}
