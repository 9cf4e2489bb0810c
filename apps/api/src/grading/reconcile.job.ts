import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';
import { QUEUES } from '../jobs/job-names.js';
import { GRADING_GAVE_UP, GradingService } from './grading.service.js';
import { GradingQueue } from './grading-queue.js';

/** A submission younger than this may simply not have reached the queue yet. */
const GRACE_SECONDS = 5;

/**
 * Postgres is the truth, Redis only the queue: any submission or run still queued or running whose
 * job is missing (Redis flushed or lost) or finished without a final status (a crash between the
 * two) is put on the queue again. Grading is idempotent, so a duplicate is harmless.
 */
@Injectable()
@JobHandler('system.reconcile')
export class ReconcileJob implements JobHandlerInstance {
  private readonly logger = new Logger('Reconciler');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: GradingQueue,
    private readonly gradingService: GradingService,
    @InjectQueue(QUEUES.grading) private readonly grading: Queue,
    @InjectQueue(QUEUES.runs) private readonly runs: Queue,
  ) {}

  async handle(): Promise<{ requeued: string[] }> {
    const requeued: string[] = [];
    const submissions: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM submissions WHERE status IN ('queued', 'running') AND created_at < now() - make_interval(secs => $1) ORDER BY created_at`,
      [GRACE_SECONDS],
    );
    for (const { id } of submissions) {
      const job = await this.grading.getJob(id);
      if (job && (await job.getState()) === 'failed' && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        // Out of retries, but the worker died before recording it: record it now.
        await this.gradingService.finish(id, 'error', {
          error: { code: 'internal', message: GRADING_GAVE_UP },
        });
        continue;
      }
      if (await this.revive(this.grading, id, () => this.queue.enqueueSubmission(id))) requeued.push(id);
    }
    const runs: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM runs WHERE status IN ('queued', 'running') AND created_at < now() - make_interval(secs => $1)`,
      [GRACE_SECONDS],
    );
    for (const { id } of runs) {
      if (await this.revive(this.runs, id, () => this.queue.enqueueRun(id))) requeued.push(id);
    }
    if (requeued.length > 0) this.logger.warn({ event: 'requeued', count: requeued.length, ids: requeued });
    return { requeued };
  }

  private async revive(queue: Queue, id: string, enqueue: () => Promise<unknown>): Promise<boolean> {
    const job = await queue.getJob(id);
    const state = job ? await job.getState() : 'missing';
    if (state !== 'missing' && state !== 'completed' && state !== 'failed' && state !== 'unknown')
      return false;
    if (job) await job.remove().catch(() => undefined);
    await enqueue();
    return true;
  }
}
