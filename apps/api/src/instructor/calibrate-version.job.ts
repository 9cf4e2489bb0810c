import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calibrateChallenge, type ModelGateway } from '@reps/engine';
import { type Calibration, type Config } from '@reps/shared';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { ChallengeVersion } from '../challenges/challenge-version.entity.js';
import { CONFIG } from '../config/config.module.js';
import { yieldingGateway } from '../grading/yielding-gateway.js';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';
import { MODEL_GATEWAY } from '../models/models.module.js';

/**
 * Runs an uploaded version's baseline and references on its hidden cases and publishes it when
 * the calibration holds; otherwise it is rejected with the calibration saying why.
 */
@Injectable()
@JobHandler('authoring.calibrate')
export class CalibrateVersionJob implements JobHandlerInstance {
  private readonly logger = new Logger('Calibration');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    @Inject(MODEL_GATEWAY) private readonly gateway: ModelGateway,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async handle(job: Job<{ versionId: string }>): Promise<Calibration | undefined> {
    const versions = this.dataSource.getRepository(ChallengeVersion);
    const row = await versions.findOne({ where: { id: job.data.versionId } });
    if (row?.status !== 'calibrating') return undefined;
    const calibration = await calibrateChallenge({
      challenge: await this.store.load(row.id),
      baseline: row.baselinePipeline ?? '',
      references: { reference: row.referencePipeline ?? '', ...row.extraReferences },
      secret: this.config.REPS_HIDDEN_SEED,
      gateway: yieldingGateway(this.gateway),
      caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
    });
    await this.dataSource.transaction(async (tx) => {
      const publish = calibration.holds;
      await tx.update(
        ChallengeVersion,
        { id: row.id, status: 'calibrating' },
        {
          status: publish ? 'published' : 'rejected',
          calibration: calibration as object,
          publishedAt: publish ? new Date() : null,
        },
      );
      if (!publish) return;
      const m = row.manifest;
      await tx.query(
        `UPDATE challenges SET title = $2, domain = $3, skills = $4, difficulty = $5, summary = $6,
                published_version = GREATEST(coalesce(published_version, 0), $7), updated_at = now()
          WHERE slug = $1`,
        [m.slug, m.title, m.domain, m.skills, m.difficulty, m.summary, row.version],
      );
    });
    this.logger.log({ event: 'calibrated', slug: row.slug, version: row.version, holds: calibration.holds });
    return calibration;
  }
}
