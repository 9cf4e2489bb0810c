#!/usr/bin/env node
// `npm test`: unit tests, integration tests against real Postgres and Redis (a throwaway database
// on project-local servers, provisioned like `npm start`), and end-to-end tests in Chromium against
// the started stack. Ends with one line: `N passed, N failed`.
//   npm test                  every layer
//   npm test -- unit          one layer (unit | integration | e2e), extra args go to jest
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureDependencies, root, startThrowawayStack } from './lib/stack.mjs';
import { aptInstall, bold, green, red, runVisible, say, UserError, which } from './lib/util.mjs';

const LAYERS = ['unit', 'integration', 'e2e'];
const args = process.argv.slice(2);
const only = LAYERS.includes(args[0]) ? [args.shift()] : LAYERS;
const stateDir = join(root, '.reps', 'test');
const resultsDir = join(root, '.reps', 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const cleanups = [];

async function jest(project, env = {}) {
  const output = join(resultsDir, `${project}.json`);
  rmSync(output, { force: true });
  say(`${bold(project)} tests`);
  const code = await runVisible(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      join(root, 'node_modules/jest/bin/jest.js'),
      '--selectProjects',
      project,
      '--json',
      '--outputFile',
      output,
      ...(project === 'unit' ? [] : ['--runInBand']),
      ...args,
    ],
    { cwd: root, env: { ...process.env, ...env } },
  );
  count(project, output, code);
}

function count(project, output, code) {
  if (!existsSync(output)) {
    totals.failed += 1;
    process.stderr.write(`${red('✗')} ${project}: jest produced no results (exit ${code})\n`);
    return;
  }
  const r = JSON.parse(readFileSync(output, 'utf8'));
  // A suite that fails to load has no tests to count; it is still a failure.
  const brokenSuites = r.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + brokenSuites;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  if (code !== 0 && r.numFailedTests + brokenSuites === 0 && r.numTotalTests > 0) totals.failed += 1;
}

function ensureChromium() {
  if (process.env.REPS_CHROMIUM || which('chromium')) return;
  if (!aptInstall(['chromium'])) {
    throw new UserError(
      'Chromium is needed for the end-to-end tests: install the `chromium` package (or set REPS_CHROMIUM).',
    );
  }
}

async function startStack() {
  const { baseUrl, env, database } = await startThrowawayStack({
    name: 'test',
    stateDir,
    logDir: resultsDir,
    cleanups,
    databaseUrl: process.env.REPS_TEST_DATABASE_URL,
    redisUrl: process.env.REPS_TEST_REDIS_URL,
    pgPort: Number(process.env.REPS_TEST_PG_PORT) || undefined,
    redisPort: Number(process.env.REPS_TEST_REDIS_PORT) || undefined,
    env: {
      REPS_SEED_DEMO: 'true',
      // Every test learner registers from 127.0.0.1.
      REPS_REGISTRATIONS_PER_HOUR: '100000',
      // The catalogue, plus the engine's tiny fixture challenge the platform tests grade quickly.
      REPS_CHALLENGES_DIR: `${join(root, 'challenges')}:${join(root, 'packages/engine/src/challenges/fixtures')}`,
    },
  });
  say(`stack up at ${baseUrl} (database ${database})`);
  // Tests that start their own processes (crash and shutdown tests) get the same environment.
  return { REPS_TEST_API_URL: baseUrl, REPS_TEST_ENV: JSON.stringify(env) };
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  await ensureDependencies();
  await build();
  if (only.includes('unit')) await jest('unit');
  if (only.some((l) => l !== 'unit')) {
    if (only.includes('e2e')) ensureChromium();
    const env = await startStack();
    if (only.includes('integration')) await jest('integration', env);
    if (only.includes('e2e')) await jest('e2e', env);
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse()) await fn();
}

function summary() {
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
  process.stdout.write(`\n${totals.failed === 0 ? green(line) : red(line)}\n`);
  process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    totals.failed += 1;
    process.stderr.write(`${red('✗')} interrupted by ${signal}\n`);
    cleanup().finally(summary);
  });
}
main()
  .catch((error) => {
    totals.failed += 1;
    process.stderr.write(
      `${red('✗')} ${error instanceof UserError ? error.message : (error.stack ?? error)}\n`,
    );
  })
  .finally(() => cleanup().finally(summary));
