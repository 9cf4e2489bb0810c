import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ChallengeAnalytics, RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { attemptsToPass, scoreDistribution } from './analytics-stats.js';
import { assertOwnsChallenge } from './challenge-access.js';

/** A challenge version's analytics for its author: how learners fare, what fails, how long passing takes. */
@Injectable()
export class ChallengeAnalyticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async analytics(user: AuthUser, slug: string, version?: number): Promise<ChallengeAnalytics> {
    await assertOwnsChallenge(this.dataSource, user, slug);
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
    const tries = attempts.map((a: { attempts: string }) => Number(a.attempts));
    return {
      slug,
      version: v.version,
      pass_mark: Number(v.pass_mark),
      learners: counts.learners,
      submissions: counts.submissions,
      passed: tries.length,
      score_distribution: scoreDistribution(bests.map((b: { correctness: number }) => Number(b.correctness))),
      cost_vs_correctness: bests.map((b: { handle: string; correctness: number; cost_usd: number }) => ({
        handle: b.handle,
        correctness: Number(b.correctness),
        cost_usd: Number(b.cost_usd),
      })),
      failure_categories: failures,
      attempts_to_pass: attemptsToPass(tries),
    };
  }
}
