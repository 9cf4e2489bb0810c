import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AnalyticsScope, type ChallengeAnalytics, coarse, RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { analyticsScope, inScopeSql } from './analytics-scope.js';
import { attemptsToPass, scoreDistribution } from './analytics-stats.js';

/**
 * A challenge version's analytics: how learners fare, what fails, how long passing takes. An admin
 * and the challenge's author see every learner; any other instructor sees, on a published
 * challenge, the learners of the cohorts they run and nobody else (analytics-scope.ts).
 */
@Injectable()
export class ChallengeAnalyticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async analytics(user: AuthUser, slug: string, version?: number): Promise<ChallengeAnalytics> {
    const scope = await this.scopeOf(user, slug);
    // Outside `all`, only versions learners could submit to (published now or before) are analysed.
    const visible = scope === 'all' ? 'true' : "v.status IN ('published', 'retired')";
    const [v] = await this.dataSource.query(
      `SELECT v.id, v.version, v.manifest->>'title' AS title,
              (v.manifest->'scoring'->>'pass_mark')::float AS pass_mark FROM challenge_versions v
         JOIN challenges c ON c.slug = v.slug
        WHERE v.slug = $1 AND v.version = coalesce($2, c.published_version) AND ${visible}`,
      [slug, version ?? null],
    );
    if (!v) throw new RepsError('not_found', `${slug} has no such version.`);
    // The cohorts' owner whose members are in scope; null for everyone.
    const owner = scope === 'cohorts' ? user.id : null;
    const q = (sql: string, extra: unknown[] = []) => this.dataSource.query(sql, [v.id, owner, ...extra]);
    const [bests, [counts], failures, attempts, [population], versions] = await Promise.all([
      q(`SELECT u.handle, l.correctness, l.cost_usd FROM leaderboard_entries l JOIN users u ON u.id = l.user_id
          WHERE l.challenge_version_id = $1 AND l.period = 'all' AND ${inScopeSql('l.user_id', '$2')}
          ORDER BY l.correctness DESC, u.handle`),
      q(`SELECT count(*)::int AS submissions, count(DISTINCT user_id)::int AS learners FROM submissions
          WHERE challenge_version_id = $1 AND ${inScopeSql('user_id', '$2')}`),
      q(`SELECT f.key AS code, sum(f.value::int)::int AS cases
           FROM submissions s, jsonb_each_text(s.result->'hidden'->'failures') f
          WHERE s.challenge_version_id = $1 AND s.status = 'graded' AND ${inScopeSql('s.user_id', '$2')}
          GROUP BY f.key ORDER BY cases DESC`),
      q(
        `SELECT user_id, min(n) AS attempts FROM (
           SELECT user_id, correctness, row_number() OVER (PARTITION BY user_id ORDER BY created_at) AS n
             FROM submissions WHERE challenge_version_id = $1 AND rejudge_of IS NULL AND status IN ('graded', 'failed')
              AND ${inScopeSql('user_id', '$2')}) t
          WHERE correctness >= $3 GROUP BY user_id`,
        [v.pass_mark],
      ),
      this.dataSource.query(
        owner
          ? `SELECT count(DISTINCT m.user_id)::int AS learners, count(DISTINCT c.id)::int AS cohorts
               FROM cohorts c LEFT JOIN cohort_members m ON m.cohort_id = c.id WHERE c.owner_id = $1`
          : 'SELECT count(*)::int AS learners, NULL::int AS cohorts FROM users',
        owner ? [owner] : [],
      ),
      this.dataSource.query(
        `SELECT version FROM challenge_versions WHERE slug = $1 AND status IN ('published', 'retired') ORDER BY version DESC`,
        [slug],
      ),
    ]);
    const tries = attempts.map((a: { attempts: string }) => Number(a.attempts));
    // Exact hidden-set figures are for the author and admins (docs/grading.md); an instructor reading
    // another's challenge for their cohorts sees them at the learners' resolution.
    const exact = scope === 'all';
    const correctnessOf = (x: number) => (exact ? Number(x) : coarse('correctness', Number(x)));
    return {
      slug,
      title: String(v.title),
      version: v.version,
      versions: versions.map((r: { version: number }) => r.version),
      scope,
      scope_learners: population.learners,
      scope_cohorts: population.cohorts,
      pass_mark: Number(v.pass_mark),
      learners: counts.learners,
      submissions: counts.submissions,
      passed: tries.length,
      score_distribution: scoreDistribution(
        bests.map((b: { correctness: number }) => correctnessOf(b.correctness)),
      ),
      cost_vs_correctness: bests.map((b: { handle: string; correctness: number; cost_usd: number }) => ({
        handle: b.handle,
        correctness: correctnessOf(b.correctness),
        cost_usd: exact ? Number(b.cost_usd) : coarse('cost_usd', Number(b.cost_usd)),
      })),
      failure_categories: failures,
      attempts_to_pass: attemptsToPass(tries),
    };
  }

  /** The reader's scope on this challenge, or the error they get (see analyticsScope). */
  private async scopeOf(user: AuthUser, slug: string): Promise<AnalyticsScope> {
    const [row] = await this.dataSource.query(
      `SELECT published_version IS NOT NULL AS published,
              EXISTS (SELECT 1 FROM challenge_versions v WHERE v.slug = c.slug AND v.created_by = $2) AS authored
         FROM challenges c WHERE c.slug = $1`,
      [slug, user.id],
    );
    const scope = analyticsScope(user, {
      exists: Boolean(row),
      published: Boolean(row?.published),
      authored: Boolean(row?.authored),
    });
    if (scope === 'not_found') throw new RepsError('not_found', `No challenge called "${slug}".`);
    if (scope === 'forbidden')
      throw new RepsError('forbidden', `Only instructors and admins read the analytics of ${slug}.`);
    return scope;
  }
}
