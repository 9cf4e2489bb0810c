import { jest } from '@jest/globals';
import { Client, newLearner } from '../support/client.js';
import { EXACT_SUM } from '../support/echo-sum-pipelines.js';
import { expectNoHiddenEchoSumCase } from '../support/leak-check.js';
import { readEvents } from '../support/sse.js';

jest.setTimeout(120_000);

const SLUG = 'echo-sum';
const exactPipeline = EXACT_SUM;
const invalidPipeline = `name: broken
budget: { max_calls: 2 }
steps:
  - id: total
    code: return input.numbers.reduce((a, b) => a + b, 0)
  - id: result
    output: "({ sum: totl })"
`;

describe('the learner loop over HTTP', () => {
  let learner: Awaited<ReturnType<typeof newLearner>>;
  let submissionId: string;
  const responses: string[] = []; // everything the learner could read, for the leak scan

  const keep = <R extends { body: unknown }>(reply: R): R => {
    responses.push(JSON.stringify(reply.body));
    return reply;
  };

  beforeAll(async () => {
    learner = await newLearner('loop');
  });

  it('lists the catalogue and shows a challenge with its public cases and priced models', async () => {
    const list = keep(await learner.client.get('/challenges'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { slug: string }) => c.slug)).toContain(SLUG);
    const detail = keep(await learner.client.get(`/challenges/${SLUG}`));
    expect(detail.status).toBe(200);
    expect(detail.body.brief.length).toBeGreaterThan(20);
    expect(detail.body.public_cases).toHaveLength(5);
    expect(detail.body.public_cases[0]).toEqual({
      id: 'public-1',
      input: expect.any(Object),
      expected: expect.any(Object),
    });
    expect(detail.body.models.find((m: { id: string }) => m.id === 'sim-mini')).toMatchObject({
      input_price_per_m: 0.1,
    });
    expect(JSON.stringify(detail.body)).not.toContain('generator');
  });

  it('filters the catalogue by skill and difficulty', async () => {
    const hit = await learner.client.get('/challenges?skill=sequencing&difficulty=1');
    expect(hit.body.items.map((c: { slug: string }) => c.slug)).toContain(SLUG);
    const miss = await learner.client.get('/challenges?difficulty=5&q=echo');
    expect(miss.body.items).toEqual([]);
    const bad = await learner.client.get('/challenges?skill=juggling');
    expect(bad.status).toBe(400);
  });

  it('rejects an invalid pipeline with 422, its code, line and column', async () => {
    const res = await learner.client.post(`/challenges/${SLUG}/runs`, { pipeline: invalidPipeline });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_pipeline');
    expect(res.body.error.issues[0]).toMatchObject({ code: 'invalid_pipeline', line: 7 });
    expect(res.body.error.issues[0].message).toMatch(/totl/);
  });

  it('runs a pipeline on the public cases and returns per-case results with traces', async () => {
    const res = keep(await learner.client.post(`/challenges/${SLUG}/runs`, { pipeline: exactPipeline }));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('done');
    expect(res.body.result.correctness).toBe(100);
    expect(res.body.result.case_results).toHaveLength(5);
    const first = res.body.result.case_results[0];
    expect(first).toMatchObject({ id: 'public-1', status: 'ok', score: 1 });
    expect(first.output).toEqual(first.expected);
    expect(first.trace.steps.length).toBeGreaterThan(0);
    const again = await learner.client.get(`/runs/${res.body.id}`);
    expect(again.body.result.correctness).toBe(100);
  });

  it('submits: 202 at once, progress events to graded, then the result and a leaderboard place', async () => {
    const res = keep(
      await learner.client.post(`/challenges/${SLUG}/submissions`, { pipeline: exactPipeline }),
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    submissionId = res.body.id;
    const events = await readEvents(`/submissions/${submissionId}/events`, learner.client.cookie);
    responses.push(JSON.stringify(events));
    const last = events[events.length - 1];
    expect(last.type).toBe('final');
    expect(last.data).toMatchObject({ status: 'graded', cases_done: 55, cases_total: 55 });
    const view = keep(await learner.client.get(`/submissions/${submissionId}`));
    expect(view.body).toMatchObject({
      status: 'graded',
      correctness: 100,
      standard_error: 0,
      pipeline: exactPipeline,
    });
    expect(view.body.result.hidden).toMatchObject({ cases: 50, correctness: 100, statuses: { ok: 50 } });
    expect(view.body.result.hidden.case_results).toBeUndefined();
    expect(view.body.result.public.case_results).toHaveLength(5);
    expect(view.body.leaderboard).toMatchObject({ rank: expect.any(Number), displayed: true });
    expect(view.body.verification_id).toMatch(/^[\w-]{12}$/);
  });

  it('says why a worse submission is not displayed, with the best it stays behind', async () => {
    const worse = exactPipeline.replace('reduce((a, b) => a + b, 0)', 'reduce((a, b) => a + b, 1)');
    const res = keep(await learner.client.post(`/challenges/${SLUG}/submissions`, { pipeline: worse }));
    expect(res.status).toBe(202);
    await readEvents(`/submissions/${res.body.id}/events`, learner.client.cookie);
    const view = keep(await learner.client.get(`/submissions/${res.body.id}`));
    expect(view.body.correctness).toBeLessThan(100);
    expect(view.body.leaderboard).toMatchObject({ displayed: false, stays: 'lower', best_correctness: 100 });
    // Where the points went: per field, over at least five hidden cases, with a hint.
    const { breakdown } = view.body.result.hidden;
    expect(breakdown.fields).toEqual([{ path: 'sum', accuracy: 0, cases: 50 }]);
    expect(breakdown.hints[0]).toMatch(/^sum is right 0% of the time/);
    for (const bucket of [...breakdown.fields, ...breakdown.sizes])
      expect(bucket.cases).toBeGreaterThanOrEqual(5);
    expect(view.body.result.public.breakdown.fields).toEqual([{ path: 'sum', accuracy: 0, cases: 5 }]);
    const first = keep(await learner.client.get(`/submissions/${submissionId}`));
    expect(first.body.leaderboard).toEqual({
      rank: view.body.leaderboard.rank,
      of: view.body.leaderboard.of,
      displayed: true,
    });
  });

  it('shows the learner on the leaderboard, in the ratings and on the public profile', async () => {
    const board = keep(await learner.client.get(`/challenges/${SLUG}/leaderboard`));
    expect(board.body.entries.map((e: { handle: string }) => e.handle)).toContain(learner.handle);
    expect(board.body.me).toMatchObject({ handle: learner.handle, correctness: 100 });
    const weekly = await learner.client.get(`/challenges/${SLUG}/leaderboard?period=week`);
    expect(weekly.body.entries.map((e: { handle: string }) => e.handle)).toContain(learner.handle);
    const ratings = keep(await learner.client.get('/leaderboards/ratings'));
    expect(ratings.body.me).toMatchObject({ handle: learner.handle, rating: 100, challenges: 1 });
    const profile = keep(await new Client().get(`/users/${learner.handle}`));
    expect(profile.status).toBe(200);
    expect(profile.body.results[0]).toMatchObject({ challenge: SLUG, correctness: 100, passed: true });
    expect(profile.body.skills).toEqual({ sequencing: 100 });
  });

  it('signs the record of a graded submission and checks signatures', async () => {
    const view = await learner.client.get(`/submissions/${submissionId}`);
    const signed = keep(await new Client().get(`/verify/${view.body.verification_id}`));
    expect(signed.status).toBe(200);
    expect(signed.body.record).toMatchObject({
      handle: learner.handle,
      challenge: SLUG,
      correctness: 100,
      cases: 50, // the hidden cases the figures are over, as the submission panel and `reps verify` say
    });
    expect(signed.body.signature).toMatch(/^[0-9a-f]{64}$/);
    const ok = await new Client().post('/verify', {
      record: signed.body.record,
      signature: signed.body.signature,
    });
    expect(ok.body.valid).toBe(true);
    const forged = await new Client().post('/verify', {
      record: { ...signed.body.record, correctness: 99 },
      signature: signed.body.signature,
    });
    expect(forged.body.valid).toBe(false);
    expect((await new Client().get('/verify/not-a-real-id')).status).toBe(404);
  });

  it("hides a submission from other learners and anonymous visitors, and never shows anyone else's pipeline", async () => {
    const other = await newLearner('other');
    expect((await other.client.get(`/submissions/${submissionId}`)).status).toBe(404);
    expect((await new Client().get(`/submissions/${submissionId}`)).status).toBe(401);
    expect(
      (await new Client().post(`/challenges/${SLUG}/submissions`, { pipeline: exactPipeline })).status,
    ).toBe(401);
    const board = await other.client.get(`/challenges/${SLUG}/leaderboard`);
    expect(JSON.stringify(board.body)).not.toContain('reduce((a, b)');
  });

  it('never shows a hidden case: no input or expected value appears in anything the learner read', async () => {
    const mine = keep(await learner.client.get('/me/submissions'));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(submissionId);
    const checked = await expectNoHiddenEchoSumCase(responses.join('\n'));
    expect(checked).toBeGreaterThan(40);
  });
});
