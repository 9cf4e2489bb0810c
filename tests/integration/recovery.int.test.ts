import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Client } from '../support/client.js';
import { freePort, type Started, stackEnv, startEntry, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

// About 0.1 s of sandbox work per case, so a grading of 55 cases takes seconds: long enough to
// kill a worker in the middle of it.
const slowPipeline = `name: slow-exact-sum
budget: { max_calls: 1 }
steps:
  - id: total
    code: |
      let spin = 0
      for (let i = 0; i < 4000000; i++) spin += i % 7
      return input.numbers.reduce((a, b) => a + b, 0) + (spin < 0 ? 1 : 0)
  - id: result
    output: "({ sum: total })"
`;

/**
 * A deployment of its own (database and Redis prefix), so killing its worker or losing its Redis
 * data cannot disturb the shared test stack, and the shared stack's reconciler cannot grade its
 * submissions.
 */
class Deployment {
  env: Record<string, string> = {};
  api?: Started;
  workers: Started[] = [];
  db?: pg.Client;
  client = new Client();

  async start(name: string): Promise<void> {
    const base = stackEnv();
    const database = `reps_${name}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base.DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const port = await freePort();
    this.env = {
      DATABASE_URL: base.DATABASE_URL.replace(/\/[^/]+$/, `/${database}`),
      REPS_REDIS_PREFIX: `${base.REPS_REDIS_PREFIX}-${name}`,
      PORT: String(port),
      REPS_CASE_CONCURRENCY: '1',
      REPS_WORKER_CONCURRENCY: '2',
    };
    this.api = startEntry('main', this.env);
    await waitUntil(
      async () => (await fetch(`${this.url}/api/health`)).status === 200,
      60_000,
      `the ${name} API`,
    );
    this.db = new pg.Client({ connectionString: this.env.DATABASE_URL });
    await this.db.connect();
    const handle = `${name}-${Date.now().toString(36)}`;
    this.client.baseUrl = this.url;
    const res = await this.client.post('/auth/register', {
      email: `${handle}@example.test`,
      handle,
      password: 'a long test password',
    });
    expect(res.status).toBe(201);
  }

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  startWorker(): Started {
    const worker = startEntry('worker', this.env);
    this.workers.push(worker);
    return worker;
  }

  async submit(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await this.client.post('/challenges/echo-sum/submissions', { pipeline: slowPipeline });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    return ids;
  }

  async statuses(ids: string[]): Promise<Record<string, string>> {
    const { rows } = await this.db!.query('SELECT id, status FROM submissions WHERE id = ANY($1)', [ids]);
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }

  async stop(): Promise<void> {
    for (const p of [...this.workers, this.api]) {
      if (p && p.child.exitCode === null) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
    }
    await this.db?.end();
  }
}

describe('no submission is lost', () => {
  it('finishes every submission exactly once after kill -9 of the worker mid-grading', async () => {
    const d = new Deployment();
    try {
      await d.start('crash');
      const ids = await d.submit(3);
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

  it('recovers every queued submission after the queue data in Redis is lost', async () => {
    const d = new Deployment();
    const redis = new Redis(stackEnv().REDIS_URL);
    try {
      await d.start('flush');
      const ids = await d.submit(3);
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
