import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Job } from 'bullmq';
import type { JobRegistry } from './job-registry.js';

/**
 * Every queue's worker options (`@Processor(queue, WORKER_OPTIONS)`): a worker killed mid-job
 * loses its lock after lockDuration; another worker then takes the job over.
 */
export const WORKER_OPTIONS = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 };

/**
 * One BullMQ worker per queue; every job goes to its registered handler. Subclasses only name the
 * queue (the @Processor decorator needs a class per queue) and may react to a job out of retries.
 */
export abstract class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(
    protected readonly registry: JobRegistry,
    protected readonly config: Config,
    private readonly concurrency: number,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.concurrency;
  }

  process(job: Job): Promise<unknown> {
    return this.registry.run(job);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.error({
      event: 'job_failed',
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade,
      final,
      err: error,
    });
    if (final) await this.onGaveUp(job);
  }

  /** Called once a job has failed its last attempt. */
  protected async onGaveUp(_job: Job): Promise<void> {}
}
