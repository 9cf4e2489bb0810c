// Small helpers for the start, stop and test scripts. Plain Node (no dependencies), because these
// scripts run before `npm install` has happened.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const red = paint('31');

export function say(message) {
  process.stdout.write(`${dim('reps')} ${message}\n`);
}

/** A failure the user can fix: one clear message, no stack trace. */
export class UserError extends Error {}

export function fail(message) {
  throw new UserError(message);
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0 && !options.allowFail) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}${output ? `:\n${output}` : ''}`);
  }
  return result;
}

/** Runs a command with its output shown; resolves with its exit code. */
export function runVisible(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function which(cmd) {
  const result = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Resolves true when something accepts TCP connections on host:port within the timeout. */
export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok, error) => {
      socket.destroy();
      resolve(ok ? true : (error ?? false));
    };
    socket.setTimeout(timeoutMs, () => done(false, new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => done(true));
    socket.once('error', (error) => done(false, error));
  });
}

/** True when nothing listens on host:port (we could bind it). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Asks the OS for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check, { timeoutMs, intervalMs = 250, what }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(intervalMs);
  }
  fail(
    `${what} did not become ready within ${Math.round(timeoutMs / 1000)} s${last instanceof Error ? ` (${last.message})` : ''}`,
  );
}

export function processAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** apt-get install, when we may (root, apt present). Returns false when we may not. */
let aptUpdated = false;
export function aptInstall(packages) {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  say(`installing ${packages.join(', ')} with apt-get (once) …`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env, stdio: 'ignore', allowFail: true });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env, stdio: 'ignore' });
  return true;
}
