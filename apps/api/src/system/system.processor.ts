import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { QueueProcessor } from '../jobs/queue-processor.js';

@Processor(QUEUES.system)
export class SystemProcessor extends QueueProcessor {
  constructor(registry: JobRegistry, @Inject(CONFIG) config: Config) {
    super(registry, config, 2);
  }
}
