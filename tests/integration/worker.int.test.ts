import { getPriority } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import { stackEnv } from '../support/stack.js';

describe('the worker', () => {
  const env = stackEnv();
  const connection = { url: env.REDIS_URL, maxRetriesPerRequest: null };
  const prefix = `${env.REPS_REDIS_PREFIX}:bull`;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    queue = new Queue('system', { connection, prefix });
    events = new QueueEvents('system', { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
  });

  it('runs a job put on the queue and returns its result', async () => {
    const job = await queue.add('system.ping', {});
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result.pid).toEqual(expect.any(Number));
    expect(new Date(result.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('runs at a lower CPU priority than the API (REPS_WORKER_NICE, default 10)', async () => {
    const job = await queue.add('system.ping', {});
    const { pid } = (await job.waitUntilFinished(events, 15_000)) as { pid: number };
    expect(getPriority(pid)).toBe(10);
  });

  it('fails a job nobody handles instead of dropping it silently', async () => {
    const job = await queue.add('system.no-such-job', {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(
      /No handler for job "system.no-such-job"/,
    );
  });
});
