import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type CheckOutcome, stoppedCheck, TaskLimitError, TaskPool } from '@reps/engine';
import { type Challenge, type Config, RepsError } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { serverGatewaySpec } from './server-gateway.js';

/** Verdicts kept per process; beyond it the least recently used go first. */
const MEMO_ENTRIES = 1000;

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
  /** Verdicts by what they depend on (checkKey), and checks under way, shared by identical ones. */
  private readonly verdicts = new Map<string, Promise<CheckOutcome>>();
  /** A manifest's hash, computed once per manifest object (callers cache a version's manifest). */
  private readonly manifestHashes = new WeakMap<Challenge, string>();

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.pool = new TaskPool({ threads: config.REPS_CHECK_THREADS, wallMs: config.REPS_CHECK_WALL_MS });
  }

  /**
   * parseForChallenge's verdict, with the server's models (and prices, when asked). The verdict
   * depends only on the manifest, the source, the skills and the options (the server's models are
   * fixed for the life of the process), so a text already checked against them is answered from
   * memory: the same pipeline sent by many learners is checked once. A check stopped by its cap
   * is not kept, as the server may only have been busy.
   */
  check(
    manifest: Challenge,
    source: string,
    options: CheckOwner & { skills?: Record<string, string>; requireKnownPrices?: boolean } = {},
  ): Promise<CheckOutcome> {
    return this.oneAtATime(options.owner, () => {
      const key = this.checkKey(manifest, source, options);
      const known = this.verdicts.get(key);
      if (known) {
        this.verdicts.delete(key);
        this.verdicts.set(key, known);
        return known;
      }
      const verdict = this.pool.check({
        manifest,
        source,
        gateway: serverGatewaySpec(this.config),
        ...(options.skills ? { skills: options.skills } : {}),
        ...(options.requireKnownPrices ? { requireKnownPrices: true } : {}),
      });
      this.verdicts.set(key, verdict);
      if (this.verdicts.size > MEMO_ENTRIES)
        this.verdicts.delete(this.verdicts.keys().next().value as string);
      const forget = () => {
        if (this.verdicts.get(key) === verdict) this.verdicts.delete(key);
      };
      verdict.then((outcome) => (stoppedCheck(outcome) ? forget() : undefined), forget);
      return verdict;
    });
  }

  private checkKey(
    manifest: Challenge,
    source: string,
    options: { skills?: Record<string, string>; requireKnownPrices?: boolean },
  ): string {
    let manifestHash = this.manifestHashes.get(manifest);
    if (!manifestHash) {
      manifestHash = createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
      this.manifestHashes.set(manifest, manifestHash);
    }
    const skills = Object.entries(options.skills ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return createHash('sha256')
      .update(JSON.stringify([manifestHash, source, skills, options.requireKnownPrices === true]))
      .digest('hex');
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
