import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Job } from 'bullmq';
import { ChallengeVersionWriter } from '../challenges/challenge-version-writer.js';
import { CONFIG } from '../config/config.module.js';
import { GRADING_GAVE_UP } from '../grading/grading.service.js';
import { QUEUES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { QueueProcessor, WORKER_OPTIONS } from '../jobs/queue-processor.js';

/** Calibrations of uploaded versions, one at a time per worker. */
@Processor(QUEUES.authoring, WORKER_OPTIONS)
export class AuthoringProcessor extends QueueProcessor {
  constructor(
    registry: JobRegistry,
    @Inject(CONFIG) config: Config,
    private readonly writer: ChallengeVersionWriter,
  ) {
    super(registry, config, 1);
  }

  protected override async onGaveUp(job: Job<{ versionId: string }>): Promise<void> {
    await this.writer.rejectUnfinished(job.data.versionId, GRADING_GAVE_UP);
  }
}
