import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { generateCases, loadChallenge } from '@reps/engine';
import pg from 'pg';
import { Client, demoClient, graded, newLearner } from '../support/client.js';
import { EXACT_SUM, EXACT_SUM_AFTER_A_LOOK, FIRST_NUMBER_ONLY } from '../support/echo-sum-pipelines.js';
import { repoRoot, stackEnv } from '../support/stack.js';
import { publishSumVersion } from '../support/sum-bundle.js';

jest.setTimeout(180_000);

const SLUG = 'echo-sum';

/**
 * Exact except on hidden cases 25 and 50 (the generator numbers its cases in the question): 96, a
 * pass, and more than a standard error under an exact pipeline.
 */
const ALMOST_EXACT = `name: almost-exact
budget: { max_calls: 2 }
steps:
  - id: total
    code: |
      return input.numbers.reduce((a, b) => a + b, 0) + (Number(input.question.split(':')[0].slice(5)) % 25 === 0 ? 1 : 0)
  - id: result
    output: "({ sum: total })"
`;

async function submit(client: Client, pipeline: string, slug = SLUG): Promise<string> {
  const res = await client.post(`/challenges/${slug}/submissions`, { pipeline });
  if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  await graded(client, res.body.id);
  return res.body.id;
}

async function db<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A graded submission stored as the worker would store it (no grading run): correctness as given. */
async function storeGraded(handle: string, slug: string, correctness: number, review: string | null) {
  await db((c) =>
    c.query(
      `INSERT INTO submissions (user_id, challenge_version_id, slug, version, pipeline, pipeline_hash, status,
                                correctness, standard_error, cost_usd, latency_p95_ms, graded_at, review_status)
       SELECT u.id, v.id, v.slug, v.version, 'name: stored', 'stored', 'graded', $3, 1, 0.01, 1000, now(), $4
         FROM users u, challenges ch JOIN challenge_versions v ON v.slug = ch.slug AND v.version = ch.published_version
        WHERE u.handle = $1 AND ch.slug = $2`,
      [handle, slug, correctness, review],
    ),
  );
}

