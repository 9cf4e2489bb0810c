import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '@reps/engine';
import { demoClient, newLearner } from '../support/client.js';
import { repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(120_000);

const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';

describe('the daily submission cap', () => {
  it("answers 429 past the challenge's submissions_per_day, says when it resets, and leaves practice runs alone", async () => {
    const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');
    const challenge = await loadChallenge(fixture);
    const slug = `capped-sum-${Date.now().toString(36)}`;
    const manifest = readFileSync(join(fixture, 'challenge.yaml'), 'utf8')
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .concat('submissions_per_day: 2\n');
    const instructor = await demoClient('instructor');
    await instructor.post('/instructor/challenges', {
      format: 'reps-challenge-bundle@1',
      manifest,
      brief: challenge.brief,
      generator_script: challenge.generatorScript,
      reference_pipeline: exact,
      baseline_pipeline: exact.replace('0) })', '1) })'),
    });
    await waitUntil(
      async () =>
        (await instructor.get(`/instructor/challenges/${slug}/versions/1`)).body.status === 'published',
      60_000,
      'publication',
    );

    const { client } = await newLearner('capped');
    expect((await client.get(`/challenges/${slug}`)).body).toMatchObject({
      submissions_per_day: 2,
      submissions_today: 0,
    });
    for (let i = 0; i < 2; i++)
      expect((await client.post(`/challenges/${slug}/submissions`, { pipeline: exact })).status).toBe(202);
    const third = await client.post(`/challenges/${slug}/submissions`, { pipeline: exact });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('too_many_requests');
    expect(third.body.error.message).toMatch(
      /today's 2 submissions on capped-sum-\w+; more at 00:00 UTC \(in \d+ h \d+ min\)/,
    );
    expect((await client.get(`/challenges/${slug}`)).body.submissions_today).toBe(2);
    expect((await client.post(`/challenges/${slug}/runs`, { pipeline: exact })).status).toBe(200);
    // Many at once: the cap holds exactly (count and insert happen under one lock).
    const racer = await newLearner('racer');
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        racer.client.post(`/challenges/${slug}/submissions`, { pipeline: exact }),
      ),
    );
    expect(replies.filter((r) => r.status === 202)).toHaveLength(2);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await racer.client.get(`/challenges/${slug}`)).body.submissions_today).toBe(2);
    const other = await newLearner('uncapped');
    expect((await other.client.post(`/challenges/${slug}/submissions`, { pipeline: exact })).status).toBe(
      202,
    );
  });
});
