import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CheckOutcome } from '@reps/engine';
import {
  type Challenge,
  type ChallengeBundle,
  type InstructorVersionView,
  type Issue,
  RepsError,
} from '@reps/shared';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ChallengeVersionWriter } from '../challenges/challenge-version-writer.js';
import { GradingQueue } from '../grading/grading-queue.js';
import { PipelineChecker } from '../models/pipeline-checker.js';
import { ChallengeVersionsService } from './challenge-versions.service.js';

/**
 * Instructors publish challenge versions by upload: the bundle is checked here (manifest with line
 * and column, pipelines against the manifest, in a checking thread) and stored as `calibrating`;
 * the worker runs the generator (author code never runs in the API), calibrates on the hidden
 * cases and publishes the version only if the calibration holds.
 */
@Injectable()
export class ChallengeUploadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: GradingQueue,
    private readonly checker: PipelineChecker,
    private readonly versions: ChallengeVersionsService,
    private readonly writer: ChallengeVersionWriter,
  ) {}

  async upload(user: AuthUser, bundle: ChallengeBundle): Promise<InstructorVersionView> {
    // In a checking thread: the manifest's JSON Schemas compile, which must not stall the API.
    const manifest = await this.checker.readManifest(bundle.manifest, 'challenge.yaml', { owner: user.id });
    // Answered before the pipelines are checked (a thread's work), and again under the lock below.
    await this.assertMayUpload(this.dataSource.manager, user, manifest);
    await this.checkPipelines(manifest, bundle, user.id);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (tx) => {
        // Uploads of one slug take turns from here to the commit, so two instructors cannot both
        // take a new slug, and two uploads cannot both pass the check for the next version.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('upload:' || $1, 0))`, [manifest.slug]);
        await this.assertMayUpload(tx, user, manifest);
        return this.writer.insertUpload(tx, manifest, bundle, user.id);
      });
    } catch (error) {
      // Anything else that claimed the version meanwhile (the catalogue loader takes no lock).
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new RepsError(
          'conflict',
          `Version ${manifest.version} of ${manifest.slug} exists already (stored while this upload was checked).`,
        );
      }
      throw error;
    }
    await this.queue.enqueueCalibration(id);
    return this.versions.version(manifest.slug, manifest.version);
  }

  /**
   * Admins publish anything; an instructor publishes new challenges and new versions of their own.
   * A version must be greater than every stored one.
   */
  private async assertMayUpload(db: EntityManager, user: AuthUser, manifest: Challenge): Promise<void> {
    const { slug, version } = manifest;
    const rows: { created_by: string | null; version: number }[] = await db.query(
      'SELECT created_by, version FROM challenge_versions WHERE slug = $1',
      [slug],
    );
    if (user.role !== 'admin' && rows.length > 0 && !rows.some((r) => r.created_by === user.id)) {
      throw new RepsError(
        'forbidden',
        `${slug} belongs to someone else; choose another slug or ask an admin.`,
      );
    }
    const latest = rows.length > 0 ? Math.max(...rows.map((r) => r.version)) : null;
    if (latest !== null && version <= latest) {
      throw new RepsError(
        'conflict',
        `Version ${version} of ${slug} exists already; the next version is ${latest + 1}.`,
        [{ code: 'conflict', path: 'version', message: `version must be greater than ${latest}` }],
      );
    }
  }

  private async checkPipelines(manifest: Challenge, bundle: ChallengeBundle, owner: string): Promise<void> {
    const pipelines: [string, string][] = [
      ['reference_pipeline', bundle.reference_pipeline],
      ['baseline_pipeline', bundle.baseline_pipeline],
      ...Object.entries(bundle.references ?? {}).map(
        ([name, source]) => [`references.${name}`, source] as [string, string],
      ),
      ...Object.entries(bundle.checks ?? {}).map(
        ([name, source]) => [`checks.${name}`, source] as [string, string],
      ),
    ];
    // One after another: one check at a time per author.
    const checked: { field: string; parsed: CheckOutcome }[] = [];
    for (const [field, source] of pipelines)
      checked.push({ field, parsed: await this.checker.check(manifest, source, { owner }) });
    const issues: Issue[] = checked.flatMap(({ field, parsed }) => {
      return parsed.ok
        ? []
        : parsed.issues.map((i) => ({
            ...i,
            path: `${field}.${i.path ?? ''}`,
            message: `${field}: ${i.message}`,
          }));
    });
    if (issues.length > 0)
      throw new RepsError(
        'invalid_pipeline',
        'A pipeline in the bundle is not valid for this challenge.',
        issues,
      );
  }
}
