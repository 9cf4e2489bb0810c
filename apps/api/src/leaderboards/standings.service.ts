import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rankedAfterOpening } from '../solutions/opened.js';
import type { Submission } from '../submissions/submission.entity.js';
import { beats } from './ladder.js';
import { ALL_TIME, periodsOf } from './periods.js';

interface EntryRow {
  submission_id: string;
  correctness: number;
  standard_error: number;
  cost_usd: number;
  latency_p95_ms: number;
}

/**
 * Maintains leaderboards and ratings at grade time, inside the grading transaction, so reads are
 * plain indexed lookups however many submissions there are.
 */
@Injectable()
export class StandingsService {
  /**
   * Records a graded submission; returns the periods whose displayed best it became. A submission
   * sent after its author opened the version's solutions changes nothing: the place they held
   * before looking stays.
   */
  async record(tx: EntityManager, s: Submission): Promise<string[]> {
    if (s.correctness === null || s.gradedAt === null) return [];
    // Sent after its author opened this version's solutions: graded, never ranked (solutions/opened.ts).
    if (!(await rankedAfterOpening(tx, s.id))) return [];
    const candidate = {
      correctness: s.correctness,
      standard_error: s.standardError ?? 0,
      cost_usd: s.costUsd ?? 0,
      latency_p95_ms: s.latencyP95Ms ?? 0,
    };
    // One learner's standings change one grade at a time: two of their gradings recorded at once
    // would both find no entry (FOR UPDATE locks no row that is not there yet) and the later insert
    // would overwrite the better one, and both would rewrite their ratings.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`standings:${s.userId}`]);
    const changed: string[] = [];
    for (const period of periodsOf(s.gradedAt)) {
      const [current]: EntryRow[] = await tx.query(
        `SELECT submission_id, correctness, standard_error, cost_usd, latency_p95_ms FROM leaderboard_entries
          WHERE challenge_version_id = $1 AND period = $2 AND user_id = $3 FOR UPDATE`,
        [s.challengeVersionId, period, s.userId],
      );
      if (current && !beats(candidate, current)) continue;
      await tx.query(
        `INSERT INTO leaderboard_entries
           (challenge_version_id, period, user_id, submission_id, correctness, standard_error, cost_usd, latency_p95_ms, graded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (challenge_version_id, period, user_id) DO UPDATE SET
           submission_id = EXCLUDED.submission_id, correctness = EXCLUDED.correctness,
           standard_error = EXCLUDED.standard_error, cost_usd = EXCLUDED.cost_usd,
           latency_p95_ms = EXCLUDED.latency_p95_ms, graded_at = EXCLUDED.graded_at`,
        [
          s.challengeVersionId,
          period,
          s.userId,
          s.id,
          s.correctness,
          candidate.standard_error,
          candidate.cost_usd,
          candidate.latency_p95_ms,
          s.gradedAt,
        ],
      );
      changed.push(period);
    }
    if (changed.length > 0) await this.recomputeRatings(tx, s.userId, changed, s.id);
    return changed;
  }

  /**
   * Rating: the sum over challenges of difficulty × best correctness (on each challenge's current
   * version), overall, per skill and per domain. Recomputed for one learner from their own rows.
   */
  async recomputeRatings(
    tx: EntityManager,
    userId: string,
    periods: string[],
    submissionId?: string,
  ): Promise<void> {
    for (const period of periods) {
      const rows: { difficulty: number; skills: string[]; domain: string; correctness: number }[] =
        await tx.query(
          `SELECT c.difficulty, c.skills, c.domain, l.correctness
           FROM leaderboard_entries l
           JOIN challenge_versions v ON v.id = l.challenge_version_id
           JOIN challenges c ON c.slug = v.slug AND c.published_version = v.version
          WHERE l.user_id = $1 AND l.period = $2`,
          [userId, period],
        );
      const totals = new Map<string, { rating: number; challenges: number }>();
      const add = (scope: string, points: number) => {
        const t = totals.get(scope) ?? { rating: 0, challenges: 0 };
        totals.set(scope, { rating: t.rating + points, challenges: t.challenges + 1 });
      };
      for (const row of rows) {
        const points = row.difficulty * row.correctness;
        add('global', points);
        add(`domain:${row.domain.toLowerCase()}`, points);
        for (const skill of row.skills) add(`skill:${skill}`, points);
      }
      await tx.query('DELETE FROM ratings WHERE user_id = $1 AND period = $2', [userId, period]);
      for (const [scope, t] of totals) {
        await tx.query(
          'INSERT INTO ratings (user_id, scope, period, rating, challenges, updated_at) VALUES ($1, $2, $3, $4, $5, now())',
          [userId, scope, period, Math.round(t.rating * 100) / 100, t.challenges],
        );
      }
      if (period === ALL_TIME) {
        await tx.query('INSERT INTO rating_history (user_id, rating, submission_id) VALUES ($1, $2, $3)', [
          userId,
          Math.round((totals.get('global')?.rating ?? 0) * 100) / 100,
          submissionId ?? null,
        ]);
      }
    }
  }
}
