#!/usr/bin/env node
// Load benchmark (issue 14, "Fast reads"): how many reads a second the API serves next to a bare
// Node `http` server answering a fixed small JSON body, measured in the same run with the same load
// generator, and read/submit latency while submissions are posted.
//
// It starts a throwaway stack of its own, like the integration tests (project-local Postgres and
// Redis under .reps/bench-load, or DATABASE_URL / REDIS_URL when set; a fresh database; its own
// Redis prefix; the built API and ONE worker on a free loopback port) and stops all of it at the
// end, also on error or Ctrl-C (bench-stack.mjs). The API and worker write their logs straight to
// files (.reps/bench-load/{api,worker}.log), not through this process, so the load generator does not
// pay for the API's request log.
//
// Seeding (reported under `seed`): the catalogue loads at API start; LOAD_SQL_SUBMISSIONS (20000)
// graded submissions over LOAD_SQL_USERS (2000) learners are inserted in SQL with their leaderboard
// and ratings rows (seed-leaderboard.mjs; 0 skips it), so boards have realistic volume; then
// LOAD_LEARNERS (100) learners register through the API, and LOAD_GRADED_SUBMISSIONS (3) baseline
// pipelines (challenges/<slug>/baseline.pipeline.yaml, slugs from LOAD_SLUGS) are submitted through
// the API and graded by the worker (waited for up to LOAD_GRADING_WAIT_SECONDS, 90) before anything
// is measured. The signed-in reader is the first of those learners, logged in with POST
// /api/auth/login. Few are graded for real because grading a ~100-case baseline takes tens of
// seconds on a busy 2-core machine.
//
// Measured, each with LOAD_CONNECTIONS (50) keep-alive connections for LOAD_SECONDS (5) after a
// LOAD_WARMUP_SECONDS (1) warm-up that is not counted:
//   1. the bare server, before the routes and again after them (ratios use the mean of the two);
//   2. each read route, anonymous and signed in where the answer depends on the learner;
//   3. mixed: LOAD_MIXED_READERS (100) readers cycling over the read routes while
//      LOAD_MIXED_SUBMITS_PER_SECOND (5) submissions are posted, each by the next learner so no daily
//      cap refuses one, for LOAD_MIXED_SECONDS (20).
// Every measurement also reports the CPU its processes used (% of one core) and what the rest of
// the machine used (`others_pct`): on a shared machine that is most of the noise.
// Prints one JSON object as its last stdout line; progress goes to stderr. Run after the build:
//   npx turbo run build && node --expose-gc apps/api/bench/load.bench.mjs     (or npm run bench load)
// BENCH_API_DIST=<folder> measures another build of the API (an older commit's, for before/after).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { stopProcess } from '../../../scripts/lib/stack.mjs';
import { sleep } from '../../../scripts/lib/util.mjs';
import {
  machineInfo,
  num,
  onCleanup,
  ownChild,
  percentile,
  pgClient,
  pool,
  progressLog,
  registerLearner,
  request,
  root,
  runBench,
  startStack,
} from './bench-stack.mjs';
import { seedLeaderboard } from './seed-leaderboard.mjs';

const SECONDS = num('LOAD_SECONDS', 5);
const WARMUP_SECONDS = num('LOAD_WARMUP_SECONDS', 1);
const CONNECTIONS = num('LOAD_CONNECTIONS', 50);
const MIXED_SECONDS = num('LOAD_MIXED_SECONDS', 20);
const MIXED_READERS = num('LOAD_MIXED_READERS', 100);
const MIXED_SUBMITS_PER_SECOND = num('LOAD_MIXED_SUBMITS_PER_SECOND', 5);
const LEARNERS = num('LOAD_LEARNERS', 100);
const GRADED_SUBMISSIONS = num('LOAD_GRADED_SUBMISSIONS', 3);
const GRADING_WAIT_SECONDS = num('LOAD_GRADING_WAIT_SECONDS', 90);
const SQL_SUBMISSIONS = num('LOAD_SQL_SUBMISSIONS', 20_000);
const SQL_USERS = num('LOAD_SQL_USERS', 2_000);
// Catalogue challenges whose baseline pipelines are cheap to grade; the first is the one read.
const SLUGS = (process.env.LOAD_SLUGS || 'pii-redaction,support-ticket-routing,meeting-action-items')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const REQUEST_TIMEOUT_MS = 10_000;
const PASSWORD = 'load bench password';
const GOALS = { ratio_to_bare: 0.5, mixed_read_p95_ms: 200, mixed_submit_p95_ms: 500, mixed_errors: 0 };

