import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Config } from '@reps/shared';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from '../jobs/job-names.js';
import { RedisService } from '../redis/redis.module.js';
import { GRADING_GAVE_UP, GradingService } from './grading.service.js';
import { GradingQueue } from './grading-queue.js';

/** A row younger than this may simply not have reached the queue yet. */
const GRACE_SECONDS = 5;

/** One reconciler at a time across every worker sharing the database. */
const LOCK = 'reps:reconciler';

/**
 * Postgres is the truth, Redis only the queue: every submission, practice run and uploaded version
 * still queued, running or calibrating whose job is missing (Redis flushed or lost) or finished
 * without a final status (a crash between the two) is put on the queue again. Grading and
 * calibrating are idempotent, so a duplicate is harmless.
 *
 * It needs nothing from Redis to run: a timer in every worker (REPS_RECONCILE_EVERY_MS) starts it,
 * a Postgres advisory lock lets one worker at a time through, and it also runs at start and each
 * time the worker's Redis connection comes back, since a Redis that restarted may have lost its
 * data. A worker started with Redis down reconciles once Redis answers.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private readonly onReady = () => this.trigger('redis_ready');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: GradingQueue,
    private readonly gradingService: GradingService,
    private readonly redis: RedisService,
    @Inject(CONFIG) private readonly config: Config,
    @InjectQueue(QUEUES.grading) private readonly grading: Queue,
    @InjectQueue(QUEUES.runs) private readonly runs: Queue,
    @InjectQueue(QUEUES.authoring) private readonly authoring: Queue,
    @InjectQueue(QUEUES.system) private readonly system: Queue,
  ) {}

  onApplicationBootstrap(): void {
    // Earlier versions scheduled the reconciler as a BullMQ job in Redis; a schedule left over
    // from them would enqueue jobs nothing handles now.
    this.system.removeJobScheduler('reconcile').catch(() => undefined);
    this.redis.client.on('ready', this.onReady);
    this.timer = setInterval(() => this.trigger('timer'), this.config.REPS_RECONCILE_EVERY_MS);
    this.timer.unref();
    this.trigger('start');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.redis.client.off('ready', this.onReady);
    await this.running?.catch(() => undefined);
  }

  /** Runs a reconciliation unless one is running in this process already. */
  private trigger(reason: string): void {
    if (this.stopped || this.running) return;
    this.running = this.reconcile()
      .catch((error: Error) => this.logger.warn({ event: 'reconcile_failed', reason, error: error.message }))
      .finally(() => {
        this.running = undefined;
      });
  }

  /**
   * One pass, if no other worker holds the lock: the ids put on a queue again, or null when
   * another worker is reconciling. Fails (to be tried again next time) while Redis is down.
   */
  async reconcile(): Promise<string[] | null> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query(
        'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
        [LOCK],
      );
      if (!locked) return null;
      const requeued = [
        ...(await this.submissions()),
        ...(await this.reviveAll('runs', "status IN ('queued', 'running')", this.runs, (id) =>
          this.queue.enqueueRun(id),
        )),
        ...(await this.reviveAll(
          'challenge_versions',
          "status = 'calibrating' AND source = 'upload'",
          this.authoring,
          (id) => this.queue.enqueueCalibration(id),
        )),
      ];
      if (requeued.length > 0) this.logger.warn({ event: 'requeued', count: requeued.length, ids: requeued });
      return requeued;
    });
  }

  private async submissions(): Promise<string[]> {
    const requeued: string[] = [];
    for (const id of await this.unfinished('submissions', "status IN ('queued', 'running')")) {
      const job = await this.grading.getJob(id);
      if (job && (await job.getState()) === 'failed' && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        // Out of retries, but the worker died before recording it: record it now.
        await this.gradingService.finish(id, 'error', { code: 'internal', message: GRADING_GAVE_UP });
        continue;
      }
      if (await this.revive(this.grading, id, () => this.queue.enqueueSubmission(id))) requeued.push(id);
    }
    return requeued;
  }

  private async reviveAll(
    table: 'runs' | 'challenge_versions',
    unfinished: string,
    queue: Queue,
    enqueue: (id: string) => Promise<unknown>,
  ): Promise<string[]> {
    const requeued: string[] = [];
    for (const id of await this.unfinished(table, unfinished))
      if (await this.revive(queue, id, () => enqueue(id))) requeued.push(id);
    return requeued;
  }

  private async unfinished(table: string, where: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ${table} WHERE ${where} AND created_at < now() - make_interval(secs => $1) ORDER BY created_at`,
      [GRACE_SECONDS],
    );
    return rows.map((row) => row.id);
  }

  /** Enqueues again unless the job is waiting, delayed or active; true when it did. */
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