describe('solutions after passing, and where to go next', () => {
  const responses: string[] = []; // everything learners read, for the leak scan
  const keep = <T>(reply: { status: number; body: T }) => {
    responses.push(JSON.stringify(reply.body));
    return reply;
  };
  let ada: Awaited<ReturnType<typeof newLearner>>;
  let lin: Awaited<ReturnType<typeof newLearner>>;
  let adaFailing: string;
  let adaExact: string;
  let linCostly: string;

  beforeAll(async () => {
    [ada, lin] = await Promise.all([newLearner('sol-ada'), newLearner('sol-lin')]);
  });

  it('asks an anonymous visitor to sign in and refuses a learner who has not passed with not_passed', async () => {
    expect((await new Client().get(`/challenges/${SLUG}/solutions`)).status).toBe(401);
    const before = keep(await ada.client.get(`/challenges/${SLUG}/solutions`));
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe('not_passed');
    expect(before.body.error.message).toMatch(/pass mark \(90\)/);

    adaFailing = await submit(ada.client, FIRST_NUMBER_ONLY);
    const afterFail = keep(await ada.client.get(`/challenges/${SLUG}/solutions`));
    expect(afterFail.status).toBe(403);
    expect(afterFail.body.error.code).toBe('not_passed');
    const shareFail = await ada.client.post(`/challenges/${SLUG}/solutions/share`, {
      submission_id: adaFailing,
    });
    expect(shareFail.status).toBe(403);
    expect(shareFail.body.error.code).toBe('not_passed');
  });

  it('once the learner passes, says what the solutions hold without a pipeline, and shows them when opened', async () => {
    [adaExact, linCostly] = await Promise.all([
      submit(ada.client, EXACT_SUM),
      submit(lin.client, EXACT_SUM_AFTER_A_LOOK),
    ]);
    const view = keep(await ada.client.get(`/challenges/${SLUG}/solutions`));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      slug: SLUG,
      version: 1,
      counts: { references: 0, shared: 0 },
      opened_at: null,
      solutions: null,
      my_share: null,
    });
    expect(view.body.shareable.map((s: { submission_id: string }) => s.submission_id)).toEqual([adaExact]);
    expect(view.body.shareable[0].figures).toMatchObject({ correctness: 100, cost_usd: 0 });
    // echo-sum teaches sequencing at difficulty 1: the next is a sequencing challenge one level up.
    expect(view.body.next).toMatchObject({ slug: 'catalogue-normalisation', difficulty: 2 });
    expect(view.body.next.skills).toContain('sequencing');

    const opened = keep(await ada.client.post(`/challenges/${SLUG}/solutions/open`, {}));
    expect(opened.status).toBe(200);
    expect(opened.body.solutions).toEqual({ references: [], shared: [] });
    expect(Date.parse(opened.body.opened_at)).not.toBeNaN();
    // Opening again keeps the first time; a later read shows the pipelines without opening again.
    const again = keep(await ada.client.post(`/challenges/${SLUG}/solutions/open`, {}));
    expect(again.body.opened_at).toBe(opened.body.opened_at);
    const later = keep(await ada.client.get(`/challenges/${SLUG}/solutions`));
    expect(later.body).toMatchObject({ opened_at: opened.body.opened_at, solutions: { references: [] } });
  });

  it('shares only a learner’s own passing submission, ranked on the Pareto front', async () => {
    const notMine = await lin.client.post(`/challenges/${SLUG}/solutions/share`, { submission_id: adaExact });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.code).toBe('not_found');
    const notAnId = await lin.client.post(`/challenges/${SLUG}/solutions/share`, { submission_id: 'nope' });
    expect(notAnId.status).toBe(400);
    const wrongChallenge = await ada.client.post('/challenges/pii-redaction/solutions/share', {
      submission_id: adaExact,
    });
    expect(wrongChallenge.status).toBe(400);

    const shared = keep(
      await lin.client.post(`/challenges/${SLUG}/solutions/share`, { submission_id: linCostly }),
    );
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ submission_id: linCostly, handle: lin.handle, mine: true });
    expect(
      keep(await ada.client.post(`/challenges/${SLUG}/solutions/share`, { submission_id: adaExact })).status,
    ).toBe(201);

    // Lin shared without opening: the summary counts both and names lin's own, but lists no pipeline.
    const closed = keep(await lin.client.get(`/challenges/${SLUG}/solutions`));
    expect(closed.body).toMatchObject({
      counts: { shared: 2 },
      solutions: null,
      my_share: { submission_id: linCostly, mine: true },
    });
    expect(JSON.stringify(closed.body)).not.toContain(JSON.stringify(EXACT_SUM));

    const view = keep(await lin.client.post(`/challenges/${SLUG}/solutions/open`, {}));
    expect(view.status).toBe(200);
    const rows = view.body.solutions.shared.map((s: { handle: string; layer: number; mine: boolean }) => [
      s.handle,
      s.layer,
      s.mine,
    ]);
    // Same correctness, but ada's costs nothing and runs faster: hers is the front, lin's behind it.
    expect(rows).toEqual([
      [ada.handle, 1, false],
      [lin.handle, 2, true],
    ]);
    expect(view.body.solutions.shared[0].pipeline).toBe(EXACT_SUM);
    expect(view.body.solutions.shared[1].figures.cost_usd).toBeGreaterThan(0);
    expect(Object.keys(view.body.solutions.shared[0]).sort()).toEqual(
      ['display_name', 'figures', 'handle', 'layer', 'mine', 'pipeline', 'shared_at', 'submission_id'].sort(),
    );
  });

  it('withdraws a share, and says when there is nothing to withdraw', async () => {
    expect((await ada.client.delete(`/challenges/${SLUG}/solutions/share`)).status).toBe(204);
    const view = keep(await lin.client.get(`/challenges/${SLUG}/solutions`));
    expect(view.body.solutions.shared.map((s: { handle: string }) => s.handle)).toEqual([lin.handle]);
    const again = await ada.client.delete(`/challenges/${SLUG}/solutions/share`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it('shows the references, never the adversaries or the context-free pipeline, and not to a held grading', async () => {
    const slug = 'insurance-claim-triage';
    const { client, handle } = await newLearner('sol-ref');
    await storeGraded(handle, slug, 97, 'pending');
    const held = await client.get(`/challenges/${slug}/solutions`);
    expect(held.status).toBe(403);
    expect((await client.post(`/challenges/${slug}/solutions/open`, {})).status).toBe(403);
    await storeGraded(handle, slug, 97, null);
    const summary = keep(await client.get(`/challenges/${slug}/solutions`));
    expect(summary.body).toMatchObject({ counts: { references: 2 }, solutions: null });
    const view = keep(await client.post(`/challenges/${slug}/solutions/open`, {}));
    expect(view.status).toBe(200);
    const dir = join(repoRoot, 'challenges', slug);
    const file = (name: string) => readFileSync(join(dir, `${name}.pipeline.yaml`), 'utf8');
    expect(view.body.solutions.references).toEqual([
      { name: 'reference', pipeline: file('reference'), figures: null },
      { name: 'reference.mini-vote', pipeline: file('reference.mini-vote'), figures: null },
    ]);
    const text = JSON.stringify(view.body);
    for (const other of ['adversary.public', 'adversary.source', 'context-free', 'baseline']) {
      expect(text).not.toContain(JSON.stringify(file(other)).slice(1, -1));
    }
  });

  it('grades a submission sent after opening but keeps the board entry, the rating and the profile as they were', async () => {
    const [kim, max] = await Promise.all([newLearner('sol-kim'), newLearner('sol-max')]);
    const [kimFirst, maxFirst] = await Promise.all([
      submit(kim.client, ALMOST_EXACT),
      submit(max.client, ALMOST_EXACT),
    ]);
    // A submission's view carries its public cases' results (public data): not part of the leak scan.
    const first = await kim.client.get(`/submissions/${kimFirst}`);
    expect(first.body).toMatchObject({ correctness: 96, leaderboard: { displayed: true } });
    expect((await new Client().get(`/users/${kim.handle}`)).body.rating).toBe(96);
    expect(keep(await kim.client.post(`/challenges/${SLUG}/solutions/open`, {})).status).toBe(200);

    // Better by more than the standard error: it would take the place, had kim not looked.
    const [kimBetter, maxBetter] = await Promise.all([
      submit(kim.client, EXACT_SUM),
      submit(max.client, EXACT_SUM),
    ]);
    const better = await kim.client.get(`/submissions/${kimBetter}`);
    expect(better.body).toMatchObject({
      status: 'graded',
      correctness: 100,
      leaderboard: { displayed: false, stays: 'solutions_opened', best_correctness: 96 },
    });
    const board = keep(await kim.client.get(`/challenges/${SLUG}/leaderboard`));
    expect(board.body.me).toMatchObject({
      handle: kim.handle,
      correctness: 96,
      verification_id: first.body.verification_id,
    });
    const profile = keep(await new Client().get(`/users/${kim.handle}`));
    expect(profile.body.rating).toBe(96);
    expect(profile.body.results.map((r: { verification_id: string }) => r.verification_id)).toEqual([
      first.body.verification_id,
    ]);
    // Still a true record of a grading, and it counts for passing; but it is not offered for sharing
    // (sent after reading others' pipelines), and sharing it is refused.
    expect(better.body.verification_id).toEqual(expect.any(String));
    expect((await new Client().get(`/verify/${better.body.verification_id}`)).status).toBe(200);
    const mine = keep(await kim.client.get(`/challenges/${SLUG}/solutions`));
    expect(mine.body.shareable.map((s: { submission_id: string }) => s.submission_id)).toEqual([kimFirst]);
    expect(
      (await kim.client.post(`/challenges/${SLUG}/solutions/share`, { submission_id: kimBetter })).status,
    ).toBe(403);

    // Max never opened the solutions: the same better pipeline took their place and moved their rating.
    expect((await max.client.get(`/submissions/${maxBetter}`)).body.leaderboard).toMatchObject({
      displayed: true,
    });
    expect((await max.client.get(`/submissions/${maxFirst}`)).body.leaderboard.stays).toBe('lower');
    expect((await new Client().get(`/users/${max.handle}`)).body.rating).toBe(100);
  });

  it('keeps a best sent before the opening ranked when an instructor rejudges it on a new version, which does not clear the freeze', async () => {
    const slug = `sol-rejudge-${Date.now().toString(36)}`;
    const instructor = await demoClient('instructor');
    await publishSumVersion(instructor, slug, 1);
    const kim = await newLearner('sol-rj');
    const best = await submit(kim.client, EXACT_SUM, slug);
    expect((await kim.client.post(`/challenges/${slug}/solutions/open`, {})).status).toBe(200);

    // Version 2: what kim read on version 1 still passes, so the freeze holds; kim's pass is graded,
    // counts as passed (kim may open version 2's solutions), but takes no place.
    await publishSumVersion(instructor, slug, 2);
    const passing = await submit(kim.client, ALMOST_EXACT, slug);
    expect((await kim.client.get(`/submissions/${passing}`)).body).toMatchObject({
      version: 2,
      correctness: 96,
      leaderboard: null,
    });
    // Nor may kim share it: it was sent after reading others' solutions.
    const refused = await kim.client.post(`/challenges/${slug}/solutions/share`, { submission_id: passing });
    expect(refused.status).toBe(403);
    expect((await kim.client.get(`/challenges/${slug}/solutions`)).body.shareable).toEqual([]);
    const opened = await kim.client.post(`/challenges/${slug}/solutions/open`, {});
    expect(opened.body).toMatchObject({ version: 2, opened_at: expect.any(String) });

    // The rejudge copy of the version-1 best is created now, after the opening, but was sent before it.
    expect((await instructor.post(`/instructor/challenges/${slug}/rejudge`)).body).toEqual({
      version: 2,
      queued: 1,
    });
    const [copy] = await db(async (c) => {
      const { rows } = await c.query('SELECT id FROM submissions WHERE rejudge_of = $1', [best]);
      return rows as { id: string }[];
    });
    expect(await graded(kim.client, copy.id)).toMatchObject({
      version: 2,
      correctness: 100,
      leaderboard: { displayed: true },
    });
    const board = await kim.client.get(`/challenges/${slug}/leaderboard`);
    expect(board.body).toMatchObject({ version: 2, me: { handle: kim.handle, correctness: 100 } });

    // While what kim sends on version 2 now is graded but not ranked.
    const after = await submit(kim.client, EXACT_SUM, slug);
    expect((await kim.client.get(`/submissions/${after}`)).body.leaderboard).toMatchObject({
      displayed: false,
      stays: 'solutions_opened',
    });
  });

  it('names a start-here challenge for anyone: the easiest decomposition-only challenge', async () => {
    const res = await new Client().get('/start-here');
    expect(res.status).toBe(200);
    expect(res.body.challenge).toMatchObject({
      slug: 'insurance-claim-triage',
      difficulty: 1,
      skills: ['decomposition'],
    });
  });

  it('never shows a hidden case or a per-case hidden result', async () => {
    const challenge = await loadChallenge(join(repoRoot, 'packages/engine/src/challenges/fixtures', SLUG));
    const hidden = await generateCases(challenge, { kind: 'hidden', secret: stackEnv().REPS_HIDDEN_SEED });
    const publicInputs = new Set(
      (await generateCases(challenge, { kind: 'public' })).map((c) => JSON.stringify(c.input)),
    );
    const everything = responses.join('\n');
    expect(everything).not.toContain('case_results');
    let checked = 0;
    for (const c of hidden) {
      if (publicInputs.has(JSON.stringify(c.input))) continue;
      expect(everything).not.toContain(JSON.stringify(c.input));
      expect(everything).not.toContain(JSON.stringify((c.input as { numbers: number[] }).numbers));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(adaFailing).toBeDefined();
  });
});
