import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Job } from 'bullmq';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';

@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.REPS_WORKER_CONCURRENCY;
  }

  process(job: Job): Promise<unknown> {
    return this.registry.run(job);
  }
}
