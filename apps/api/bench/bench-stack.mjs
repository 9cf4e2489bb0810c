// What the API benchmarks (platform.bench.mjs, load.bench.mjs) share: a throwaway stack of their
// own, stopped at the end also on error or Ctrl-C; HTTP helpers; and the run that prints one JSON
// object as the last stdout line. Built on scripts/lib/stack.mjs, like the integration tests.
//
// The stack: project-local Postgres and Redis under the bench's state folder (or DATABASE_URL /
// REDIS_URL when set), a fresh database, its own Redis prefix, the built API and ONE worker on a
// free loopback port. The API and worker write their logs straight to files
// (<stateDir>/{api,worker}.log), not through the bench's process, so the bench does not pay for the
// API's request log.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../../../scripts/lib/postgres.mjs';
import {
  provisionServices,
  root,
  stopProcess,
  waitForHealth,
  waitForWorker,
} from '../../../scripts/lib/stack.mjs';
import { freePort } from '../../../scripts/lib/util.mjs';

export { root };

/** A numeric knob from the environment; the fallback when unset or not a number. */
export const num = (name, fallback) => {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) ? value : fallback;
};

let log = (message) => process.stderr.write(`bench ${message}\n`);

/** Progress goes to stderr, each line after `prefix`; this module's own messages too. */
export function progressLog(prefix) {
  log = (message) => process.stderr.write(`${prefix}${message}\n`);
  return log;
}

// ---------------------------------------------------------------------------------------------
// Stopping what the bench started

const cleanups = [];
const children = [];
let cleaning;

/** Registers how to stop something just started; once stopping has begun, stops it at once. */
export function onCleanup(fn) {
  if (cleaning) cleaning = cleaning.then(fn).catch((e) => log(`cleanup: ${e.message}`));
  else cleanups.push(fn);
}

/** Stops what the bench started, newest first; once, however many paths ask for it. */
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      await Promise.resolve()
        .then(fn)
        .catch((e) => log(`cleanup: ${e.message}`));
    }
  })();
  return cleaning;
}

/** A child process killed at exit if it still runs then (see runBench). */
export function ownChild(child) {
  children.push(child);
  return child;
}

/**
 * Runs `main`, stops what the bench started (also on SIGINT / SIGTERM or an uncaught error) and
 * prints main's result, or `{ error }`, as one JSON line on stdout; exits 1 on error.
 */
export async function runBench(main) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      log(`interrupted by ${signal}; stopping what the bench started`);
      cleanup().finally(() => process.exit(130));
    });
  }
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (error) => {
      log(`${event}: ${error?.stack ?? error}; stopping what the bench started`);
      cleanup().finally(() => process.exit(1));
    });
  }
  // Last resort (an exit before cleanup finished): no child of ours outlives the bench.
  process.on('exit', () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  let exitCode = 0;
  let output;
  try {
    output = await main();
  } catch (error) {
    exitCode = 1;
    log(`failed: ${error.stack ?? error.message}`);
    output = { error: error.message };
  } finally {
    await cleanup();
  }
  console.log(JSON.stringify(output));
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------------------------
// The stack

/** `node <args>` with its stdout and stderr going straight to <dir>/<name>.log (not through us). */
function startLogged(dir, name, args, env) {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, `${name}.log`), 'w');
  try {
    return ownChild(spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', fd, fd] }));
  } finally {
    closeSync(fd);
  }
}

