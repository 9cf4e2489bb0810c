import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Client, graded, newLearner } from '../support/client.js';
import { apiUrl, repoRoot } from '../support/stack.js';

jest.setTimeout(180_000);

const slug = 'pii-redaction';

function conditionalGet(path: string, etag: string): Promise<{ status: number; length: number }> {
  return new Promise((resolve, reject) => {
    get(`${apiUrl()}/api${path}`, { headers: { 'if-none-match': etag } }, (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, length }));
    }).on('error', reject);
  });
}

describe('public reads', () => {
  it('carry an ETag and Cache-Control, and answer a matching If-None-Match with 304', async () => {
    const anonymous = new Client();
    const { client: learner } = await newLearner('etag');
    for (const path of [
      '/challenges',
      `/challenges/${slug}`,
      `/challenges/${slug}/leaderboard`,
      '/leaderboards/ratings',
    ]) {
      const first = await anonymous.get(path);
      expect({ path, status: first.status }).toEqual({ path, status: 200 });
      expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      // As a browser revalidates (fetch() would add Cache-Control: no-cache to a conditional request).
      const again = await conditionalGet(path, etag as string);
      expect({ path, status: again.status, length: again.length }).toEqual({ path, status: 304, length: 0 });

      const mine = await learner.get(path);
      expect(mine.headers.get('cache-control')).toBe('private, no-cache');
      expect(mine.headers.get('vary')).toMatch(/Cookie/);
    }
  });

  it("show a learner's grade on the board and their card as soon as it is recorded", async () => {
    const { client, handle } = await newLearner('fresh-board');
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    const submitted = await client.post(`/challenges/${slug}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    // Keep the boards and the catalogue cached while the grading runs.
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await new Client().get(`/challenges/${slug}/leaderboard?limit=100`);
        await new Client().get('/challenges');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await graded(client, submitted.body.id, 150_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const board = await new Client().get(`/challenges/${slug}/leaderboard?limit=100`);
      expect(board.body.entries.map((e: { handle: string }) => e.handle)).toContain(handle);
      const cards = await client.get('/challenges');
      const card = cards.body.items.find((c: { slug: string }) => c.slug === slug);
      expect(card.best?.submission_id).toBe(submitted.body.id);
      // Another learner's catalogue shows no best of theirs.
      const other = (await newLearner('no-best')).client;
      const theirs = (await other.get('/challenges')).body.items.find(
        (c: { slug: string }) => c.slug === slug,
      );
      expect(theirs.best).toBeNull();
    } finally {
      polling = false;
      await poller;
    }
  });
});
