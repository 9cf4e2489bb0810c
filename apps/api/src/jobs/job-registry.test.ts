import type { DiscoveryService } from '@nestjs/core';
import { Reflector } from '@nestjs/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobHandler } from './job-handler.js';
import { JOBS, type JobName, jobPayload } from './job-names.js';
import { JobRegistry } from './job-registry.js';

/** A registry over these classes, as Nest's discovery would hand them over. */
function registryOf(classes: (new () => { handle(job: Job): Promise<unknown> })[]): JobRegistry {
  const discovery = {
    getProviders: () => classes.map((metatype) => ({ metatype, instance: new metatype() })),
  } as unknown as DiscoveryService;
  return new JobRegistry(discovery, new Reflector());
}

function handlerFor(name: JobName) {
  @JobHandler(name)
  class Handler {
    async handle(job: Job) {
      return { handled: name, data: job.data };
    }
  }
  Object.defineProperty(Handler, 'name', { value: `Handle_${name}` });
  return Handler;
}

const all = () => (Object.keys(JOBS) as JobName[]).map(handlerFor);

describe('the job registry', () => {
  it('boots when every job has exactly one handler', () => {
    expect(() => registryOf(all()).onModuleInit()).not.toThrow();
  });

  it('refuses to boot when a job has no handler, or two', () => {
    const [first, ...rest] = all();
    expect(() => registryOf(rest).onModuleInit()).toThrow(/job "grading.grade-submission" has no handler/);
    expect(() =>
      registryOf([first!, handlerFor('grading.grade-submission'), ...rest]).onModuleInit(),
    ).toThrow(/job "grading.grade-submission" has 2 handlers/);
  });

  it('refuses a handler of a job that is not in JOBS', () => {
    expect(() => registryOf([...all(), handlerFor('grading.unknown' as JobName)]).onModuleInit()).toThrow(
      /handles unknown job "grading.unknown"/,
    );
  });

  it('runs a job on its parsed payload and fails a malformed one without retries', async () => {
    const registry = registryOf(all());
    registry.onModuleInit();
    const job = (name: string, data: unknown) => ({ name, data }) as Job;
    await expect(registry.run(job('runs.practice', { runId: 'r1' }))).resolves.toEqual({
      handled: 'runs.practice',
      data: { runId: 'r1' },
    });
    await expect(registry.run(job('runs.practice', { submissionId: 's1' }))).rejects.toThrow(
      UnrecoverableError,
    );
    await expect(registry.run(job('runs.practice', { runId: 'r1', extra: 1 }))).rejects.toThrow(
      /malformed payload/,
    );
    await expect(registry.run(job('nobody.handles', {}))).rejects.toThrow(
      /No handler for job "nobody.handles"/,
    );
  });

  it('checks payloads where they are enqueued too', () => {
    expect(jobPayload('authoring.calibrate', { versionId: 'v1' })).toEqual({ versionId: 'v1' });
    expect(() => jobPayload('authoring.calibrate', { versionId: '' })).toThrow(
      /job "authoring.calibrate": malformed payload \(versionId:/,
    );
  });
});