const stateDir = join(root, '.reps', 'bench-load');
const log = progressLog('bench load: ');
const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// Processes: the stack and the bare server

function startLoadStack() {
  return startStack({
    name: 'load',
    stateDir,
    logLevel: process.env.LOAD_LOG_LEVEL || 'info',
    // Every registration and submission here comes from 127.0.0.1 within a minute or two.
    env: { REPS_REGISTRATIONS_PER_HOUR: '100000', REPS_WRITES_PER_MINUTE: '100000' },
  });
}

/** Which code was measured: the commit, whether sources differ from it, when the API was built. */
function buildInfo() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const status = git('status', '--porcelain', '--', 'apps/api/src', 'packages');
  return {
    commit: git('rev-parse', '--short', 'HEAD').stdout?.trim() || null,
    api_or_packages_changed_since_commit: status.status === 0 ? status.stdout.trim() !== '' : null,
    api_dist: process.env.BENCH_API_DIST || 'apps/api/dist',
    api_dist_built_at: statSync(
      join(root, process.env.BENCH_API_DIST || 'apps/api/dist', 'main.js'),
    ).mtime.toISOString(),
  };
}

// A bare Node http server answering a fixed small JSON body: the most a Node process can serve
// through this load generator on this machine, in its own process like the API.
const BARE_SERVER = `
const http = require('node:http');
const body = JSON.stringify({ status: 'ok', checks: { bare: 'up' } });
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

async function startBareServer() {
  const child = ownChild(
    spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  onCleanup(() => stopProcess(child, 2000));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

// ---------------------------------------------------------------------------------------------
// The load generator: node's http module, one keep-alive Agent per run, N closed loops.

/**
 * Keep-alive connections, at most `max`. An idle one is closed after 4 s, before Node servers'
 * default 5 s keepAliveTimeout: otherwise a request can go out on a socket the server is closing
 * and fail with ECONNRESET, a race of the client's making rather than the server's.
 */
const keepAliveAgent = (max) =>
  new http.Agent({ keepAlive: true, maxSockets: max, maxFreeSockets: max, timeout: 4000 });

/** One request; resolves with status, latency (ms) and body bytes, or with an error code. */
function send(agent, base, { method = 'GET', path, cookie, body }) {
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, started, ms: performance.now() - started });
    };
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (cookie) headers.cookie = cookie;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const req = http.request(
      { host: base.hostname, port: base.port, path, method, headers, agent },
      (res) => {
        let bytes = 0;
        const chunks = [];
        res.on('data', (chunk) => {
          bytes += chunk.length;
          if (method !== 'GET') chunks.push(chunk);
        });
        res.on('end', () =>
          finish({
            status: res.statusCode,
            bytes,
            text: chunks.length ? Buffer.concat(chunks).toString() : '',
          }),
        );
        res.on('error', (error) => finish({ error: error.code || error.message }));
        res.on('aborted', () => finish({ error: 'aborted' }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })),
    );
    req.on('error', (error) => finish({ error: error.code || error.message }));
    req.end(payload);
  });
}

function recorder() {
  return { latencies: [], ok: 0, okEnds: [], bytes: 0, non2xx: {}, errors: {} };
}

function record(rec, result) {
  if (result.error) {
    rec.errors[result.error] = (rec.errors[result.error] ?? 0) + 1;
    return;
  }
  rec.latencies.push(result.ms);
  if (result.status >= 200 && result.status < 300) {
    rec.ok++;
    rec.okEnds.push(result.started + result.ms);
    rec.bytes += result.bytes;
  } else {
    rec.non2xx[result.status] = (rec.non2xx[result.status] ?? 0) + 1;
  }
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Throughput is 2xx answers completed inside the window [from, to] per second of it (as wrk
 * counts); latencies are of every request started inside it, however late it answered.
 */
function summarise(rec, from, to) {
  const sorted = Float64Array.from(rec.latencies).sort();
  const seconds = Math.max(0.001, (to - from) / 1000);
  const completed = rec.okEnds.filter((t) => t <= to).length;
  return {
    rps: round(completed / seconds, 0),
    p50_ms: round(percentile(sorted, 50), 2),
    p95_ms: round(percentile(sorted, 95), 2),
    p99_ms: round(percentile(sorted, 99), 2),
    max_ms: round(sorted[sorted.length - 1] ?? null, 1),
    requests: sorted.length + total(rec.errors),
    ok: rec.ok,
    non_2xx: total(rec.non2xx),
    non_2xx_by_status: rec.non2xx,
    errors: total(rec.errors),
    errors_by_code: rec.errors,
    body_bytes: rec.ok ? Math.round(rec.bytes / rec.ok) : null,
  };
}

/** /proc/<pid>/stat after the command name: [state, ppid, …]; null where there is none. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU ticks (1/100 s) a process has used (user + system), or null. */
function processTicks(pid) {
  const fields = procStat(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

/** CPU ticks of a process and its children (the Postgres postmaster and its backends). */
function processTreeTicks(parent) {
  let ticks = processTicks(parent);
  if (ticks === null) return null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = procStat(name);
    if (fields && Number(fields[1]) === parent) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

const isLoopback = (url) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/**
 * Process ids of the Postgres server (postmaster) and Redis the stack uses, when they run on this
 * machine, so their CPU use can be shown next to the API's. Nulls when they cannot be found.
 */
async function servicePids(databaseUrl, redisUrl) {
  const pids = { postgres: null, redis: null };
  if (isLoopback(databaseUrl)) {
    const client = pgClient(databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
      const parent = Number(procStat(rows[0].pid)?.[1]);
      if (parent > 1) pids.postgres = parent;
    } finally {
      await client.end();
    }
  }
  if (isLoopback(redisUrl)) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
      if (pid > 0) pids.redis = pid;
    } finally {
      redis.disconnect();
    }
  }
  return pids;
}

function machineTimes() {
  let busy = 0;
  let all = 0;
  for (const { times } of cpus()) {
    const sum = times.user + times.nice + times.sys + times.idle + times.irq;
    all += sum;
    busy += sum - times.idle;
  }
  return { busy, all };
}

/**
 * CPU use over a measurement: % of one core per watched process (a name → ticks function), of
 * this process (the load generator), and how busy the whole machine was.
 */
function cpuMeter(watched) {
  const start = Object.fromEntries(Object.entries(watched).map(([k, ticks]) => [k, ticks()]));
  const self = process.cpuUsage();
  const machine = machineTimes();
  const t0 = performance.now();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const out = {};
    for (const [k, ticks] of Object.entries(watched)) {
      const end = ticks();
      // A process tree's total can drop when a child exits mid-measurement: never below 0.
      out[`${k}_pct`] =
        start[k] === null || end === null ? null : Math.max(0, round((end - start[k]) / seconds, 0));
    }
    const used = process.cpuUsage(self);
    out.generator_pct = round((used.user + used.system) / 1e4 / seconds, 0);
    const m = machineTimes();
    out.machine_busy_pct = round((100 * (m.busy - machine.busy)) / Math.max(1, m.all - machine.all), 0);
    // What the rest of the machine took (other people's work), in % of one core.
    const ours = Object.values(out).reduce((a, v) => a + (v ?? 0), 0) - out.machine_busy_pct;
    out.others_pct = Math.max(0, round(out.machine_busy_pct * cpus().length - ours, 0));
    return out;
  };
}

/**
 * `connections` closed loops, each sending the next request when the last one answered, for
 * warm-up + `seconds`; only requests started after the warm-up count. `pick(loop, i)` gives the
 * i-th request of a loop: { key, path, cookie }. Returns a summary overall and per key.
 */
async function drive({ url, connections, seconds, warmupSeconds = WARMUP_SECONDS, pick, watch = {} }) {
  const base = new URL(url);
  const agent = keepAliveAgent(connections);
  globalThis.gc?.();
  const start = performance.now();
  const measuredFrom = start + warmupSeconds * 1000;
  const end = measuredFrom + seconds * 1000;
  const all = recorder();
  const byKey = {};
  let meter = null;
  const meterTimer = setTimeout(() => {
    meter = cpuMeter(watch);
  }, warmupSeconds * 1000);
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      for (let i = 0; performance.now() < end; i++) {
        const request = pick(loop, i);
        const result = await send(agent, base, request);
        if (result.started < measuredFrom) continue;
        record(all, result);
        if (!request.key) continue;
        byKey[request.key] ??= recorder();
        record(byKey[request.key], result);
      }
    }),
  );
  clearTimeout(meterTimer);
  const cpu = meter ? meter() : null;
  agent.destroy();
  return {
    ...summarise(all, measuredFrom, end),
    connections,
    cpu,
    by_key: Object.fromEntries(
      Object.entries(byKey).map(([k, rec]) => [k, summarise(rec, measuredFrom, end)]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** Registers learners[from … to - 1] through the API (8 at a time: each hashes a password). */
async function registerLearners(baseUrl, learners, from, to, tag) {
  await pool(to - from, 8, async (j) => {
    const i = from + j;
    learners[i] = await registerLearner(baseUrl, `load-${tag}-${i}`, PASSWORD);
  });
}

function baselinePipelines() {
  return Object.fromEntries(
    SLUGS.map((slug) => {
      const file = join(root, 'challenges', slug, 'baseline.pipeline.yaml');
      if (!existsSync(file)) throw new Error(`no baseline pipeline at ${file} (LOAD_SLUGS)`);
      return [slug, readFileSync(file, 'utf8')];
    }),
  );
}

/**
 * Submits `n` baseline pipelines over the learners and the slugs, two at a time. A 503 because the
 * pipeline check ran past its wall-clock cap (a starved CPU, not a bad pipeline) is retried, up to
 * three times, and counted.
 */
async function submitForGrading(baseUrl, learners, pipelines, n) {
  const started = performance.now();
  const ids = [];
  let checkTimeoutsRetried = 0;
  await pool(n, 2, async (k) => {
    const learner = learners[k % learners.length];
    const slug = SLUGS[k % SLUGS.length];
    for (let attempt = 1; ; attempt++) {
      const res = await request(baseUrl, 'POST', `/challenges/${slug}/submissions`, {
        body: { pipeline: pipelines[slug] },
        cookie: learner.cookie,
      });
      if (res.status === 202) {
        ids.push(res.body.id);
        return;
      }
      const timedOut = res.status === 503 && /wall-clock cap/.test(JSON.stringify(res.body));
      if (!timedOut || attempt >= 4) {
        throw new Error(`submit ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      checkTimeoutsRetried++;
      log(`submit ${slug}: the pipeline check hit its wall-clock cap; retrying`);
    }
  });
  return {
    ids,
    started,
    submit_seconds: round((performance.now() - started) / 1000, 1),
    check_timeouts_retried: checkTimeoutsRetried,
  };
}

