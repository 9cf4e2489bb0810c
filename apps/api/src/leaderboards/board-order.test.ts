import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARD_INDEX_COLUMNS, BOARD_ORDER, boardOrderBy, entryRankSql } from './board-order.js';
import { beats } from './ladder.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('the leaderboard order, in one place', () => {
  it('is the order the board index was created with', () => {
    const migration = readFileSync(
      join(here, '../migrations/1764000002000-challenges-and-grading.ts'),
      'utf8',
    );
    const index = /CREATE INDEX leaderboard_order_idx ON leaderboard_entries \(([^)]*)\)/.exec(migration);
    expect(index?.[1]).toBe(BOARD_INDEX_COLUMNS);
  });

  it('gives the page query its ORDER BY and one entry its rank', () => {
    expect(boardOrderBy('l')).toBe('l.correctness DESC, l.cost_usd, l.latency_p95_ms, l.graded_at');
    const flat = entryRankSql('l', 'o').replace(/\s+/g, ' ');
    expect(flat).toBe(
      '1 + ( SELECT count(*) FROM leaderboard_entries o WHERE o.challenge_version_id = l.challenge_version_id AND o.period = l.period AND o.correctness >= l.correctness AND (o.correctness > l.correctness OR (o.cost_usd, o.latency_p95_ms, o.graded_at) < (l.cost_usd, l.latency_p95_ms, l.graded_at)))',
    );
  });

  it('agrees with the Ladder rule: with no noise, a result takes the place exactly when the order puts it ahead', () => {
    const values = { correctness: [70, 80], cost_usd: [0.1, 0.2], latency_p95_ms: [900, 1200] };
    const all: { correctness: number; cost_usd: number; latency_p95_ms: number; standard_error: number }[] =
      [];
    for (const correctness of values.correctness)
      for (const cost_usd of values.cost_usd)
        for (const latency_p95_ms of values.latency_p95_ms)
          all.push({ correctness, cost_usd, latency_p95_ms, standard_error: 0 });
    const ahead = (a: (typeof all)[number], b: (typeof all)[number]) => {
      for (const { column, direction } of BOARD_ORDER) {
        if (column === 'graded_at') return false;
        if (a[column] !== b[column])
          return direction === 'DESC' ? a[column] > b[column] : a[column] < b[column];
      }
      return false;
    };
    for (const a of all) for (const b of all) expect([a, b, beats(a, b)]).toEqual([a, b, ahead(a, b)]);
  });
});
