#!/usr/bin/env node
// `npm start`: everything from a fresh clone to a running Reps (README.md).
// A crashed API or worker is restarted with backoff (scripts/lib/restart.mjs); Ctrl-C or SIGTERM
// (or `npm run stop` from another shell) stops every process it started.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoActivity } from './lib/demo-activity.mjs';
import { afterCrash, RESTART_POLICY } from './lib/restart.mjs';
import {
  build,
  checkExternalUrl,
  ensureDependencies,
  localSecrets,
  provisionServices,
  root,
  startProcess,
  stateDirOf,
  stopProcess,
  waitForHealth,
  waitForWorker,
} from './lib/stack.mjs';
import { bold, fail, green, portIsFree, red, say, UserError } from './lib/util.mjs';

const env = process.env;
const stateDir = stateDirOf(env);
const runFile = join(stateDir, 'run.json');
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 3000);
const baseUrl = `http://${host}:${port}`;
const ENTRIES = { api: 'apps/api/dist/main.js', worker: 'apps/api/dist/worker.js' };
const LABELS = { api: 'API', worker: 'worker' };
/** name → { child, startedAt, history (of afterCrash), timer (a pending restart) } */
const processes = {};
let childEnv;
let services;
/** Set once the stack is up: from then on a crash is restarted instead of ending the start. */
let running = false;
let stopping = false;

