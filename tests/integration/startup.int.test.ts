import { spawn } from 'node:child_process';
import { jest } from '@jest/globals';
import { freePort, stackEnv, startEntry, startScript, waitUntil } from '../support/stack.js';

jest.setTimeout(60_000);

describe('starting the API', () => {
  it('fails within 10 s, naming DATABASE_URL, when the database is unreachable', async () => {
    const deadPort = await freePort();
    const started = Date.now();
    const api = startEntry('main', {
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://reps@127.0.0.1:${deadPort}/reps`,
    });
    const { code } = await api.exited;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).not.toBe(0);
    expect(api.output()).toContain(`DATABASE_URL: cannot connect to 127.0.0.1:${deadPort} (ECONNREFUSED)`);
    expect(api.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('stops with each bad variable named when the configuration is invalid', async () => {
    const api = startEntry('worker', { REPS_SERVER_KEY: undefined, REDIS_URL: 'http://wrong' });
    const { code } = await api.exited;
    expect(code).toBe(78);
    expect(api.output()).toContain('REPS_SERVER_KEY: is required but not set');
    expect(api.output()).toContain('REDIS_URL: must be a URL starting with redis:// or rediss://');
  });

  it('says which port is busy instead of crashing', async () => {
    const busy = new URL(process.env.REPS_TEST_API_URL ?? '').port;
    const api = startEntry('main', { PORT: busy });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toContain(`port ${busy} on 127.0.0.1 is already in use; set PORT to a free port`);
  });

  it('npm start fails within 10 s naming DATABASE_URL when it points at a dead port', async () => {
    const deadPort = await freePort();
    const started = Date.now();
    const start = startScript('scripts/start.mjs', {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: `postgres://x@127.0.0.1:${deadPort}/x`,
      PORT: String(await freePort()),
    });
    const { code } = await start.exited;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(start.output()).toContain(`DATABASE_URL: cannot connect to 127.0.0.1:${deadPort} (ECONNREFUSED)`);
  });
});

describe('health when a service goes down', () => {
  it('answers 503 naming Redis once Redis stops', async () => {
    const redisPort = await freePort();
    const redis = spawn('redis-server', [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    const port = await freePort();
    const api = startEntry('main', { PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    try {
      const url = `http://127.0.0.1:${port}/api/health`;
      await waitUntil(async () => (await fetch(url)).status === 200, 30_000, 'the API becoming healthy');
      redis.kill('SIGKILL');
      const body = await waitUntil(
        async () => {
          const res = await fetch(url);
          return res.status === 503 ? res.json() : null;
        },
        15_000,
        'health turning 503',
      );
      expect(body.down).toEqual(['redis']);
      expect(body.checks.postgres.status).toBe('up');
      expect(body.checks.redis.status).toBe('down');
    } finally {
      redis.kill('SIGKILL');
      api.child.kill('SIGKILL');
      await api.exited;
    }
  });
});

describe('graceful shutdown', () => {
  it('stops the API on SIGTERM and frees its port', async () => {
    const port = await freePort();
    const api = startEntry('main', { PORT: String(port) });
    const url = `http://127.0.0.1:${port}/api/health`;
    await waitUntil(async () => (await fetch(url)).status === 200, 30_000, 'the API becoming healthy');
    api.child.kill('SIGTERM');
    const { code, signal } = await api.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    await expect(fetch(url)).rejects.toThrow();
    expect(api.output()).not.toContain('forcing exit');
  });

  it('stops a worker on SIGTERM within the deadline', async () => {
    const worker = startEntry('worker');
    await waitUntil(async () => worker.output().includes('worker_ready'), 30_000, 'the worker starting');
    const started = Date.now();
    worker.child.kill('SIGTERM');
    const { code, signal } = await worker.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(Date.now() - started).toBeLessThan(Number(stackEnv().REPS_SHUTDOWN_TIMEOUT_MS));
  });
});
