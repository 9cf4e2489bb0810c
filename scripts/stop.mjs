#!/usr/bin/env node
// `npm run stop`: stops what `npm start` started, from another shell.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopProjectPostgres } from './lib/postgres.mjs';
import { stopProjectRedis } from './lib/redis.mjs';
import { stateDirOf } from './lib/stack.mjs';
import { processAlive, say, sleep } from './lib/util.mjs';

const stateDir = stateDirOf(process.env);
const runFile = join(stateDir, 'run.json');

async function waitGone(pids, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && pids.some(processAlive)) await sleep(100);
  return !pids.some(processAlive);
}

if (existsSync(runFile)) {
  const { supervisor, children } = JSON.parse(readFileSync(runFile, 'utf8'));
  if (processAlive(supervisor)) {
    // The supervisor stops its children and the services it started, as on Ctrl-C.
    process.kill(supervisor, 'SIGTERM');
    if (await waitGone([supervisor], 40_000)) {
      say('stopped');
      process.exit(0);
    }
  }
  for (const pid of children.filter(processAlive)) process.kill(pid, 'SIGTERM');
  if (!(await waitGone(children, 15_000)))
    for (const pid of children.filter(processAlive)) process.kill(pid, 'SIGKILL');
  rmSync(runFile, { force: true });
}
const pg = stopProjectPostgres(stateDir);
const redis = await stopProjectRedis(stateDir);
say(pg || redis ? 'stopped the project-local services' : 'nothing was running');
