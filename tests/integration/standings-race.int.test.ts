import { jest } from '@jest/globals';
import pg from 'pg';
import { StandingsService } from '../../apps/api/src/leaderboards/standings.service.js';
import type { Submission } from '../../apps/api/src/submissions/submission.entity.js';
import { graded, newLearner } from '../support/client.js';
import { EXACT_SUM, FIRST_NUMBER_ONLY } from '../support/echo-sum-pipelines.js';
import { stackEnv } from '../support/stack.js';

jest.setTimeout(240_000);

const slug = 'echo-sum';

/** A transaction on its own connection, with the query surface StandingsService uses. */
async function transaction() {
  const db = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
  await db.connect();
  await db.query('BEGIN');
  const tx = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows };
  return {
    tx,
    commit: async () => {
      await db.query('COMMIT');
      await db.end();
    },
  };
}

describe("a learner's standings", () => {
  it('keep the better of two grades recorded at the same moment, whichever commits last', async () => {
    const { client } = await newLearner('race');
    const ids: string[] = [];
    for (const pipeline of [EXACT_SUM, FIRST_NUMBER_ONLY]) {
      const res = await client.post(`/challenges/${slug}/submissions`, { pipeline });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    for (const id of ids) await graded(client, id, 150_000);

    const db = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT id, user_id AS "userId", challenge_version_id AS "challengeVersionId", correctness,
                standard_error AS "standardError", cost_usd AS "costUsd", latency_p95_ms AS "latencyP95Ms",
                graded_at AS "gradedAt" FROM submissions WHERE id = ANY($1)`,
        [ids],
      );
      const [good, bad] = ids.map((id) => rows.find((r) => r.id === id) as Submission);
      expect(good?.correctness).toBe(100);
      expect(bad?.correctness).toBeLessThan(10);
      // As if neither had been recorded yet: both gradings find no entry.
      await db.query('DELETE FROM leaderboard_entries WHERE user_id = $1', [good?.userId]);

      const standings = new StandingsService();
      const first = await transaction();
      const second = await transaction();
      // The better grade is recorded first and not yet committed when the worse one is recorded.
      await standings.record(first.tx as never, good as Submission);
      const late = standings.record(second.tx as never, bad as Submission);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.commit();
      await late;
      await second.commit();

      const board = await db.query(
        "SELECT submission_id, correctness FROM leaderboard_entries WHERE user_id = $1 AND period = 'all'",
        [good?.userId],
      );
      expect(board.rows).toEqual([{ submission_id: good?.id, correctness: 100 }]);
      const ratings = await db.query(
        "SELECT count(*)::int AS n FROM ratings WHERE user_id = $1 AND period = 'all' AND scope = 'global'",
        [good?.userId],
      );
      expect(ratings.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });
});
