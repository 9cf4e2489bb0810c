import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type CheckOutcome, TaskPool } from '@reps/engine';
import type { Challenge, Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { serverGatewaySpec } from './server-gateway.js';

/**
 * Checks learners' and authors' pipelines for a challenge off the request thread: compiling a
 * pipeline's JSON Schemas can take hundreds of milliseconds, which on the event loop would stall
 * every other request. Checks run in REPS_CHECK_THREADS threads under REPS_CHECK_WALL_MS each; a
 * check past the cap is an invalid pipeline, and a burst beyond the threads and their queue is 429.
 */
@Injectable()
export class PipelineChecker implements OnApplicationShutdown {
  private readonly pool: TaskPool;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.pool = new TaskPool({ threads: config.REPS_CHECK_THREADS, wallMs: config.REPS_CHECK_WALL_MS });
  }

  /** parseForChallenge's verdict, with the server's models (and prices, when asked). */
  check(
    manifest: Challenge,
    source: string,
    options: { skills?: Record<string, string>; requireKnownPrices?: boolean } = {},
  ): Promise<CheckOutcome> {
    return this.pool.check({
      manifest,
      source,
      gateway: serverGatewaySpec(this.config),
      ...(options.skills ? { skills: options.skills } : {}),
      ...(options.requireKnownPrices ? { requireKnownPrices: true } : {}),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
