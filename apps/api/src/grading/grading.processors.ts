import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Job } from 'bullmq';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { QueueProcessor, WORKER_OPTIONS } from '../jobs/queue-processor.js';
import { RunStore } from '../runs/run-store.js';
import { GRADING_GAVE_UP, GradingService } from './grading.service.js';
import { workerConcurrency } from './isolation-limits.js';

@Processor(QUEUES.grading, WORKER_OPTIONS)
export class GradingProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    private readonly grading: GradingService,
  ) {
    super(registry, config, workerConcurrency(config));
  }

  protected override async onGaveUp(job: Job<{ submissionId: string }>): Promise<void> {
    await this.grading.finish(job.data.submissionId, 'error', { code: 'internal', message: GRADING_GAVE_UP });
  }
}

@Processor(QUEUES.runs, WORKER_OPTIONS)
export class RunsProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    private readonly runs: RunStore,
  ) {
    super(registry, config, workerConcurrency(config));
  }

  protected override async onGaveUp(job: Job<{ runId: string }>): Promise<void> {
    await this.runs.finish(job.data.runId, {
      status: 'error',
      error: { code: 'internal', message: GRADING_GAVE_UP },
    });
  }
}
