// Brings up what Reps needs (dependencies, build, Postgres, Redis) and starts the API and the
// worker as child processes. Shared by `npm start` and `npm test`, so both run the same way.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dropDatabase, ensureDatabase, ensureLocalPostgres } from './postgres.mjs';
import { ensureLocalRedis } from './redis.mjs';
import { canConnect, fail, freePort, runVisible, say, sleep, waitFor } from './util.mjs';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** Where `npm start` keeps its secrets, run.json and project-local services: .reps, or REPS_STATE_DIR. */
export const stateDirOf = (env) => (env.REPS_STATE_DIR ? resolve(env.REPS_STATE_DIR) : join(root, '.reps'));

/** Fails fast (well within 10 s) when an external DATABASE_URL or REDIS_URL cannot be reached. */
export async function checkExternalUrl(name, value, defaultPort) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name}: "${value}" is not a URL`);
  }
  const port = Number(url.port || defaultPort);
  const result = await canConnect(url.hostname, port, 5000);
  if (result !== true) {
    const reason = result instanceof Error ? (result.code ?? result.message) : 'no answer';
    fail(`${name}: cannot connect to ${url.hostname}:${port} (${reason}). Is the server running?`);
  }
}

function lockIsNewer() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

export async function ensureDependencies() {
  if (existsSync(join(root, 'node_modules')) && !lockIsNewer()) return;
  say('installing dependencies (npm ci) …');
  const code = await runVisible('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  if (code !== 0) fail('npm ci failed; see the output above');
}

export async function build() {
  say('building …');
  const code = await runVisible('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root });
  if (code !== 0) fail('the build failed; see the output above');
}

/** Secrets generated once per clone and kept in the state folder (never in git). */
export function localSecrets(stateDir) {
  const file = join(stateDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(stateDir, { recursive: true });
  const secrets = {
    REPS_HIDDEN_SEED: randomBytes(24).toString('base64url'),
    REPS_SERVER_KEY: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Postgres and Redis: from DATABASE_URL / REDIS_URL when set (checked, never started or stopped by
 * us), else project-local instances. Returns the URLs and a stop() for what this call started.
 */
export async function provisionServices({ stateDir, env, pgPort, redisPort, database, anyPort = false }) {
  const stops = [];
  let databaseUrl = env.DATABASE_URL;
  let redisUrl = env.REDIS_URL;
  if (!databaseUrl) {
    const pg = await ensureLocalPostgres({ stateDir, port: pgPort, database, anyPort });
    databaseUrl = pg.url;
    if (pg.started) stops.push(pg.stop);
  }
  if (!redisUrl) {
    const redis = await ensureLocalRedis({ stateDir, port: redisPort, anyPort });
    redisUrl = redis.url;
    if (redis.started) stops.push(redis.stop);
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/** Starts `node <entry>` with env; its output goes to the terminal prefixed, or to a log file. */
export function startProcess(name, entry, env, { logFile } = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = logFile ? openLog(logFile) : null;
  const forward = (stream, target) =>
    stream.on('data', (chunk) => {
      if (sink) sink(chunk);
      else target.write(prefixLines(name, chunk));
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  return child;
}

function openLog(file) {
  writeFileSync(file, '');
  return (chunk) => writeFileSync(file, chunk, { flag: 'a' });
}

function prefixLines(name, chunk) {
  return chunk
    .toString()
    .split(/(?<=\n)/)
    .map((line) => `${name.padEnd(6)} │ ${line}`)
    .join('');
}

const hasEnded = (child) => child.exitCode !== null || child.signalCode !== null;
const ending = (child) =>
  child.signalCode !== null ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;

/** Waits until GET /api/health answers 200, or the process dies. */
export async function waitForHealth(baseUrl, child, timeoutMs = 90_000) {
  return waitFor(
    async () => {
      if (hasEnded(child)) fail(`the API ${ending(child)} before it was ready`);
      const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
      return res?.status === 200 ? res.json() : null;
    },
    { timeoutMs, what: 'the API', intervalMs: 300 },
  );
}

export async function waitForWorker(baseUrl, child, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      if (hasEnded(child)) fail(`the worker ${ending(child)} before it was ready`);
      const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
      const body = res?.status === 200 ? await res.json() : null;
      return body && body.workers > 0 ? body : null;
    },
    { timeoutMs, what: 'the worker', intervalMs: 300 },
  );
}

/** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
export async function stopProcess(child, graceMs = 15_000) {
  if (!child || hasEnded(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A deployment of its own for tests and benchmarks: a fresh database (on the given server or a
 * project-local one), its own Redis prefix and secrets, the API and one worker on a free port.
 * Everything it starts is registered in `cleanups`, in order, even when a later step fails.
 */
export async function startThrowawayStack({
  name,
  stateDir,
  logDir,
  cleanups,
  databaseUrl,
  redisUrl,
  pgPort,
  redisPort,
  env: extra = {},
}) {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const database = `reps_${name}_${runId}`;
  const services = await provisionServices({
    stateDir,
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    // Any free ports: several clones may run their tests at once on one machine.
    pgPort: pgPort || (await freePort()),
    redisPort: redisPort || (await freePort()),
    database,
    anyPort: true,
  });
  cleanups.push(() => services.stop());
  // On a given server too, the work happens in a throwaway database next to the given one.
  const adminUrl = services.databaseUrl.replace(/\/[^/]*$/, '/postgres');
  await ensureDatabase(adminUrl, database);
  cleanups.push(() => dropDatabase(adminUrl, database).catch(() => undefined));

  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: services.databaseUrl.replace(/\/[^/]*$/, `/${database}`),
    REDIS_URL: services.redisUrl,
    REPS_REDIS_PREFIX: `reps-${name}-${runId}`,
    REPS_HIDDEN_SEED: `${name}-hidden-seed-${runId}`,
    REPS_SERVER_KEY: `${name}-server-key-${runId}-0123456789abcdef`,
    REPS_WEB_DIST: join(root, 'apps/web/dist'),
    REPS_CHALLENGES_DIR: join(root, 'challenges'),
    REPS_SHUTDOWN_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'info',
    ...extra,
  };
  mkdirSync(logDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = startProcess('api', 'apps/api/dist/main.js', env, { logFile: join(logDir, 'api.log') });
  const worker = startProcess('worker', 'apps/api/dist/worker.js', env, {
    logFile: join(logDir, 'worker.log'),
  });
  cleanups.push(() => Promise.all([stopProcess(api), stopProcess(worker)]));
  await waitForHealth(baseUrl, api);
  await waitForWorker(baseUrl, worker);
  return { baseUrl, env, database };
}
