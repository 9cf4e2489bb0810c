#!/usr/bin/env node
// `npm start`: everything from a fresh clone to a running Reps (README.md).
// Ctrl-C or SIGTERM (or `npm run stop` from another shell) stops every process it started.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  build,
  checkExternalUrl,
  ensureDependencies,
  localSecrets,
  provisionServices,
  root,
  startProcess,
  stopProcess,
  waitForHealth,
  waitForWorker,
} from './lib/stack.mjs';
import { bold, fail, green, portIsFree, red, say, UserError } from './lib/util.mjs';

const stateDir = join(root, '.reps');
const runFile = join(stateDir, 'run.json');
const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 3000);
const children = [];
let services;
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

  const childEnv = {
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
  const baseUrl = `http://${host}:${port}`;
  const api = startProcess('api', 'apps/api/dist/main.js', childEnv);
  children.push(api);
  watch(api, 'api');
  writeRunFile();
  await waitForHealth(baseUrl, api);
  const worker = startProcess('worker', 'apps/api/dist/worker.js', childEnv);
  children.push(worker);
  watch(worker, 'worker');
  writeRunFile();
  await waitForWorker(baseUrl, worker);

  process.stdout.write(
    [
      '',
      `${green('●')} ${bold('Reps is running')} at ${bold(baseUrl)}`,
      `  API docs   ${baseUrl}/api/docs      health ${baseUrl}/api/health`,
      `  Demo logins (created on first start):`,
      `    instructor  instructor@reps.local  /  reps-instructor`,
      `    learner     learner@reps.local     /  reps-learner`,
      `    admin       admin@reps.local       /  reps-admin`,
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
  writeFileSync(
    runFile,
    JSON.stringify({ supervisor: process.pid, children: children.map((c) => c.pid) }, null, 2),
  );
}

function watch(child, name) {
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `${red('●')} the ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything\n`,
    );
    shutdown(1);
  });
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  await Promise.all(children.map((child) => stopProcess(child)));
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
