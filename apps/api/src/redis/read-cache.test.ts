import type { Config } from '@reps/shared';
import { MAX_PERSONAL_ENTRIES, MAX_PUBLIC_ENTRIES, ReadCache } from './read-cache.js';

/** A cache without Redis: it neither subscribes nor publishes (tests/integration covers that). */
function cache(): ReadCache {
  const made = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
  return Object.assign(made, {
    subscribe: () => undefined,
    connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
  });
}

describe('ReadCache bounds', () => {
  it('keeps the pages everyone reads however many learners read their own rows', async () => {
    const reads = cache();
    let computed = 0;
    const page = () => reads.get('standings', 'board:v1:all:50:0', 60_000, async () => ++computed);
    await page();
    for (let i = 0; i < MAX_PERSONAL_ENTRIES + 500; i++)
      await reads.getPersonal('standings', `board-me:v1:all:user${i}`, 60_000, async () => i);
    await page();
    expect(computed).toBe(1);
    // The personal entries have their own bound: the first learner's row was pushed out.
    let again = false;
    await reads.getPersonal('standings', 'board-me:v1:all:user0', 60_000, async () => {
      again = true;
      return 0;
    });
    expect(again).toBe(true);
  });

  it('pushes out the least recently read public entry, not the first one kept', async () => {
    const reads = cache();
    let computed = 0;
    const hot = () => reads.get('catalogue', 'cards:{}', 60_000, async () => ++computed);
    await hot();
    for (let i = 0; i < MAX_PUBLIC_ENTRIES * 2; i++) {
      await reads.get('catalogue', `cards:{"q":"flood${i}"}`, 60_000, async () => i);
      if (i % 100 === 0) await hot();
    }
    expect(computed).toBe(1);
  });

  it('drops personal entries with their topic', async () => {
    const reads = cache();
    let computed = 0;
    const mine = () => reads.getPersonal('standings', 'mine:user1', 60_000, async () => ++computed);
    await mine();
    await mine();
    await reads.changed('standings');
    await mine();
    expect(computed).toBe(2);
  });
});
