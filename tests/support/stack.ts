import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Set by scripts/test.mjs: the running API's URL and the environment it was started with. */
export const apiUrl = (): string => required('REPS_TEST_API_URL');
export const stackEnv = (): Record<string, string> => JSON.parse(required('REPS_TEST_ENV'));
export const repoRoot = new URL('../..', import.meta.url).pathname;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with \`npm test\``);
  return value;
}

export interface Started {
  child: ChildProcess;
  /** stdout and stderr, interleaved as they arrived. */
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node apps/api/dist/<entry>.js` with the stack's environment plus overrides. */
export function startEntry(
  entry: 'main' | 'worker',
  overrides: Record<string, string | undefined> = {},
): Started {
  const env: Record<string, string> = { ...stackEnv() };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return startScript(`apps/api/dist/${entry}.js`, env);
}

/** Starts `node <script>` (relative to the repository root) with exactly this environment. */
export function startScript(script: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [join(repoRoot, script)], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => {
    output += d;
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, stderr: () => stderr, exited };
}

export async function waitUntil<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/** /api/health latencies (ms), measured one request after another until `work` settles. */
export async function healthLatencies<T>(work: Promise<T>): Promise<{ latencies: number[]; result: T }> {
  let settled = false;
  const result = work.finally(() => {
    settled = true;
  });
  const latencies: number[] = [];
  while (!settled) {
    const started = performance.now();
    await (await fetch(`${apiUrl()}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { latencies, result: await result };
}

/**
 * The API kept answering: 9 in 10 health checks within 100 ms and none past 400 ms. A blocked event
 * loop shows as seconds; the looser tail allows for a 2-core machine busy with other suites.
 */
export function expectResponsive(latencies: number[]): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  expect(sorted.length).toBeGreaterThan(3);
  expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(100);
  expect(sorted[sorted.length - 1]).toBeLessThan(400);
}

export function freePort(): Promise<number> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : 0;
          server.close(() => resolve(port));
        });
      }),
  );
}