/** Deletes this run's keys from a Redis that may outlive it (best effort). */
async function forgetRedisPrefix(redisUrl, prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * The throwaway stack: database `reps_<name>_<run>`, Redis prefix `reps-<name>-<run>`, the API and
 * one worker (NODE_ENV=production, LOG_LEVEL `logLevel`, `env` on top). Everything it starts is
 * stopped by runBench, even when a later step fails.
 */
export async function startStack({ name, stateDir, logLevel = 'info', env: extra = {} }) {
  // BENCH_API_DIST: another build of the API to measure (e.g. an older commit's, for before/after).
  const dist = process.env.BENCH_API_DIST || 'apps/api/dist';
  for (const entry of [`${dist}/main.js`, `${dist}/worker.js`]) {
    if (!existsSync(join(root, entry))) {
      throw new Error(`${entry} is missing: build first (npx turbo run build), then run the bench again`);
    }
  }
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const database = `reps_${name}_${runId}`;
  const services = await provisionServices({
    stateDir,
    env: { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL },
    pgPort: await freePort(),
    redisPort: await freePort(),
    database,
    anyPort: true,
  });
  onCleanup(() => services.stop());
  // On a given server too, the work happens in a throwaway database next to the given one.
  const adminUrl = services.databaseUrl.replace(/\/[^/]*$/, '/postgres');
  await ensureDatabase(adminUrl, database);
  onCleanup(() => dropDatabase(adminUrl, database).catch(() => undefined));
  const prefix = `reps-${name}-${runId}`;
  onCleanup(() =>
    forgetRedisPrefix(services.redisUrl, prefix).catch((e) => log(`redis cleanup: ${e.message}`)),
  );

  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: services.databaseUrl.replace(/\/[^/]*$/, `/${database}`),
    REDIS_URL: services.redisUrl,
    REPS_REDIS_PREFIX: prefix,
    REPS_HIDDEN_SEED: `${name}-hidden-seed-${runId}`,
    REPS_SERVER_KEY: `${name}-server-key-${runId}-0123456789abcdef`,
    REPS_WEB_DIST: join(root, 'apps/web/dist'),
    REPS_CHALLENGES_DIR: join(root, 'challenges'),
    REPS_SHUTDOWN_TIMEOUT_MS: '5000',
    LOG_LEVEL: logLevel,
    // The worker's own knobs, when the bench is run with them (e.g. to compare concurrencies).
    ...Object.fromEntries(
      ['REPS_WORKER_CONCURRENCY', 'REPS_GRADING_THREADS', 'REPS_CASE_CONCURRENCY']
        .filter((name) => process.env[name])
        .map((name) => [name, process.env[name]]),
    ),
    ...extra,
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = startLogged(stateDir, 'api', ['--enable-source-maps', `${dist}/main.js`], env);
  const worker = startLogged(stateDir, 'worker', ['--enable-source-maps', `${dist}/worker.js`], env);
  onCleanup(() => Promise.all([stopProcess(api, 10_000), stopProcess(worker, 10_000)]));
  await waitForHealth(baseUrl, api);
  await waitForWorker(baseUrl, worker);
  log(`stack up at ${baseUrl} (database ${database}); logs in ${stateDir}`);
  return { baseUrl, databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, api, worker };
}

/**
 * A Postgres client whose connection errors (the server ending it while the bench stops) fail the
 * query in progress instead of crashing the bench before it has stopped what it started.
 */
export function pgClient(connectionString) {
  const client = new pg.Client({ connectionString });
  client.on('error', (error) => log(`postgres client: ${error.message}`));
  return client;
}

// ---------------------------------------------------------------------------------------------
// HTTP and figures

/** One JSON request to `${baseUrl}/api${path}`: status, parsed body, the session cookie set. */
export async function request(baseUrl, method, path, { body, cookie } = {}) {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** Registers a learner through the API; `{ handle, cookie }` of its session. */
export async function registerLearner(baseUrl, handle, password) {
  const res = await request(baseUrl, 'POST', '/auth/register', {
    body: { email: `${handle}@bench.invalid`, handle, password },
  });
  if (res.status !== 201 || !res.cookie)
    throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return { handle, cookie: res.cookie };
}

/** Runs fn(i) for i < n, `concurrency` at a time. */
export async function pool(n, concurrency, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

/** The nearest-rank p-th percentile of ascending `sorted`; null when it is empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The Node version and the machine's cores, CPU model and memory. */
export const machineInfo = () => ({
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memory_gb: Math.round(totalmem() / 2 ** 30),
});
