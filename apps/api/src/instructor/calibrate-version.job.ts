import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  calibrateChallenge,
  calibrationRoleOf,
  IsolatedGrader,
  type LoadedChallenge,
  TaskLimitError,
  TaskPool,
} from '@reps/engine';
import { type Calibration, type Config, RepsError } from '@reps/shared';
import type { Job } from 'bullmq';
import { ChallengeStore } from '../challenges/challenge-store.js';
import type { ChallengeVersion } from '../challenges/challenge-version.entity.js';
import { ChallengeVersionWriter } from '../challenges/challenge-version-writer.js';
import { CONFIG } from '../config/config.module.js';
import { isolationLimits } from '../grading/isolation-limits.js';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';
import { serverGatewaySpec } from '../models/server-gateway.js';
import { ReadCache } from '../redis/read-cache.js';

/**
 * Makes an uploaded version's public cases, runs its baseline and references on its hidden cases
 * and publishes it when the calibration holds; otherwise it is rejected with the calibration
 * saying why. Author code (generator, scorer) runs only in threads, never on this event loop.
 */
@Injectable()
@JobHandler('authoring.calibrate')
export class CalibrateVersionJob implements JobHandlerInstance {
  private readonly logger = new Logger('Calibration');

  constructor(
    private readonly store: ChallengeStore,
    private readonly writer: ChallengeVersionWriter,
    @Inject(CONFIG) private readonly config: Config,
    private readonly readCache: ReadCache,
  ) {}

  async handle(job: Job<{ versionId: string }>): Promise<Calibration | undefined> {
    const row = await this.store.find(job.data.versionId);
    if (row?.status !== 'calibrating') return undefined;
    const challenge = await this.store.load(row.id);
    const generated = await this.generatePublic(row, challenge);
    const calibration = generated.ok ? await this.calibrate(row, challenge) : generated.calibration;
    await this.writer.finishCalibration(row, calibration, calibration.holds && generated.ok);
    if (calibration.holds && generated.ok) await this.readCache.changed('catalogue');
    this.logger.log({ event: 'calibrated', slug: row.slug, version: row.version, holds: calibration.holds });
    return calibration;
  }

  /**
   * Runs the author's generator for the public cases in a thread under REPS_CASE_WALL_MS, and
   * stores them; a generator that throws, overruns or exhausts its thread rejects the version.
   */
  private async generatePublic(
    row: ChallengeVersion,
    challenge: LoadedChallenge,
  ): Promise<{ ok: true } | { ok: false; calibration: Calibration }> {
    if (row.publicCases.length > 0) return { ok: true };
    const pool = new TaskPool({ wallMs: this.config.REPS_CASE_WALL_MS });
    try {
      const cases = await pool.run({ type: 'generate', challenge, kind: 'public' });
      const publicCases = cases.map(({ id, input, expected }) => ({ id, input, expected }));
      await this.writer.storePublicCases(row.id, publicCases);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TaskLimitError || error instanceof RepsError)) throw error;
      return {
        ok: false,
        calibration: {
          holds: false,
          cases: 0,
          lines: [],
          finished_at: new Date().toISOString(),
          error: `The generator failed on the public cases: ${error.message}`,
        },
      };
    } finally {
      await pool.close();
    }
  }

  /** The calibration rule on the hidden cases, every pipeline graded in an isolated thread. */
  private async calibrate(row: ChallengeVersion, challenge: LoadedChallenge): Promise<Calibration> {
    const grader = new IsolatedGrader(isolationLimits(this.config));
    try {
      return await calibrateChallenge({
        challenge,
        baseline: row.baselinePipeline ?? '',
        ...splitPipelines(row),
        secret: this.config.REPS_HIDDEN_SEED,
        grade: (pipelineSource) =>
          grader.grade({
            challenge,
            pipelineSource,
            kind: 'hidden',
            secret: this.config.REPS_HIDDEN_SEED,
            gateway: serverGatewaySpec(this.config),
            caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
            traces: false,
          }),
      });
    } finally {
      await grader.close();
    }
  }
}

/** The version's extra pipelines: references by name, and the checks (`adversary.…`, `context-free`, `ablation.…`). */
function splitPipelines(row: ChallengeVersion): {
  references: Record<string, string>;
  others: Record<string, string>;
} {
  const references: Record<string, string> = { reference: row.referencePipeline ?? '' };
  const others: Record<string, string> = {};
  for (const [name, source] of Object.entries(row.extraReferences ?? {})) {
    const role = calibrationRoleOf(name);
    if (role === 'adversary' || role === 'context-free' || role === 'ablation') others[name] = source;
    else references[name] = source;
  }
  return { references, others };
}
