import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type CheckOutcome, TaskLimitError, TaskPool } from '@reps/engine';
import { type Challenge, type Config, RepsError } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { serverGatewaySpec } from './server-gateway.js';

/** Who a check is for: one check at a time per owner, so no one account can hold the threads. */
export interface CheckOwner {
  owner?: string;
}

/**
 * Checks what learners and authors send (pipelines, skills, challenge manifests) off the request
 * thread: compiling their JSON Schemas can take hundreds of milliseconds, which on the event loop
 * would stall every other request. Checks run in REPS_CHECK_THREADS threads under
 * REPS_CHECK_WALL_MS each; a check past the cap is 503 (the server may only be busy: try again), an
 * owner who already has a check in flight gets 429, and so does a burst beyond the threads and
 * their queue.
 */
@Injectable()
export class PipelineChecker implements OnApplicationShutdown {
  private readonly pool: TaskPool;
  private readonly inFlight = new Set<string>();

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.pool = new TaskPool({ threads: config.REPS_CHECK_THREADS, wallMs: config.REPS_CHECK_WALL_MS });
  }

  /** parseForChallenge's verdict, with the server's models (and prices, when asked). */
  check(
    manifest: Challenge,
    source: string,
    options: CheckOwner & { skills?: Record<string, string>; requireKnownPrices?: boolean } = {},
  ): Promise<CheckOutcome> {
    return this.oneAtATime(options.owner, () =>
      this.pool.check({
        manifest,
        source,
        gateway: serverGatewaySpec(this.config),
        ...(options.skills ? { skills: options.skills } : {}),
        ...(options.requireKnownPrices ? { requireKnownPrices: true } : {}),
      }),
    );
  }

  /** skillProblems' verdict on a skill's source. */
  checkSkill(source: string, options: CheckOwner = {}): Promise<CheckOutcome> {
    return this.oneAtATime(options.owner, () =>
      this.pool.checkSkill({ source, gateway: serverGatewaySpec(this.config) }),
    );
  }

  /** readManifest in a thread: the manifest, or a validation_failed error with every issue. */
  async readManifest(source: string, file: string, options: CheckOwner = {}): Promise<Challenge> {
    try {
      return await this.oneAtATime(options.owner, () => this.pool.run({ type: 'manifest', source, file }));
    } catch (error) {
      if (!(error instanceof TaskLimitError)) throw error;
      if (error.reason === 'overran')
        throw new RepsError(
          'service_unavailable',
          `Checking ${file} stopped: ${error.message}. The server may be busy, so try again in a moment; if it keeps happening, its JSON Schemas are too costly to check.`,
        );
      throw new RepsError('validation_failed', `Checking ${file} stopped: ${error.message}.`, [
        {
          code: 'validation_failed',
          path: 'manifest',
          message: `checking ${file} stopped: ${error.message}; its JSON Schemas are the likely cause`,
        },
      ]);
    }
  }

  private async oneAtATime<T>(owner: string | undefined, work: () => Promise<T>): Promise<T> {
    if (owner === undefined) return work();
    if (this.inFlight.has(owner))
      throw new RepsError(
        'too_many_requests',
        'Your previous pipeline is still being checked; wait for its answer before sending another.',
      );
    this.inFlight.add(owner);
    try {
      return await work();
    } finally {
      this.inFlight.delete(owner);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
