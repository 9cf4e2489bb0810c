import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { coarseHidden } from '@reps/shared';
import { Client, graded, newLearner } from '../support/client.js';
import { readEvents, type SseEvent } from '../support/sse.js';
import { repoRoot } from '../support/stack.js';
import { storedHidden } from '../support/stored.js';

jest.setTimeout(180_000);

// 100 hidden and 6 public cases; the reference pipeline makes some 80 sim-mini calls a case and
// takes seconds to grade, and the scorer gives partial credit (span F1): correctness, cost, latency,
// calls and tokens all have digits to give away, and progress has steps to report.
const SLUG = 'pii-redaction';
const HIDDEN = 100;
const TOTAL = 106;

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
const twoSignificant = (n: number) => n === 0 || Number(n.toPrecision(2)) === n;

/**
 * Every hidden-set figure in a response, wherever it sits, at the resolution docs/grading.md states:
 * correctness, standard error and calls per case to 0.1; cost and tokens per case to 2 significant
 * figures; latency to 2 significant figures in steps of 10 ms; ratings whole; no call or token
 * totals. `public` subtrees (public cases) are exact by design and skipped. Returns how many
 * figures it checked.
 */
function expectCoarse(value: unknown, where: string, parent = ''): number {
  if (Array.isArray(value))
    return value.reduce((n, v, i) => n + expectCoarse(v, `${where}[${i}]`, parent), 0);
  if (value === null || typeof value !== 'object') return 0;
  let checked = 0;
  for (const [key, v] of Object.entries(value)) {
    const at = `${where}.${key}`;
    if (key === 'public') continue;
    if (key === 'calls' || key === 'tokens') throw new Error(`${at}: a hidden-set total was sent`);
    if (typeof v !== 'number') {
      checked += expectCoarse(v, at, key);
      continue;
    }
    const fail = (rule: string) => new Error(`${at} = ${v} is finer than ${rule}`);
    if (['correctness', 'standard_error', 'calls_per_case'].includes(key)) {
      if (decimals(v) > 1) throw fail('0.1');
    } else if (key === 'cost_usd' || parent === 'tokens_per_case') {
      if (!twoSignificant(v)) throw fail('2 significant figures');
    } else if (parent === 'latency_ms' || /^latency_p\d+_ms$/.test(key)) {
      if (!twoSignificant(v) || v % 10 !== 0) throw fail('2 significant figures in 10 ms');
    } else if (key === 'rating') {
      if (!Number.isInteger(v)) throw fail('a whole point');
    } else continue;
    checked++;
  }
  return checked;
}

