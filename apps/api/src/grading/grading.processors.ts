import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Config } from '@reps/shared';
import type { Job } from 'bullmq';
import { type DataSource, In, Repository } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { QueueProcessor } from '../jobs/queue-processor.js';
import { Run } from '../runs/run.entity.js';
import { GRADING_GAVE_UP, GradingService } from './grading.service.js';

// A worker killed mid-job loses its lock after lockDuration; another worker then takes the job over.
const WORKER_OPTIONS = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 };

@Processor(QUEUES.grading, WORKER_OPTIONS)
export class GradingProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    private readonly grading: GradingService,
  ) {
    super(registry, config, config.REPS_WORKER_CONCURRENCY);
  }

  protected override async onGaveUp(job: Job<{ submissionId: string }>): Promise<void> {
    await this.grading.finish(job.data.submissionId, 'error', {
      error: { code: 'internal', message: GRADING_GAVE_UP },
    });
  }
}

@Processor(QUEUES.runs, WORKER_OPTIONS)
export class RunsProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    @InjectRepository(Run) private readonly runs: Repository<Run>,
  ) {
    super(registry, config, config.REPS_WORKER_CONCURRENCY);
  }

  protected override async onGaveUp(job: Job<{ runId: string }>): Promise<void> {
    await this.runs.update(
      { id: job.data.runId, status: In(['queued', 'running']) },
      { status: 'error', error: { code: 'internal', message: GRADING_GAVE_UP }, finishedAt: new Date() },
    );
  }
}

@Processor(QUEUES.authoring, WORKER_OPTIONS)
export class AuthoringProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(registry, config, 1);
  }

  protected override async onGaveUp(job: Job<{ versionId: string }>): Promise<void> {
    await this.dataSource.query(
      `UPDATE challenge_versions SET status = 'rejected', calibration = $2 WHERE id = $1 AND status = 'calibrating'`,
      [
        job.data.versionId,
        { holds: false, cases: 0, lines: [], finished_at: new Date().toISOString(), error: GRADING_GAVE_UP },
      ],
    );
  }
}