/** Waits until the submissions are final (or LOAD_GRADING_WAIT_SECONDS pass); counts by status. */
async function waitForGrading(databaseUrl, { ids, started, ...submitted }) {
  const client = pgClient(databaseUrl);
  await client.connect();
  try {
    const deadline = Date.now() + GRADING_WAIT_SECONDS * 1000;
    let byStatus = {};
    let lastLog = 0;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        'SELECT status, count(*)::int AS n FROM submissions WHERE id = ANY($1::uuid[]) GROUP BY status',
        [ids],
      );
      byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      const open = (byStatus.queued ?? 0) + (byStatus.running ?? 0);
      if (open === 0) break;
      if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        log(`grading: ${JSON.stringify(byStatus)}`);
      }
      await sleep(500);
    }
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM leaderboard_entries)::int AS leaderboard_entries,
              (SELECT count(*) FROM ratings)::int AS ratings`,
    );
    return {
      submitted: ids.length,
      ...submitted,
      by_status: byStatus,
      graded_within_seconds: round((performance.now() - started) / 1000, 1),
      ...counts,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const loadAtStart = loadavg().map((v) => round(v, 2));
  const pipelines = baselinePipelines();
  const phases = {};
  const stack = await startLoadStack();
  const { baseUrl, databaseUrl } = stack;
  const bare = await startBareServer();
  phases.stack = round((performance.now() - started) / 1000, 1);
  const tSeed = performance.now();

  const seed = { method: [] };
  if (SQL_SUBMISSIONS > 0) {
    log(`seeding ${SQL_SUBMISSIONS} graded submissions over ${SQL_USERS} learners in SQL …`);
    const s = await seedLeaderboard({ databaseUrl, submissions: SQL_SUBMISSIONS, users: SQL_USERS });
    seed.method.push(
      'sql: seed-leaderboard.mjs inserts learners, graded submissions, leaderboard and ratings rows',
    );
    seed.sql = { submissions: SQL_SUBMISSIONS, learners: SQL_USERS, seconds: s.seconds, totals: s.totals };
  }
  // The learners who submit for grading register first; the rest register while the worker grades.
  log(
    `registering ${LEARNERS} learners through the API, grading ${GRADED_SUBMISSIONS} baseline submissions …`,
  );
  const t0 = performance.now();
  const tag = Date.now().toString(36);
  const learners = [];
  const first = Math.min(LEARNERS, Math.max(1, GRADED_SUBMISSIONS));
  await registerLearners(baseUrl, learners, 0, first, tag);
  const grading =
    GRADED_SUBMISSIONS > 0
      ? waitForGrading(
          databaseUrl,
          await submitForGrading(baseUrl, learners.slice(0, first), pipelines, GRADED_SUBMISSIONS),
        )
      : Promise.resolve(null);
  grading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  await registerLearners(baseUrl, learners, first, LEARNERS, tag);
  seed.method.push('api: learners registered with POST /api/auth/register');
  seed.api_learners = { registered: learners.length, seconds: round((performance.now() - t0) / 1000, 1) };
  if (GRADED_SUBMISSIONS > 0) {
    seed.method.push(
      'api: baseline pipelines (challenges/<slug>/baseline.pipeline.yaml) submitted with POST /api/challenges/:slug/submissions and graded by the worker',
    );
    seed.api_graded = { slugs: SLUGS, ...(await grading) };
    log(`graded: ${JSON.stringify(seed.api_graded)}`);
  }
  phases.seed = round((performance.now() - tSeed) / 1000, 1);

  // Signed in as a learner with a graded submission on the challenge read (so `me` rows exist).
  const login = await request(baseUrl, 'POST', '/auth/login', {
    body: { login: learners[0].handle, password: PASSWORD },
  });
  if (login.status !== 200 || !login.cookie)
    throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = login.cookie;
  const slug = SLUGS[0];
  const routes = [
    { key: 'challenges', path: '/api/challenges' },
    { key: 'challenges_signed_in', path: '/api/challenges', cookie },
    { key: 'challenge', path: `/api/challenges/${slug}` },
    { key: 'challenge_signed_in', path: `/api/challenges/${slug}`, cookie },
    { key: 'leaderboard', path: `/api/challenges/${slug}/leaderboard` },
    { key: 'leaderboard_signed_in', path: `/api/challenges/${slug}/leaderboard`, cookie },
    { key: 'ratings', path: '/api/leaderboards/ratings' },
    { key: 'ratings_signed_in', path: '/api/leaderboards/ratings', cookie },
    { key: 'health', path: '/api/health' },
  ];
  // Each route answers 200 before it is loaded; what the boards hold is reported with the figures.
  const board = await request(baseUrl, 'GET', `/challenges/${slug}/leaderboard`, { cookie });
  const ratingBoard = await request(baseUrl, 'GET', '/leaderboards/ratings', { cookie });
  for (const route of routes) {
    const res = await request(baseUrl, 'GET', route.path.replace(/^\/api/, ''), { cookie: route.cookie });
    if (res.status !== 200) throw new Error(`GET ${route.path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  seed.boards = {
    slug,
    leaderboard_entries: board.body?.total ?? null,
    leaderboard_me_rank: board.body?.me?.rank ?? null,
    ratings_entries: ratingBoard.body?.total ?? null,
    ratings_me_rank: ratingBoard.body?.me?.rank ?? null,
  };

  const pids = await servicePids(databaseUrl, stack.redisUrl);
  const watchApi = {
    api_cpu: () => processTicks(stack.api.pid),
    worker_cpu: () => processTicks(stack.worker.pid),
    postgres_cpu: () => (pids.postgres ? processTreeTicks(pids.postgres) : null),
    redis_cpu: () => (pids.redis ? processTicks(pids.redis) : null),
  };
  const fixed = (route) => () => route;
  const driveBare = async (again) => {
    log(`bare server${again}: ${CONNECTIONS} connections, ${SECONDS} s`);
    const r = await drive({
      url: bare.url,
      connections: CONNECTIONS,
      seconds: SECONDS,
      pick: fixed({ path: '/' }),
      watch: { server_cpu: () => processTicks(bare.child.pid) },
    });
    log(`bare: ${r.rps} req/s, p95 ${r.p95_ms} ms`);
    return r;
  };
  const tRoutes = performance.now();
  const bareBefore = await driveBare('');

  const measured = {};
  for (const route of routes) {
    await sleep(250);
    const r = await drive({
      url: baseUrl,
      connections: CONNECTIONS,
      seconds: SECONDS,
      pick: fixed({ path: route.path, cookie: route.cookie }),
      watch: watchApi,
    });
    delete r.by_key;
    measured[route.key] = { route: `GET ${route.path}`, signed_in: Boolean(route.cookie), ...r };
    log(
      `${route.key}: ${r.rps} req/s, p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms, p99 ${r.p99_ms} ms, non-2xx ${r.non_2xx}, errors ${r.errors}, api cpu ${r.cpu?.api_cpu_pct}%`,
    );
  }

  const bareAfter = await driveBare(' again');
  delete bareBefore.by_key;
  delete bareAfter.by_key;
  const bareRps = (bareBefore.rps + bareAfter.rps) / 2;
  for (const r of Object.values(measured)) r.ratio_to_bare = round(r.rps / bareRps, 3);

  // Mixed: readers cycle over the read routes (odd readers signed in as one of the learners, the
  // challenge and board rotating over the slugs) while submissions are posted at a steady rate.
  phases.routes = round((performance.now() - tRoutes) / 1000, 1);
  const tMixed = performance.now();
  log(`mixed: ${MIXED_READERS} readers and ${MIXED_SUBMITS_PER_SECOND} submissions/s for ${MIXED_SECONDS} s`);
  await sleep(250);
  const readPaths = (s) => [
    { key: 'challenges', path: '/api/challenges' },
    { key: 'challenge', path: `/api/challenges/${s}` },
    { key: 'leaderboard', path: `/api/challenges/${s}/leaderboard` },
    { key: 'ratings', path: '/api/leaderboards/ratings' },
    { key: 'health', path: '/api/health' },
  ];
  const pickRead = (loop, i) => {
    const list = readPaths(SLUGS[(loop + i) % SLUGS.length]);
    const route = list[(loop + i) % list.length];
    return loop % 2 === 1 ? { ...route, cookie: learners[loop % learners.length].cookie } : route;
  };
  const submits = recorder();
  const submitAgent = keepAliveAgent(64);
  const submitBase = new URL(baseUrl);
  const mixedFrom = performance.now() + WARMUP_SECONDS * 1000;
  const submitIds = [];
  const submitting = (async () => {
    await sleep(WARMUP_SECONDS * 1000);
    const pending = [];
    const t = performance.now();
    const count = Math.round(MIXED_SECONDS * MIXED_SUBMITS_PER_SECOND);
    for (let k = 0; k < count; k++) {
      const wait = t + (k * 1000) / MIXED_SUBMITS_PER_SECOND - performance.now();
      if (wait > 0) await sleep(wait);
      // From the back of the learner list: the seeding graded the first ones' submissions.
      const learner = learners[learners.length - 1 - (k % learners.length)];
      const s = SLUGS[k % SLUGS.length];
      pending.push(
        send(submitAgent, submitBase, {
          method: 'POST',
          path: `/api/challenges/${s}/submissions`,
          cookie: learner.cookie,
          body: { pipeline: pipelines[s] },
        }).then((result) => {
          record(submits, result);
          if (result.status === 202) submitIds.push(JSON.parse(result.text).id);
          else if (!result.error && total(submits.non2xx) <= 3)
            log(`submit: ${result.status} ${result.text}`);
        }),
      );
    }
    await Promise.all(pending);
  })();
  const mixedReads = await drive({
    url: baseUrl,
    connections: MIXED_READERS,
    seconds: MIXED_SECONDS,
    pick: pickRead,
    watch: watchApi,
  });
  await submitting;
  submitAgent.destroy();
  const submitSummary = summarise(submits, mixedFrom, mixedFrom + MIXED_SECONDS * 1000);
  delete submitSummary.rps;
  delete submitSummary.body_bytes;
  const graded = await (async () => {
    const client = pgClient(databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT status, count(*)::int AS n FROM submissions WHERE id = ANY($1::uuid[]) GROUP BY status',
        [submitIds],
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    } finally {
      await client.end();
    }
  })();
  const readErrors = mixedReads.errors + mixedReads.non_2xx;
  const submitErrors = submitSummary.errors + submitSummary.non_2xx;
  const mixed = {
    seconds: MIXED_SECONDS,
    readers: MIXED_READERS,
    submits_per_second_target: MIXED_SUBMITS_PER_SECOND,
    reads: { ...mixedReads, by_route: mixedReads.by_key },
    submits: {
      ...submitSummary,
      per_second: round(submitSummary.ok / MIXED_SECONDS, 2),
      status_at_end: graded,
    },
  };
  delete mixed.reads.by_key;
  log(
    `mixed: reads ${mixedReads.rps} req/s p95 ${mixedReads.p95_ms} ms (errors ${readErrors}); submits p95 ${submitSummary.p95_ms} ms (errors ${submitErrors})`,
  );

  phases.mixed = round((performance.now() - tMixed) / 1000, 1);
  const goals = {};
  for (const [key, r] of Object.entries(measured)) {
    goals[`${key}_ratio_to_bare_ge_${GOALS.ratio_to_bare}`] = {
      value: r.ratio_to_bare,
      met: r.ratio_to_bare >= GOALS.ratio_to_bare,
    };
  }
  goals.routes_errors_eq_0 = {
    value: Object.values(measured).reduce((a, r) => a + r.errors + r.non_2xx, 0),
  };
  goals.routes_errors_eq_0.met = goals.routes_errors_eq_0.value === 0;
  goals[`mixed_read_p95_le_${GOALS.mixed_read_p95_ms}_ms`] = {
    value: mixedReads.p95_ms,
    met: mixedReads.p95_ms !== null && mixedReads.p95_ms <= GOALS.mixed_read_p95_ms,
  };
  goals[`mixed_submit_p95_le_${GOALS.mixed_submit_p95_ms}_ms`] = {
    value: submitSummary.p95_ms,
    met: submitSummary.p95_ms !== null && submitSummary.p95_ms <= GOALS.mixed_submit_p95_ms,
  };
  goals.mixed_errors_eq_0 = { value: readErrors + submitErrors, met: readErrors + submitErrors === 0 };

  return {
    at: new Date().toISOString(),
    machine: {
      ...machineInfo(),
      load_average_at_start: loadAtStart,
      load_average_at_end: loadavg().map((v) => round(v, 2)),
      note: 'shared machine: other work runs at the same time, so figures are noisy',
    },
    build: buildInfo(),
    settings: {
      seconds: SECONDS,
      warmup_seconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      request_timeout_ms: REQUEST_TIMEOUT_MS,
      api: 'apps/api/dist/main.js (NODE_ENV=production) and one worker, loopback',
      generator: 'node:http, keep-alive Agent, closed loops in this process',
    },
    seed,
    bare: {
      rps: round(bareRps, 0),
      before: bareBefore,
      after: bareAfter,
    },
    routes: measured,
    mixed,
    goals,
    all_goals_met: Object.values(goals).every((g) => g.met),
    phases_s: phases,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

await runBench(main);
