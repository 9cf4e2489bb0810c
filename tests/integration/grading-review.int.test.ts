import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CUSTOM_SCORER_GLOBAL, loadChallenge } from '@reps/engine';
import { type Client, demoClient, graded, newInstructor, newLearner } from '../support/client.js';
import { repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
const offByOne =
  'name: off\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 1) })"\n';

/**
 * A scorer broken on every case whose expected sum is a multiple of 5 (it fails on the expected
 * output too, so those cases are genuine grader_error): about a fifth of the hidden cases, far
 * over the 2% that holds a grading for review. The other cases score honestly.
 */
const brokenScorer = `var ${CUSTOM_SCORER_GLOBAL} = (function (exports) {
  exports.score = function (output, expected) {
    if (expected.sum % 5 === 0) throw new Error('cannot score a multiple of five');
    return { score: output.sum === expected.sum ? 1 : 0, reason: 'compared' };
  };
  return exports;
})({});`;

async function bundle(slug: string) {
  const challenge = await loadChallenge(fixture);
  const manifest = readFileSync(join(fixture, 'challenge.yaml'), 'utf8')
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^title: .*$/m, 'title: Sum with a broken scorer')
    .replace(/^scoring:\n(?: {2}.*\n)+/m, 'scoring:\n  scorer: custom\n  pass_mark: 90\n');
  return {
    format: 'reps-challenge-bundle@1',
    manifest,
    brief: challenge.brief,
    generator_script: challenge.generatorScript,
    scorer_script: brokenScorer,
    reference_pipeline: exact,
    baseline_pipeline: offByOne,
  };
}

describe('gradings with too many grader errors are held for the instructor’s review', () => {
  const slug = `broken-scorer-${Date.now().toString(36)}`;
  let owner: Client;

  beforeAll(async () => {
    owner = await demoClient('instructor');
    expect((await owner.post('/instructor/challenges', await bundle(slug))).status).toBe(202);
    const published = await waitUntil(
      async () => {
        const v = await owner.get(`/instructor/challenges/${slug}/versions/1`);
        return v.body.status === 'calibrating' ? null : v.body;
      },
      90_000,
      'calibration',
    );
    expect(published.status).toBe('published');
  });

  it('keeps a held grading off the leaderboard, the profile and verification until its instructor accepts it', async () => {
    const learner = await newLearner('held');
    const sent = await learner.client.post(`/challenges/${slug}/submissions`, { pipeline: exact });
    const view = await graded(learner.client, sent.body.id);
    expect(view.correctness).toBe(100);
    expect(view.review).toMatchObject({ status: 'pending', reviewed_at: null });
    expect(view.review.grader_errors).toBeGreaterThan(1);
    expect(view.review.grader_error_rate).toBeGreaterThan(0.02);
    expect(view.result.hidden.grader_errors).toBe(view.review.grader_errors);
    expect(view.leaderboard).toBeNull();
    // The learner never sees why the grader failed on hidden cases (public cases are shown in full).
    expect(JSON.stringify({ ...view, result: view.result.hidden })).not.toContain('multiple of five');

    const board = await learner.client.get(`/challenges/${slug}/leaderboard`);
    expect(board.body.total).toBe(0);
    expect((await learner.client.get(`/users/${learner.handle}`)).body.results).toEqual([]);
    expect((await learner.client.get(`/verify/${view.verification_id}`)).status).toBe(404);

    // Another instructor cannot see or decide it.
    const stranger = await newInstructor();
    const theirs = await stranger.get('/instructor/reviews');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((r: { submission_id: string }) => r.submission_id)).not.toContain(view.id);
    expect((await stranger.post(`/instructor/reviews/${view.id}/accept`)).status).toBe(404);
    expect((await stranger.post(`/instructor/reviews/${view.id}/reject`)).status).toBe(404);

    const pending = await owner.get('/instructor/reviews');
    const held = pending.body.items.find((r: { submission_id: string }) => r.submission_id === view.id);
    expect(held).toMatchObject({
      slug,
      handle: learner.handle,
      status: 'pending',
      correctness: 100,
      grader_errors: view.review.grader_errors,
    });
    expect(held.grader_error_cases[0].reason).toMatch(/cannot score a multiple of five/);

    const accepted = await owner.post(`/instructor/reviews/${view.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reviewed_by: 'demo-instructor' });
    expect((await owner.post(`/instructor/reviews/${view.id}/accept`)).status).toBe(409);

    const ranked = await learner.client.get(`/challenges/${slug}/leaderboard`);
    expect(ranked.body.entries).toEqual([
      expect.objectContaining({ handle: learner.handle, correctness: 100 }),
    ]);
    const after = await learner.client.get(`/submissions/${view.id}`);
    expect(after.body.review.status).toBe('accepted');
    expect(after.body.leaderboard).toMatchObject({ rank: 1, displayed: true });
    expect((await learner.client.get(`/verify/${view.verification_id}`)).status).toBe(200);
    expect(
      (await owner.get('/instructor/reviews?status=accepted')).body.items.map(
        (r: { submission_id: string }) => r.submission_id,
      ),
    ).toContain(view.id);
  });

  it('leaves a rejected grading unranked, and says so to its learner', async () => {
    const learner = await newLearner('rejected');
    const sent = await learner.client.post(`/challenges/${slug}/submissions`, { pipeline: exact });
    const view = await graded(learner.client, sent.body.id);
    expect(view.review.status).toBe('pending');
    const admin = await demoClient('admin');
    const rejected = await admin.post(`/instructor/reviews/${view.id}/reject`);
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewed_by: 'demo-admin' });
    const after = await learner.client.get(`/submissions/${view.id}`);
    expect(after.body.review).toMatchObject({ status: 'rejected', reviewed_at: expect.any(String) });
    const board = await learner.client.get(`/challenges/${slug}/leaderboard`);
    expect(board.body.entries.map((e: { handle: string }) => e.handle)).not.toContain(learner.handle);
  });
});
