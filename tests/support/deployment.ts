import pg from 'pg';
import { Client } from './client.js';
import { freePort, type Started, stackEnv, startEntry, waitUntil } from './stack.js';

/**
 * A fresh database (on the test stack's server) and a Redis prefix of its own: the overrides of
 * stackEnv() for processes that must not share data or queues with the shared test stack.
 */
export async function ownDataEnv(name: string): Promise<{ DATABASE_URL: string; REPS_REDIS_PREFIX: string }> {
  const base = stackEnv();
  const database = `reps_${name}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base.DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return {
    DATABASE_URL: base.DATABASE_URL.replace(/\/[^/]+$/, `/${database}`),
    REPS_REDIS_PREFIX: `${base.REPS_REDIS_PREFIX}-${name}`,
  };
}

/**
 * A deployment of its own (database and Redis prefix), so killing its worker or losing its Redis
 * data cannot disturb the shared test stack, and the shared stack's reconciler cannot grade its
 * submissions.
 */
export class Deployment {
  env: Record<string, string> = {};
  api?: Started;
  workers: Started[] = [];
  db?: pg.Client;
  client = new Client();

  async start(name: string, extraEnv: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    this.env = { ...(await ownDataEnv(name)), PORT: String(port), ...extraEnv };
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

  async submit(count: number, pipeline: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await this.client.post('/challenges/echo-sum/submissions', { pipeline });
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
