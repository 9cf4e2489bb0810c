import { getPriority, setPriority } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';

/**
 * Grading must not starve the API when both share a machine: the worker lowers its own CPU
 * priority (REPS_WORKER_NICE, a Unix nice value) at start, before any grading thread exists, so
 * every grading thread it starts inherits it. The API keeps the default priority.
 */
@Injectable()
export class WorkerPriority implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  onApplicationBootstrap(): void {
    const wanted = this.config.REPS_WORKER_NICE;
    try {
      // Only ever lowered: raising the priority needs privileges and is never what is asked.
      if (getPriority() < wanted) setPriority(wanted);
    } catch (error) {
      this.logger.warn({ event: 'nice_failed', wanted, error: (error as Error).message });
    }
  }
}
