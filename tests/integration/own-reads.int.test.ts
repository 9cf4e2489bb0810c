import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { type Client, graded, newLearner } from '../support/client.js';
import { repoRoot } from '../support/stack.js';

jest.setTimeout(180_000);

const slug = 'pii-redaction';

/** Everything a signed-in read lays over the cached public part: the learner's own pieces. */
async function own(client: Client) {
  const [cards, page, board, ratings] = await Promise.all([
    client.get('/challenges'),
    client.get(`/challenges/${slug}`),
    client.get(`/challenges/${slug}/leaderboard`),
    client.get('/leaderboards/ratings'),
  ]);
  for (const reply of [cards, page, board, ratings]) expect(reply.status).toBe(200);
  return {
    card: cards.body.items.find((c: { slug: string }) => c.slug === slug).best?.submission_id ?? null,
    page: page.body.best?.submission_id ?? null,
    today: page.body.submissions_today,
    boardMe: board.body.me?.handle ?? null,
    ratingsMe: ratings.body.me?.handle ?? null,
  };
}

describe("a signed-in learner's own part of a read", () => {
  it('is kept between grades and shows their own new grade as soon as it is recorded', async () => {
    const { client, handle } = await newLearner('own-reads');
    expect(await own(client)).toEqual({ card: null, page: null, today: 0, boardMe: null, ratingsMe: null });
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    const submitted = await client.post(`/challenges/${slug}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    // Today's count is the learner's own write: it shows on the next read.
    expect((await own(client)).today).toBe(1);
    // Keep the learner's own pieces cached while the grading runs.
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await own(client);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await graded(client, submitted.body.id, 150_000);
      // The grade is announced just after its transaction commits, which `graded` may see first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await own(client)).toEqual({
        card: submitted.body.id,
        page: submitted.body.id,
        today: 1,
        boardMe: handle,
        ratingsMe: handle,
      });
    } finally {
      polling = false;
      await poller;
    }
  });
});
