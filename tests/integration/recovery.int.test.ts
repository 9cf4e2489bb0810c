import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { Deployment } from '../support/deployment.js';
import { stackEnv, waitUntil } from '../support/stack.js';

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
        'SELECT s.id, s.correctness, s.verification_id, (SELECT count(*)::int FROM rating_history h WHERE h.submission_id = s.id) AS ratings FROM submissions s WHERE s.id = ANY($1)',
        [ids],
      );
      for (const row of rows) {
        expect(row.correctness).toBe(100);
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

  it('recovers every queued submission after the queue data in Redis is lost', async () => {
    const d = new Deployment();
    const redis = new Redis(stackEnv().REDIS_URL);
    try {
      await d.start('flush', { REPS_CASE_CONCURRENCY: '1', REPS_WORKER_CONCURRENCY: '2' });
      const ids = await d.submit(3, slowPipeline);
      // Lose every key of this deployment, as a Redis restart without persistence would.
      const keys = await redis.keys(`${d.env.REPS_REDIS_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      expect(await redis.keys(`${d.env.REPS_REDIS_PREFIX}:*`)).toEqual([]);
      d.startWorker();
      await waitUntil(
        async () => Object.values(await d.statuses(ids)).every((status) => status === 'graded'),
        120_000,
        'the reconciler re-enqueuing and grading every submission',
      );
    } finally {
      await d.stop();
      await redis.quit();
    }
  });
});
