import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Config, RepsError, type RunView } from '@reps/shared';
import { QueueEvents } from 'bullmq';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { CONFIG } from '../config/config.module.js';
import { GradingQueue } from '../grading/grading-queue.js';
import { QUEUES } from '../jobs/job-names.js';
import { PipelineChecker } from '../models/pipeline-checker.js';
import { RedisService } from '../redis/redis.module.js';
import { SkillsService } from '../skills/skills.service.js';
import type { Run } from './run.entity.js';
import { RunStore } from './run-store.js';

/** Practice runs: the public cases, full traces, answered within the request when quick enough. */
@Injectable()
export class RunsService implements OnApplicationShutdown {
  private queueEvents?: QueueEvents;

  constructor(
    private readonly runs: RunStore,
    private readonly store: ChallengeStore,
    private readonly queue: GradingQueue,
    private readonly redis: RedisService,
    private readonly checker: PipelineChecker,
    private readonly skillsService: SkillsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async start(
    user: AuthUser,
    slug: string,
    pipeline: string,
    waitMs: number,
  ): Promise<{ done: boolean; run: RunView }> {
    const version = await this.store.version(slug);
    // Counted before the pipeline is checked (the expensive part): every attempt counts.
    await this.assertUnderRate(user.id);
    const skills = await this.skillsService.snapshot(user.id);
    const parsed = await this.checker.check(version.manifest, pipeline, { skills, owner: user.id });
    if (!parsed.ok) throw new RepsError('invalid_pipeline', undefined, parsed.issues);
    const run = await this.runs.create({ userId: user.id, challengeVersionId: version.id, pipeline, skills });
    // The row exists before the job: if Redis is unreachable the run stays queued and the
    // reconciler enqueues it later, so the learner gets a 202 to poll rather than an error.
    const job = await this.queue.enqueueRun(run.id).catch(() => undefined);
    if (job && waitMs > 0) {
      await (job as { waitUntilFinished(events: QueueEvents, ttl: number): Promise<unknown> })
        .waitUntilFinished(await this.events(), waitMs)
        .catch(() => undefined); // a timeout or a failed attempt: the row says what happened
    }
    const fresh = (await this.runs.byId(run.id)) ?? run;
    return { done: isFinal(fresh), run: toRunView(fresh, slug, version.version) };
  }

  async get(id: string, user: AuthUser): Promise<RunView> {
    const run = await this.runs.byId(id);
    if (!run || (run.userId !== user.id && user.role !== 'admin'))
      throw new RepsError('not_found', 'No such run.');
    const version = await this.store.byId(run.challengeVersionId);
    return toRunView(run, version.slug, version.version);
  }

  private async assertUnderRate(userId: string): Promise<void> {
    const key = `${this.config.REPS_REDIS_PREFIX}:runs-rate:${userId}:${Math.floor(Date.now() / 60_000)}`;
    const count = await this.redis.client.incr(key);
    if (count === 1) await this.redis.client.expire(key, 120);
    if (count > this.config.REPS_RUNS_PER_MINUTE) {
      throw new RepsError(
        'too_many_requests',
        `At most ${this.config.REPS_RUNS_PER_MINUTE} practice runs a minute; wait a few seconds.`,
      );
    }
  }

  private async events(): Promise<QueueEvents> {
    if (!this.queueEvents) {
      this.queueEvents = new QueueEvents(QUEUES.runs, {
        connection: { url: this.config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `${this.config.REPS_REDIS_PREFIX}:bull`,
      });
      await this.queueEvents.waitUntilReady();
    }
    return this.queueEvents;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queueEvents?.close();
  }
}

function isFinal(run: Run): boolean {
  return run.status === 'done' || run.status === 'failed' || run.status === 'error';
}

function toRunView(run: Run, slug: string, version: number): RunView {
  return {
    id: run.id,
    slug,
    version,
    status: run.status,
    result: run.result as RunView['result'],
    error: run.error,
    created_at: run.createdAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}
