import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { AttemptDetail, AttemptsPage, AttemptView } from '@reps/shared';
import { Client, graded, newLearner } from '../support/client.js';
import { expectNoHiddenEchoSumCase } from '../support/leak-check.js';
import { repoRoot } from '../support/stack.js';

jest.setTimeout(180_000);

const SLUG = 'echo-sum';
/** Code adds the numbers: every case scores 100. */
const exact = readFileSync(join(repoRoot, 'examples/echo-sum/decomposed.pipeline.yaml'), 'utf8');
/** Off by one in every case: a lower score to compare against. */
const offByOne = exact.replace('sum + n, 0)', 'sum + n, 1)');

describe("a learner's attempts on a challenge", () => {
  let learner: Awaited<ReturnType<typeof newLearner>>;
  let other: Awaited<ReturnType<typeof newLearner>>;
  const ids = { firstRun: '', secondRun: '', submission: '' };
  const responses: string[] = []; // every attempts response, for the leak scan

  const read = async <T>(client: Client, path: string) => {
    const reply = await client.get<T>(path);
    responses.push(JSON.stringify(reply.body));
    return reply;
  };

  beforeAll(async () => {
    learner = await newLearner('attempts');
    other = await newLearner('attempts-other');
    const first = await learner.client.post(`/challenges/${SLUG}/runs`, { pipeline: offByOne });
    expect([first.status, first.body.status]).toEqual([200, 'done']);
    ids.firstRun = first.body.id;
    const second = await learner.client.post(`/challenges/${SLUG}/runs`, { pipeline: exact });
    expect([second.status, second.body.status]).toEqual([200, 'done']);
    ids.secondRun = second.body.id;
    const submitted = await learner.client.post(`/challenges/${SLUG}/submissions`, { pipeline: exact });
    expect(submitted.status).toBe(202);
    ids.submission = submitted.body.id;
    await graded(learner.client, ids.submission);
  });

  it('lists runs and submissions newest first, with the figures their own views show', async () => {
    const page = await read<AttemptsPage>(learner.client, `/me/attempts?slug=${SLUG}`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((a) => [a.kind, a.id])).toEqual([
      ['submission', ids.submission],
      ['run', ids.secondRun],
      ['run', ids.firstRun],
    ]);
    expect(page.body.next_cursor).toBeNull();
    const [submission, run, firstRun] = page.body.items as [AttemptView, AttemptView, AttemptView];

    // A run's figures are its public result's, exact.
    const runView = (await learner.client.get(`/runs/${ids.secondRun}`)).body;
    expect(run).toMatchObject({
      set: 'public',
      status: 'done',
      cases: runView.result.cases,
      correctness: runView.result.correctness,
      standard_error: null,
      cost_usd: runView.result.cost_usd,
      latency_ms: runView.result.latency_ms,
    });
    expect(run.correctness).toBe(100);
    expect(firstRun.correctness).toBeLessThan(100);

    // A submission's are the hidden set's at the learner's resolution, as /submissions/:id has them.
    const view = await graded(learner.client, ids.submission);
    expect(submission).toMatchObject({
      set: 'hidden',
      status: 'graded',
      cases: view.result.hidden.cases,
      correctness: view.correctness,
      standard_error: view.standard_error,
      cost_usd: view.cost_usd,
      latency_ms: view.latency_ms,
      pipeline_hash: view.pipeline_hash,
    });
    // The same text run and submitted has the same hash; another text another.
    expect(run.pipeline_hash).toBe(submission.pipeline_hash);
    expect(firstRun.pipeline_hash).not.toBe(run.pipeline_hash);
    for (const attempt of page.body.items) expect(attempt).not.toHaveProperty('pipeline');
  });

  it('pages through with limit and cursor, each attempt once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/me/attempts?slug=${SLUG}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await read<AttemptsPage>(learner.client, query);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((a) => a.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen).toEqual([ids.submission, ids.secondRun, ids.firstRun]);
  });

  it('gives the author each attempt with its pipeline', async () => {
    const run = await read<AttemptDetail>(learner.client, `/me/attempts/run/${ids.firstRun}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ kind: 'run', id: ids.firstRun, pipeline: offByOne });
    const submission = await read<AttemptDetail>(learner.client, `/me/attempts/submission/${ids.submission}`);
    expect(submission.status).toBe(200);
    expect(submission.body).toMatchObject({ kind: 'submission', id: ids.submission, pipeline: exact });
    // An id of the other kind is no attempt of this one.
    expect((await learner.client.get(`/me/attempts/submission/${ids.firstRun}`)).status).toBe(404);
  });

  it('shows another learner none of them: an empty list and a 404 for each, the pipeline nowhere', async () => {
    const list = await other.client.get(`/me/attempts?slug=${SLUG}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [], next_cursor: null });
    for (const path of [`/me/attempts/run/${ids.firstRun}`, `/me/attempts/submission/${ids.submission}`]) {
      const reply = await other.client.get(path);
      expect([path, reply.status, reply.body.error?.code]).toEqual([path, 404, 'not_found']);
      expect(JSON.stringify(reply.body)).not.toContain('reduce((sum, n)');
    }
    expect((await new Client().get(`/me/attempts?slug=${SLUG}`)).status).toBe(401);
  });

  it('answers bad input with a 400 and a code, an unknown challenge with a 404', async () => {
    const badDate = Buffer.from(`2026-02-30T00:00:00.000000Z|${ids.firstRun}`).toString('base64url');
    const badId = Buffer.from(`2026-02-03T00:00:00.000000Z|${'-'.repeat(36)}`).toString('base64url');
    for (const path of [
      '/me/attempts',
      '/me/attempts?slug=Not_A_Slug',
      `/me/attempts?slug=${SLUG}&limit=0`,
      `/me/attempts?slug=${SLUG}&limit=51`,
      `/me/attempts?slug=${SLUG}&limit=two`,
      `/me/attempts?slug=${SLUG}&cursor=not%20a%20cursor`,
      `/me/attempts?slug=${SLUG}&cursor=${badDate}`,
      `/me/attempts?slug=${SLUG}&cursor=${badId}`,
      `/me/attempts?slug=${SLUG}&sort=asc`,
      `/me/attempts/trial/${ids.firstRun}`,
      '/me/attempts/run/not-a-uuid',
    ]) {
      const reply = await learner.client.get(path);
      expect([path, reply.status, reply.body.error?.code]).toEqual([path, 400, 'validation_failed']);
    }
    const unknown = await learner.client.get('/me/attempts?slug=no-such-challenge');
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'not_found']);
  });

  it('never sends a hidden case: no hidden input or expected value in any attempts response', async () => {
    expect(responses.length).toBeGreaterThanOrEqual(4);
    const everything = responses.join('\n');
    const checked = await expectNoHiddenEchoSumCase(everything, { expected: true });
    expect(checked).toBeGreaterThan(40);
    // Nor a case of any kind: the list carries aggregates, not case results or traces.
    expect(everything).not.toContain('case_results');
    expect(everything).not.toContain('"trace"');
  });
});
