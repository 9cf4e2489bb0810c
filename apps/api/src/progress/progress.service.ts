import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { coarse, type Progress, type ProgressChallenge, SKILLS } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { passedChallenges } from './passed.js';

/**
 * A learner's practice over time, from their own rows (a handful of indexed queries). Hidden-set
 * figures and ratings go out through `coarse` (docs/grading.md); `passed` is the passed rule of
 * `passed.ts`, judged on exact figures.
 */
@Injectable()
export class ProgressService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(userId: string): Promise<Progress> {
    const q = <T = Record<string, unknown>>(sql: string) =>
      this.dataSource.query(sql, [userId]) as Promise<T[]>;
    const [counts, days, attempts, bests, catalogue, ratings, history, passed] = await Promise.all([
      q<{ submissions: number; runs: number }>(
        'SELECT (SELECT count(*)::int FROM submissions WHERE user_id = $1) AS submissions, (SELECT count(*)::int FROM runs WHERE user_id = $1) AS runs',
      ),
      q<{ day: string; reps: number }>(
        `SELECT to_char(d, 'YYYY-MM-DD') AS day, count(*)::int AS reps FROM (
           SELECT (created_at AT TIME ZONE 'UTC')::date AS d FROM submissions WHERE user_id = $1
           UNION ALL SELECT (created_at AT TIME ZONE 'UTC')::date FROM runs WHERE user_id = $1) t
         WHERE d > (now() AT TIME ZONE 'UTC')::date - 365 GROUP BY d ORDER BY d`,
      ),
      q<{
        slug: string;
        id: string;
        created_at: Date;
        status: string;
        correctness: number | null;
        cost_usd: number | null;
      }>(
        'SELECT slug, id, created_at, status, correctness, cost_usd FROM submissions WHERE user_id = $1 AND rejudge_of IS NULL ORDER BY created_at',
      ),
      q<{
        slug: string;
        correctness: number;
        cost_usd: number;
        latency_p95_ms: number;
        submission_id: string;
      }>(
        `SELECT v.slug, l.correctness, l.cost_usd, l.latency_p95_ms, l.submission_id
           FROM leaderboard_entries l JOIN challenge_versions v ON v.id = l.challenge_version_id
           JOIN challenges c ON c.slug = v.slug AND c.published_version = v.version
          WHERE l.user_id = $1 AND l.period = 'all'`,
      ),
      this.dataSource.query(
        'SELECT slug, title, domain, difficulty, skills FROM challenges WHERE published_version IS NOT NULL ORDER BY difficulty, title',
      ) as Promise<{ slug: string; title: string; domain: string; difficulty: number; skills: string[] }[]>,
      q<{ scope: string; rating: number }>(
        "SELECT scope, rating FROM ratings WHERE user_id = $1 AND period = 'all'",
      ),
      q<{ at: Date; rating: number }>('SELECT at, rating FROM rating_history WHERE user_id = $1 ORDER BY at'),
      passedChallenges(this.dataSource, userId),
    ]);
    const bestBySlug = new Map(bests.map((b) => [b.slug, b]));
    const attemptsBySlug = groupBy(attempts, (a) => a.slug);
    const challenges: ProgressChallenge[] = catalogue
      .filter((c) => attemptsBySlug.has(c.slug))
      .map((c) => {
        const best = bestBySlug.get(c.slug);
        return {
          ...c,
          attempts: (attemptsBySlug.get(c.slug) ?? []).map((a) => ({
            submission_id: a.id,
            at: a.created_at.toISOString(),
            status: a.status,
            correctness: coarse('correctness', a.correctness),
            cost_usd: coarse('cost_usd', a.cost_usd),
          })),
          best: best
            ? {
                correctness: coarse('correctness', best.correctness),
                cost_usd: coarse('cost_usd', best.cost_usd),
                latency_p95_ms: coarse('latency_ms', best.latency_p95_ms),
                submission_id: best.submission_id,
                passed: passed.has(c.slug),
              }
            : null,
        };
      });
    const ratingOf = (scope: string) => ratings.find((r) => r.scope === scope)?.rating ?? 0;
    const skills = Object.fromEntries(
      SKILLS.map((skill) => {
        const possible = catalogue
          .filter((c) => c.skills.includes(skill))
          .reduce((sum, c) => sum + c.difficulty * 100, 0);
        const rating = ratingOf(`skill:${skill}`);
        return [
          skill,
          {
            rating: coarse('rating', rating),
            possible,
            share: possible ? Math.round((rating / possible) * 1000) / 10 : 0,
          },
        ];
      }),
    );
    const domains: Progress['domains'] = {};
    for (const c of catalogue) {
      const key = c.domain.toLowerCase();
      domains[key] ??= { attempted: 0, solved: 0, total: 0 };
      const d = domains[key];
      d.total++;
      if (attemptsBySlug.has(c.slug)) d.attempted++;
      if (passed.has(c.slug)) d.solved++;
    }
    const { current, longest } = streaks(days.map((d) => d.day));
    const { submissions, runs } = counts[0];
    return {
      reps: submissions + runs,
      submissions,
      runs,
      streak_days: current,
      longest_streak_days: longest,
      calendar: days,
      challenges,
      skills,
      domains,
      rating: coarse('rating', ratingOf('global')),
      rating_history: history.map((h) => ({ at: h.at.toISOString(), rating: coarse('rating', h.rating) })),
    };
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Streaks over sorted `YYYY-MM-DD` days; the current one may end today or yesterday. */
export function streaks(days: string[], today = new Date()): { current: number; longest: number } {
  const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  const numbers = days.map(dayNumber);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < numbers.length; i++) {
    run = i > 0 && numbers[i] === numbers[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const todayNumber = dayNumber(today.toISOString().slice(0, 10));
  const last = numbers[numbers.length - 1];
  const current = last !== undefined && todayNumber - last <= 1 ? run : 0;
  return { current, longest };
}
