import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '@reps/engine';
import { Redis } from 'ioredis';
import { Deployment } from '../support/deployment.js';
import { repoRoot, stackEnv, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

// About 0.05 s of sandbox work per case (far below the 1 s sandbox deadline, even on a loaded machine), so a grading of 55 cases takes seconds: long enough to
// kill a worker in the middle of it.
const slowPipeline = `name: slow-exact-sum
budget: { max_calls: 1 }
steps:
  - id: total
    code: |
      let spin = 0
      for (let i = 0; i < 1500000; i++) spin += i % 7
      return input.numbers.reduce((a, b) => a + b, 0) + (spin < 0 ? 1 : 0)
  - id: result
    output: "({ sum: total })"
`;

const exactSum =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';

describe('no submission is lost', () => {
  it('finishes every submission exactly once after kill -9 of the worker mid-grading', async () => {
    const d = new Deployment();
    try {
      await d.start('crash', { REPS_CASE_CONCURRENCY: '1', REPS_WORKER_CONCURRENCY: '2' });
      const ids = await d.submit(3, slowPipeline);
      const first = d.startWorker();
      await waitUntil(
        async () => Object.values(await d.statuses(ids)).includes('running'),
        60_000,
        'a grading starting',
      );
      first.child.kill('SIGKILL');
      await first.exited;
      d.startWorker();
      const final = await waitUntil(
        async () => {
          const s = await d.statuses(ids);
          return Object.values(s).every((status) => status === 'graded') ? s : null;
        },
        180_000,
        'every submission graded after the restart',
      );
      expect(Object.keys(final)).toHaveLength(3);
      const { rows } = await d.db!.query(
        `SELECT s.id, s.correctness, s.verification_id, s.result->'hidden'->'statuses' AS statuses,
                (SELECT count(*)::int FROM rating_history h WHERE h.submission_id = s.id) AS ratings
           FROM submissions s WHERE s.id = ANY($1)`,
        [ids],
      );
      for (const row of rows) {
        expect({ correctness: row.correctness, statuses: row.statuses }).toEqual({
          correctness: 100,
          statuses: { ok: 50 },
        });
        expect(row.verification_id).toBeTruthy();
        expect(row.ratings).toBeLessThanOrEqual(1); // recorded at most once
      }
      const board = await d.client.get('/challenges/echo-sum/leaderboard');
      expect(board.body.total).toBe(1);
    } finally {
      await d.stop();
    }
  });

  it('lets a worker finish the grading in hand when it is told to stop (SIGTERM)', async () => {
    const d = new Deployment();
    try {
      await d.start('drain', {
        REPS_CASE_CONCURRENCY: '1',
        REPS_WORKER_CONCURRENCY: '1',
        REPS_SHUTDOWN_TIMEOUT_MS: '60000',
      });
      const [id] = await d.submit(1, slowPipeline);
      const worker = d.startWorker();
      await waitUntil(
        async () => (await d.statuses([id!]))[id!] === 'running',
        60_000,
        'the grading starting',
      );
      worker.child.kill('SIGTERM');
      const { code, signal } = await worker.exited;
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      const { rows } = await d.db!.query('SELECT status, attempts FROM submissions WHERE id = $1', [id]);
      expect(rows[0]).toEqual({ status: 'graded', attempts: 1 }); // finished before exiting, not handed over
    } finally {
      await d.stop();
    }
  });

  it('grades every submission after its Redis data is lost mid-grading, restarting nothing', async () => {
    const d = new Deployment();
    const redis = new Redis(stackEnv().REDIS_URL);
    try {
      await d.start('flush', {
        REPS_CASE_CONCURRENCY: '1',
        REPS_WORKER_CONCURRENCY: '1',
        REPS_RECONCILE_EVERY_MS: '2000',
      });
      d.startWorker();
      const ids = await d.submit(4, slowPipeline);
      await waitUntil(
        async () => Object.values(await d.statuses(ids)).includes('running'),
        60_000,
        'a grading starting',
      );
      // Lose every key of this deployment, as FLUSHALL or a Redis restart without persistence
      // would (FLUSHALL itself would also wipe the shared test stack's queues).
      const keys = await redis.keys(`${d.env.REPS_REDIS_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      const final = await waitUntil(
        async () => {
          const s = await d.statuses(ids);
          return Object.values(s).every((status) => status === 'graded') ? s : null;
        },
        150_000,
        'the reconciler re-enqueuing and grading every submission',
      );
      expect(Object.keys(final)).toHaveLength(4);
      expect(d.workers.map((w) => w.child.exitCode)).toEqual([null]); // the same worker, never restarted
    } finally {
      await d.stop();
      await redis.quit();
    }
  });

  it('calibrates an upload whose job was lost', async () => {
    const d = new Deployment();
    const redis = new Redis(stackEnv().REDIS_URL);
    try {
      await d.start('lostupload', { REPS_RECONCILE_EVERY_MS: '2000' });
      await d.db!.query("UPDATE users SET role = 'instructor'");
      const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');
      const challenge = await loadChallenge(fixture);
      const slug = `lost-upload-${Date.now().toString(36)}`;
      const uploaded = await d.client.post('/instructor/challenges', {
        format: 'reps-challenge-bundle@1',
        manifest: readFileSync(join(fixture, 'challenge.yaml'), 'utf8').replace(
          /^slug: .*$/m,
          `slug: ${slug}`,
        ),
        brief: challenge.brief,
        generator_script: challenge.generatorScript,
        reference_pipeline: exactSum,
        baseline_pipeline: slowPipeline.replace('reduce((a, b) => a + b, 0)', 'reduce((a, b) => a + b, 1)'),
      });
      expect(uploaded.status).toBe(202);
      // The job is lost before any worker sees it.
      await redis.del(...(await redis.keys(`${d.env.REPS_REDIS_PREFIX}:*`)));
      d.startWorker();
      const version = await waitUntil(
        async () => {
          const v = await d.client.get(`/instructor/challenges/${slug}/versions/1`);
          return v.body.status === 'calibrating' ? null : v.body;
        },
        120_000,
        'the lost upload to be calibrated',
      );
      expect(version).toMatchObject({ status: 'published', calibration: { holds: true } });
    } finally {
      await d.stop();
      await redis.quit();
    }
  });
});