async function main() {
  const node = process.versions.node.split('.').map(Number);
  if (node[0] < 20 || (node[0] === 20 && node[1] < 19))
    fail(`Node.js 20.19 or newer is needed (this is ${process.version})`);
  if (env.DATABASE_URL) await checkExternalUrl('DATABASE_URL', env.DATABASE_URL, 5432);
  if (env.REDIS_URL) await checkExternalUrl('REDIS_URL', env.REDIS_URL, 6379);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT: "${env.PORT}" is not a port number`);
  if (!(await portIsFree(port, host)))
    fail(
      `PORT: port ${port} on ${host} is already in use (another Reps? try npm run stop), or set PORT to a free port`,
    );

  await ensureDependencies();
  await build();
  services = await provisionServices({
    stateDir,
    env,
    pgPort: Number(env.REPS_PG_PORT || 54329),
    redisPort: Number(env.REPS_REDIS_PORT || 63790),
    database: 'reps',
  });

  childEnv = {
    ...localSecrets(stateDir),
    // A local stack with demo accounts: the API refuses those under NODE_ENV=production.
    NODE_ENV: 'development',
    REPS_SEED_DEMO: 'true',
    LOG_PRETTY: process.stdout.isTTY ? 'true' : 'false',
    ...env,
    HOST: host,
    PORT: String(port),
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    REPS_WEB_DIST: env.REPS_WEB_DIST ?? join(root, 'apps/web/dist'),
    REPS_CHALLENGES_DIR: env.REPS_CHALLENGES_DIR ?? join(root, 'challenges'),
  };
  await waitForHealth(baseUrl, launch('api'));
  await waitForWorker(baseUrl, launch('worker'));
  running = true;
  // The demo cohort and its learners' submissions (scripts/lib/demo-activity.mjs), once.
  const demo = ['true', '1', 'yes'].includes(childEnv.REPS_SEED_DEMO)
    ? await seedDemoActivity({
        baseUrl,
        challengeDirs: childEnv.REPS_CHALLENGES_DIR.split(':').filter(Boolean),
      }).catch((error) => `not seeded (${error.message})`)
    : null;

  process.stdout.write(
    [
      '',
      `${green('●')} ${bold('Reps is running')} at ${bold(baseUrl)}`,
      `  API docs   ${baseUrl}/api/docs      health ${baseUrl}/api/health`,
      `  Demo logins (created on first start):`,
      `    instructor  instructor@reps.local  /  reps-instructor`,
      `    learner     learner@reps.local     /  reps-learner`,
      `    admin       admin@reps.local       /  reps-admin`,
      ...(demo ? [`  Demo cohort: ${demo}`] : []),
      `  Postgres ${redact(services.databaseUrl)}   Redis ${services.redisUrl}`,
      '  Press Ctrl-C to stop (or run `npm run stop` from another shell).',
      '',
    ].join('\n'),
  );
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

function writeRunFile() {
  const live = Object.fromEntries(
    Object.entries(processes)
      .filter(([, p]) => p.child.exitCode === null && p.child.signalCode === null)
      .map(([name, p]) => [name, p.child.pid]),
  );
  // `npm run stop` reads this: the supervisor, and the live children as of the last (re)start.
  // Written whole and renamed into place, so a reader never sees half a file.
  const run = { supervisor: process.pid, children: Object.values(live), ...live };
  writeFileSync(`${runFile}.tmp`, JSON.stringify(run, null, 2));
  renameSync(`${runFile}.tmp`, runFile);
}

function launch(name) {
  const child = startProcess(name, ENTRIES[name], childEnv);
  processes[name] = { ...processes[name], child, startedAt: Date.now() };
  child.on('exit', (code, signal) =>
    onExit(name, child, signal ? `killed by ${signal}` : `exit code ${code}`),
  );
  writeRunFile();
  return child;
}

function onExit(name, child, how) {
  const proc = processes[name];
  if (stopping || proc.child !== child) return;
  writeRunFile();
  const label = LABELS[name];
  if (!running) {
    process.stderr.write(`${red('●')} the ${label} stopped unexpectedly (${how}); stopping everything\n`);
    shutdown(1);
    return;
  }
  proc.history = afterCrash(proc.history, proc.startedAt, Date.now());
  const { giveUp, attempt, delayMs, crashes } = proc.history;
  if (giveUp) {
    process.stderr.write(
      `${red('✗')} the ${label} crashed ${crashes.length} times within ${RESTART_POLICY.windowMs / 1000} s ` +
        `(last: ${how}); giving up and stopping everything. Its log is above: the lines starting "${name.padEnd(6)} │".\n`,
    );
    shutdown(1);
    return;
  }
  process.stderr.write(
    `${red('●')} the ${label} (pid ${child.pid}) ended unexpectedly (${how}) at ${clock()}; ` +
      `restarting it in ${delayMs / 1000} s (attempt ${attempt})\n`,
  );
  proc.timer = setTimeout(() => restart(name, attempt), delayMs);
}

async function restart(name, attempt) {
  processes[name].timer = undefined;
  if (stopping) return;
  const label = LABELS[name];
  const child = launch(name);
  process.stderr.write(`${green('●')} restarted the ${label} (pid ${child.pid}, attempt ${attempt})\n`);
  try {
    // As at start-up, a restarted API counts once it is healthy; nothing waits for a worker.
    if (name === 'api') await waitForHealth(baseUrl, child);
    else await waitForWorker(baseUrl, child);
    if (!stopping && processes[name].child === child)
      process.stderr.write(`${green('●')} the ${label} is ${name === 'api' ? 'healthy' : 'ready'} again\n`);
  } catch (error) {
    // Ended before it was ready: its exit counts as a crash. An API that is up but never healthy is
    // stopped, which counts as a crash too.
    if (stopping || processes[name].child !== child || child.exitCode !== null || child.signalCode !== null)
      return;
    if (name === 'api') {
      process.stderr.write(`${red('●')} ${error.message}; stopping it to restart it\n`);
      await stopProcess(child);
    }
  }
}

function clock() {
  return new Date().toTimeString().slice(0, 8);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  for (const proc of Object.values(processes)) clearTimeout(proc.timer);
  await Promise.all(Object.values(processes).map((proc) => stopProcess(proc.child)));
  if (services) await services.stop();
  rmSync(runFile, { force: true });
  say('stopped');
  process.exit(code);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

main().catch((error) => {
  process.stderr.write(
    `${red('✗')} ${error instanceof UserError ? error.message : (error.stack ?? error)}\n`,
  );
  shutdown(1);
});