describe('the resolution of hidden-set feedback', () => {
  let learner: Awaited<ReturnType<typeof newLearner>>;
  let id: string;
  let events: SseEvent[];
  let view: Awaited<ReturnType<typeof graded>>;

  beforeAll(async () => {
    learner = await newLearner('resolution');
    const pipeline = readFileSync(join(repoRoot, 'challenges', SLUG, 'reference.pipeline.yaml'), 'utf8');
    const submitted = await learner.client.post(`/challenges/${SLUG}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    id = submitted.body.id;
    events = await readEvents(`/submissions/${id}/events`, learner.client.cookie, 150_000);
    view = await graded(learner.client, id, 30_000);
  });

  it('streams a few coarse progress events with counts only, never one per hidden case', () => {
    expect(events.at(-1)).toMatchObject({
      type: 'final',
      data: { id, status: 'graded', cases_done: TOTAL, cases_total: TOTAL },
    });
    expect(events.length).toBeLessThanOrEqual(12);
    for (const event of events) {
      expect(Object.keys(event.data).sort()).toEqual(['cases_done', 'cases_total', 'id', 'status']);
      if (event.type === 'final') continue;
      // Tenths of the hidden set, at most nine: the rest is told by the final status.
      expect(event.data.cases_done % (HIDDEN / 10)).toBe(0);
      expect(event.data.cases_done).toBeLessThanOrEqual(HIDDEN * 0.9);
    }
    // Steps are at least a second apart (the first event is the stored state, read at connection).
    const steps = events.slice(1).filter((e) => e.type === 'progress' && e.data.cases_done > 0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.at - steps[i - 1]!.at).toBeGreaterThan(800);
  });

  it('shows the submission rounded, calls and tokens per case, and its public cases exact', async () => {
    expect(view).toMatchObject({ status: 'graded', cases_done: TOTAL, cases_total: TOTAL });
    const stored = await storedHidden(id);
    expect(stored.cases).toBe(HIDDEN);
    expect(stored.calls).toBeGreaterThanOrEqual(HIDDEN); // a real figure to hide
    expect(view.result.hidden).toEqual(coarseHidden(stored));
    expect(view).toMatchObject({
      correctness: view.result.hidden.correctness,
      standard_error: view.result.hidden.standard_error,
      cost_usd: view.result.hidden.cost_usd,
      latency_ms: view.result.hidden.latency_ms,
      calls_per_case: view.result.hidden.calls_per_case,
      tokens_per_case: view.result.hidden.tokens_per_case,
    });
    expect(view.cost_usd).toBeGreaterThan(0);
    expect(view.tokens_per_case.input).toBeGreaterThan(0);
    expect(expectCoarse(view, 'view')).toBeGreaterThanOrEqual(16);
    // The public part is public data: exact totals and every case with its trace.
    expect(view.result.public).toMatchObject({
      cases: 6,
      calls: expect.any(Number),
      tokens: expect.any(Object),
    });
    expect(view.result.public.case_results).toHaveLength(6);
    expect(view.result.public.case_results[0].trace.steps.length).toBeGreaterThan(0);
  });

  it('rounds the same figures in every other response a learner can read about it', async () => {
    const anyone = new Client();
    const reads = {
      mine: await learner.client.get(`/me/submissions?slug=${SLUG}`),
      board: await learner.client.get(`/challenges/${SLUG}/leaderboard`),
      weekly: await learner.client.get(`/challenges/${SLUG}/leaderboard?period=week`),
      ratings: await learner.client.get('/leaderboards/ratings'),
      progress: await learner.client.get('/me/progress'),
      catalogue: await learner.client.get('/challenges'),
      challenge: await learner.client.get(`/challenges/${SLUG}`),
      profile: await anyone.get(`/users/${learner.handle}`),
      record: await anyone.get(`/verify/${view.verification_id}`),
    };
    for (const [name, reply] of Object.entries(reads)) {
      expect([name, reply.status]).toEqual([name, 200]);
      expectCoarse(reply.body, name);
    }
    const figures = { correctness: view.correctness, standard_error: view.standard_error };
    expect(reads.mine.body.items[0]).toMatchObject({ id, ...figures, cost_usd: view.cost_usd });
    expect(reads.board.body.me).toMatchObject({
      handle: learner.handle,
      ...figures,
      cost_usd: view.cost_usd,
      latency_p95_ms: view.latency_ms.p95,
    });
    const best = reads.progress.body.challenges.find((c: { slug: string }) => c.slug === SLUG);
    expect(best.best).toMatchObject({ correctness: view.correctness, cost_usd: view.cost_usd });
    expect(best.attempts[0]).toMatchObject({ correctness: view.correctness, cost_usd: view.cost_usd });
    expect(reads.challenge.body.best).toMatchObject({ correctness: view.correctness });
    expect(reads.profile.body.results[0]).toMatchObject({ challenge: SLUG, ...figures });
    expect(reads.record.body.record).toMatchObject({
      ...figures,
      cost_usd: view.cost_usd,
      latency_p50_ms: view.latency_ms.p50,
      latency_p95_ms: view.latency_ms.p95,
    });
    // The rounded record is what the server signs, and it verifies.
    const { record, signature } = reads.record.body;
    expect((await anyone.post('/verify', { record, signature })).body).toEqual({ valid: true });
    // Ratings (difficulty × correctness) to the whole point, wherever they appear.
    expect(Number.isInteger(reads.ratings.body.me.rating)).toBe(true);
    for (const rating of [reads.profile.body.rating, ...Object.values(reads.profile.body.skills)])
      expect(Number.isInteger(rating)).toBe(true);
  });
});
