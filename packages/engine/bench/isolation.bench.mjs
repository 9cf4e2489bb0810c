#!/usr/bin/env node
// Benchmark: what grading in worker threads costs (gradeChallengeIsolated): starting a thread and
// importing the engine in it (paid when the pool has no idle thread), the overhead on a small and on
// a real grading against gradeChallenge in-process, with pooled threads and with fresh ones, and
// whether the host's memory stays bounded.
// Runs on the built engine (npm run build first). Prints one JSON object on its last line.
//   node packages/engine/bench/isolation.bench.mjs      or      npm run bench -- isolation
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  createDefaultGateway,
  createSimProvider,
  GradingThreadPool,
  gradeChallenge,
  gradeChallengeIsolated,
  loadChallenge,
} from '../dist/index.js';
import { GradingThread } from '../dist/isolation/grading-thread.js';
import { median, round, medianMs as timedMedian } from './bench-kit.mjs';

const REPEATS = 7;
const MEMORY_JOBS = 20;
const root = new URL('../../..', import.meta.url).pathname;
const medianMs = (fn) => timedMedian(fn, REPEATS);

// --- 1. Thread start: new Worker until the thread, engine imported, starts on a job -----------

const echoSum = await loadChallenge(join(root, 'packages/engine/src/challenges/fixtures/echo-sum'));
const codeSum =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';

async function threadStartMs() {
  const start = performance.now();
  const thread = new GradingThread(512);
  const ready = await new Promise((resolve) => {
    thread.listen((message) => message.type === 'parsing' && resolve(performance.now() - start));
    thread.send({
      type: 'prepare',
      job: { challenge: echoSum, pipelineSource: codeSum, kind: 'public', gateway: {} },
    });
  });
  await thread.terminate();
  return ready;
}
const startTimes = [];
for (let i = 0; i < REPEATS + 1; i++) startTimes.push(await threadStartMs());
const threadStart = median(startTimes.slice(1));

/** The same with nothing to import: what the thread itself costs. */
async function bareThreadMs() {
  const start = performance.now();
  const worker = new Worker('require("node:worker_threads").parentPort.postMessage(1)', { eval: true });
  await new Promise((resolve) => worker.once('message', resolve));
  const ms = performance.now() - start;
  await worker.terminate();
  return ms;
}
const bareTimes = [];
for (let i = 0; i < REPEATS + 1; i++) bareTimes.push(await bareThreadMs());
const bareThread = median(bareTimes.slice(1));

// --- 2. A small grading (echo-sum, 5 public cases, one code step) and a real one ---------------

const gateway = () => createDefaultGateway({ extraProviders: [createSimProvider()] });
const small = { challenge: echoSum, pipelineSource: codeSum, kind: 'public' };
const smallInProcess = await medianMs(() => gradeChallenge({ ...small, gateway: gateway() }));
const smallIsolated = await medianMs(() => gradeChallengeIsolated(small));
const smallFresh = await medianMs(() => gradeChallengeIsolated({ ...small, threadPool: false }));

const multiHop = await loadChallenge(join(root, 'challenges/multi-hop-qa'));
const real = {
  challenge: multiHop,
  pipelineSource: readFileSync(join(multiHop.dir, 'reference.pipeline.yaml'), 'utf8'),
  kind: 'hidden',
  secret: 'bench-hidden-seed-of-some-length',
  count: 40,
  caseConcurrency: 8,
};
const realInProcess = await medianMs(() => gradeChallenge({ ...real, gateway: gateway() }));
const realIsolated = await medianMs(() => gradeChallengeIsolated(real));
const realFresh = await medianMs(() => gradeChallengeIsolated({ ...real, threadPool: false }));

// --- 3. Memory: the host's RSS after many isolated jobs, pooled threads included ----------------

const pool = new GradingThreadPool();
await gradeChallengeIsolated({ ...real, count: 10, threadPool: pool });
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < MEMORY_JOBS; i++) await gradeChallengeIsolated({ ...real, count: 10, threadPool: pool });
globalThis.gc?.();
const rssAfter = process.memoryUsage().rss;
const pooled = pool.size;
await pool.close();

process.stdout.write(
  `${JSON.stringify({
    thread_start: {
      description:
        'new Worker on grade-thread.js until it starts on its first job: thread start plus importing the engine ' +
        '(QuickJS, the tokenizer tables, zod schemas) in it. Paid when the pool has no idle thread: the first ' +
        'jobs of a process, a thread ended after 25 jobs or 5 min idle, and each thread stopped by a cap.',
      median_ms: round(threadStart),
      samples_ms: startTimes.slice(1).map((t) => round(t)),
      bare_thread_ms: round(bareThread),
      engine_import_ms: round(threadStart - bareThread),
    },
    small_grading: {
      description:
        'echo-sum, 5 public cases, one code step: gradeChallengeIsolated against gradeChallenge in-process',
      in_process_ms: round(smallInProcess),
      isolated_ms: round(smallIsolated),
      overhead_ms: round(smallIsolated - smallInProcess),
      isolated_fresh_threads_ms: round(smallFresh),
    },
    real_grading: {
      description: `multi-hop-qa reference pipeline on ${real.count} hidden cases under sim models, ${real.caseConcurrency} at once`,
      in_process_ms: round(realInProcess),
      isolated_ms: round(realIsolated),
      overhead_ms: round(realIsolated - realInProcess),
      overhead_pct: round(((realIsolated - realInProcess) / realInProcess) * 100),
      isolated_fresh_threads_ms: round(realFresh),
    },
    host_memory: {
      description: `RSS of the calling process (its pooled threads included) after one and after ${MEMORY_JOBS} more isolated gradings (10 hidden multi-hop-qa cases each) sharing one pool`,
      rss_before_mb: round(rssBefore / 2 ** 20),
      rss_after_mb: round(rssAfter / 2 ** 20),
      pooled_threads: pooled.idle + pooled.resetting,
      threads_started: pooled.started,
    },
  })}\n`,
);
