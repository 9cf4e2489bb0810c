import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  generateCases,
  type LoadedChallenge,
  type ModelGateway,
  parseForChallenge,
  readManifest,
  skillLibrary,
} from '@reps/engine';
import {
  type Challenge,
  type ChallengeAnalytics,
  type ChallengeBundle,
  type InstructorVersionView,
  type Issue,
  RepsError,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ChallengeVersion } from '../challenges/challenge-version.entity.js';
import { GradingQueue } from '../grading/grading-queue.js';
import { MODEL_GATEWAY } from '../models/models.module.js';
import { Submission } from '../submissions/submission.entity.js';

/**
 * Instructors publish challenge versions by upload: the bundle is checked here (manifest with line
 * and column, generator in the sandbox, pipelines against the manifest), stored as `calibrating`,
 * and the worker publishes it only if the calibration holds on the hidden cases.
 */
@Injectable()
export class InstructorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: GradingQueue,
    @Inject(MODEL_GATEWAY) private readonly gateway: ModelGateway,
  ) {}

  async upload(user: AuthUser, bundle: ChallengeBundle): Promise<InstructorVersionView> {
    const manifest = readManifest(bundle.manifest, 'challenge.yaml');
    await this.assertMayPublish(user, manifest.slug);
    const [{ latest }] = await this.dataSource.query(
      'SELECT max(version) AS latest FROM challenge_versions WHERE slug = $1',
      [manifest.slug],
    );
    if (latest !== null && manifest.version <= latest) {
      throw new RepsError(
        'conflict',
        `Version ${manifest.version} of ${manifest.slug} exists already; the next version is ${latest + 1}.`,
        [{ code: 'conflict', path: 'version', message: `version must be greater than ${latest}` }],
      );
    }
    const challenge: LoadedChallenge = {
      dir: '',
      manifest,
      brief: bundle.brief,
      generatorScript: bundle.generator_script,
      scorerScript: bundle.scorer_script,
    };
    const publicCases = await this.generatePublic(challenge);
    this.checkPipelines(manifest, bundle);
    const id = await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO challenges (slug, title, domain, skills, difficulty, summary) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (slug) DO NOTHING`,
        [
          manifest.slug,
          manifest.title,
          manifest.domain,
          manifest.skills,
          manifest.difficulty,
          manifest.summary,
        ],
      );
      const [row] = await tx.query(
        `INSERT INTO challenge_versions (slug, version, manifest, brief, generator_script, scorer_script, reference_pipeline,
                                         baseline_pipeline, public_cases, content_hash, source, status, created_by, extra_references)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'upload', 'calibrating', $11, $12) RETURNING id`,
        [
          manifest.slug,
          manifest.version,
          manifest,
          bundle.brief,
          bundle.generator_script,
          bundle.scorer_script ?? null,
          bundle.reference_pipeline,
          bundle.baseline_pipeline,
          JSON.stringify(publicCases),
          createHash('sha256').update(JSON.stringify(bundle)).digest('hex'),
          user.id,
          JSON.stringify(bundle.references ?? {}),
        ],
      );
      return row.id as string;
    });
    await this.queue.enqueueCalibration(id);
    return this.version(manifest.slug, manifest.version);
  }

  private async generatePublic(challenge: LoadedChallenge) {
    try {
      return (await generateCases(challenge, { kind: 'public' })).map(({ id, input, expected }) => ({
        id,
        input,
        expected,
      }));
    } catch (error) {
      throw new RepsError('validation_failed', `The generator failed: ${(error as Error).message}`, [
        { code: 'validation_failed', path: 'generator_script', message: (error as Error).message },
      ]);
    }
  }

  private checkPipelines(manifest: Challenge, bundle: ChallengeBundle): void {
    const pipelines: [string, string][] = [
      ['reference_pipeline', bundle.reference_pipeline],
      ['baseline_pipeline', bundle.baseline_pipeline],
      ...Object.entries(bundle.references ?? {}).map(
        ([name, source]) => [`references.${name}`, source] as [string, string],
      ),
    ];
    const issues: Issue[] = pipelines.flatMap(([field, source]) => {
      const parsed = parseForChallenge(manifest, source, this.gateway);
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

  /** Admins publish anything; an instructor publishes new challenges and new versions of their own. */
  private async assertMayPublish(user: AuthUser, slug: string): Promise<void> {
    if (user.role === 'admin') return;
    const rows: { created_by: string | null; source: string }[] = await this.dataSource.query(
      'SELECT created_by, source FROM challenge_versions WHERE slug = $1',
      [slug],
    );
    if (rows.length > 0 && !rows.some((r) => r.created_by === user.id)) {
      throw new RepsError(
        'forbidden',
        `${slug} belongs to someone else; choose another slug or ask an admin.`,
      );
    }
  }

  private async assertOwns(user: AuthUser, slug: string): Promise<void> {
    const [row] = await this.dataSource.query('SELECT 1 FROM challenges WHERE slug = $1', [slug]);
    if (!row) throw new RepsError('not_found', `No challenge called "${slug}".`);
    if (user.role === 'admin') return;
    const [owned] = await this.dataSource.query(
      'SELECT 1 FROM challenge_versions WHERE slug = $1 AND created_by = $2',
      [slug, user.id],
    );
    if (!owned) throw new RepsError('forbidden', `Only the author of ${slug} (or an admin) can do this.`);
  }

  async versions(user: AuthUser): Promise<InstructorVersionView[]> {
    const rows = await this.dataSource.query(
      `SELECT slug, version FROM challenge_versions WHERE created_by = $1 OR $2 ORDER BY slug, version DESC`,
      [user.id, user.role === 'admin'],
    );
    return Promise.all(rows.map((r: { slug: string; version: number }) => this.version(r.slug, r.version)));
  }

  /**
   * One version as an instructor may see it: their own (drafts and rejected ones too), any
   * published version, and everything for admins; another instructor's unpublished work does not
   * exist for them.
   */
  async versionFor(user: AuthUser, slug: string, version: number): Promise<InstructorVersionView> {
    const row = await this.dataSource.getRepository(ChallengeVersion).findOne({ where: { slug, version } });
    const mine = row && (user.role === 'admin' || row.createdBy === user.id || row.status === 'published');
    if (!mine) throw new RepsError('not_found', `${slug} has no version ${version}.`);
    return this.version(slug, version);
  }

  async version(slug: string, version: number): Promise<InstructorVersionView> {
    const row = await this.dataSource.getRepository(ChallengeVersion).findOne({ where: { slug, version } });
    if (!row) throw new RepsError('not_found', `${slug} has no version ${version}.`);
    return {
      slug,
      version,
      title: row.manifest.title,
      status: row.status,
      source: row.source,
      calibration: (row.calibration as InstructorVersionView['calibration']) ?? null,
      created_at: row.createdAt.toISOString(),
      published_at: row.publishedAt?.toISOString() ?? null,
    };
  }

  /**
   * Re-grades every learner's displayed best from earlier versions on the current one, as new
   * submissions (`rejudge_of` the original; they do not count against daily caps).
   */
  async rejudge(user: AuthUser, slug: string): Promise<{ version: number; queued: number }> {
    await this.assertOwns(user, slug);
    const [current] = await this.dataSource.query(
      `SELECT v.id, v.version, v.manifest FROM challenges c JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version WHERE c.slug = $1`,
      [slug],
    );
    if (!current) throw new RepsError('not_found', `${slug} has no published version to rejudge on.`);
    const bests: Submission[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.pipeline, s.pipeline_hash, s.skills FROM leaderboard_entries l
         JOIN submissions s ON s.id = l.submission_id
         JOIN challenge_versions v ON v.id = l.challenge_version_id
        WHERE v.slug = $1 AND v.version < $2 AND l.period = 'all'
          AND NOT EXISTS (SELECT 1 FROM submissions r WHERE r.rejudge_of = s.id AND r.challenge_version_id = $3)`,
      [slug, current.version, current.id],
    );
    const { cases } = current.manifest as Challenge;
    let queued = 0;
    for (const best of bests as unknown as {
      id: string;
      user_id: string;
      pipeline: string;
      pipeline_hash: string;
      skills: Record<string, string>;
    }[]) {
      const parsed = parseForChallenge(
        current.manifest,
        best.pipeline,
        this.gateway,
        skillLibrary(best.skills),
      );
      const [row] = await this.dataSource.query(
        `INSERT INTO submissions (user_id, challenge_version_id, slug, version, pipeline, pipeline_hash, cases_total, rejudge_of, status, error, graded_at, skills)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          best.user_id,
          current.id,
          slug,
          current.version,
          best.pipeline,
          best.pipeline_hash,
          cases.hidden + cases.public,
          best.id,
          parsed.ok ? 'queued' : 'failed',
          parsed.ok
            ? null
            : { code: 'invalid_pipeline', message: parsed.issues.map((i) => i.message).join('; ') },
          parsed.ok ? null : new Date(),
          best.skills,
        ],
      );
      if (parsed.ok) {
        await this.queue.enqueueSubmission(row.id);
        queued++;
      }
    }
    return { version: current.version, queued };
  }

  async analytics(user: AuthUser, slug: string, version?: number): Promise<ChallengeAnalytics> {
    await this.assertOwns(user, slug);
    const [v] = await this.dataSource.query(
      `SELECT v.id, v.version, (v.manifest->'scoring'->>'pass_mark')::float AS pass_mark FROM challenge_versions v
         JOIN challenges c ON c.slug = v.slug WHERE v.slug = $1 AND v.version = coalesce($2, c.published_version)`,
      [slug, version ?? null],
    );
    if (!v) throw new RepsError('not_found', `${slug} has no such version.`);
    const q = (sql: string) => this.dataSource.query(sql, [v.id]);
    const [bests, [counts], failures, attempts] = await Promise.all([
      q(`SELECT u.handle, l.correctness, l.cost_usd FROM leaderboard_entries l JOIN users u ON u.id = l.user_id
          WHERE l.challenge_version_id = $1 AND l.period = 'all' ORDER BY l.correctness DESC`),
      q(
        `SELECT count(*)::int AS submissions, count(DISTINCT user_id)::int AS learners FROM submissions WHERE challenge_version_id = $1`,
      ),
      q(`SELECT f.key AS code, sum(f.value::int)::int AS cases
           FROM submissions s, jsonb_each_text(s.result->'hidden'->'failures') f
          WHERE s.challenge_version_id = $1 AND s.status = 'graded' GROUP BY f.key ORDER BY cases DESC`),
      this.dataSource.query(
        `SELECT user_id, min(n) AS attempts FROM (
           SELECT user_id, correctness, row_number() OVER (PARTITION BY user_id ORDER BY created_at) AS n
             FROM submissions WHERE challenge_version_id = $1 AND rejudge_of IS NULL AND status IN ('graded', 'failed')) t
          WHERE correctness >= $2 GROUP BY user_id`,
        [v.id, v.pass_mark],
      ),
    ]);
    const bins = Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      learners: 0,
    }));
    for (const b of bests) bins[Math.min(9, Math.floor(Number(b.correctness) / 10))].learners++;
    const tries = attempts
      .map((a: { attempts: string }) => Number(a.attempts))
      .sort((a: number, b: number) => a - b);
    const distribution = [...new Set<number>(tries)].map((n) => ({
      attempts: n,
      learners: tries.filter((t: number) => t === n).length,
    }));
    return {
      slug,
      version: v.version,
      pass_mark: Number(v.pass_mark),
      learners: counts.learners,
      submissions: counts.submissions,
      passed: tries.length,
      score_distribution: bins,
      cost_vs_correctness: bests.map((b: { handle: string; correctness: number; cost_usd: number }) => ({
        handle: b.handle,
        correctness: Number(b.correctness),
        cost_usd: Number(b.cost_usd),
      })),
      failure_categories: failures,
      attempts_to_pass: {
        median: tries.length ? tries[Math.floor((tries.length - 1) / 2)] : null,
        mean: tries.length
          ? Math.round((tries.reduce((a: number, b: number) => a + b, 0) / tries.length) * 100) / 100
          : null,
        distribution,
      },
    };
  }
}
