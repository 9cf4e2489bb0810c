// A project-local Redis, started from the system's redis-server on 127.0.0.1 with its data (an
// append-only file, so queued jobs survive a restart) under the state folder.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  aptInstall,
  canConnect,
  fail,
  portIsFree,
  processAlive,
  run,
  sleep,
  waitFor,
  which,
} from './util.mjs';

function ensureBinary() {
  let bin = which('redis-server');
  if (!bin && aptInstall(['redis-server'])) bin = which('redis-server');
  if (!bin) {
    fail(
      'Redis is not installed and cannot be installed from here (needs root and apt-get).\n' +
        '  Install redis-server 7+, or set REDIS_URL to a running server.',
    );
  }
  return bin;
}

function readPid(dir) {
  try {
    return Number(readFileSync(join(dir, 'redis.pid'), 'utf8').trim());
  } catch {
    return null;
  }
}

function readPort(dir) {
  try {
    return Number(readFileSync(join(dir, 'port'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

export async function ensureLocalRedis({ stateDir, port, anyPort = false }) {
  const bin = ensureBinary();
  const dir = resolve(stateDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const pid = readPid(dir);
  if (processAlive(pid)) {
    const running = readPort(dir);
    if (anyPort && running) port = running;
    if (running === port && (await canConnect('127.0.0.1', port)) === true) {
      return { url: `redis://127.0.0.1:${port}`, started: false, stop: () => stopRedisPid(pid) };
    }
    fail(
      `the project's Redis already runs on port ${running}; stop it (npm run stop) or set REPS_REDIS_PORT=${running}`,
    );
  }
  const url = `redis://127.0.0.1:${port}`;
  if (!(await portIsFree(port))) {
    fail(`port ${port} (Redis) is already in use by another program; set REPS_REDIS_PORT to a free port`);
  }
  run(bin, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--daemonize',
    'yes',
    '--pidfile',
    join(dir, 'redis.pid'),
    '--logfile',
    join(dir, 'redis.log'),
    '--appendonly',
    'yes',
    '--save',
    '',
    '--protected-mode',
    'yes',
  ]);
  await waitFor(async () => (await canConnect('127.0.0.1', port)) === true, {
    timeoutMs: 15000,
    what: 'Redis',
  });
  writeFileSync(join(dir, 'port'), String(port));
  // The daemon writes its pidfile a moment after it accepts connections.
  const startedPid = await waitFor(async () => readPid(dir), { timeoutMs: 5000, what: "Redis's pidfile" });
  return { url, started: true, stop: () => stopRedisPid(startedPid) };
}

export async function stopRedisPid(pid) {
  if (!processAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && processAlive(pid); i++) await sleep(100);
}

/** Stops the project's Redis whatever started it (npm run stop). */
export async function stopProjectRedis(stateDir) {
  const dir = resolve(stateDir, 'redis');
  if (!existsSync(dir)) return false;
  const pid = readPid(dir);
  if (!processAlive(pid)) return false;
  await stopRedisPid(pid);
  return true;
}
