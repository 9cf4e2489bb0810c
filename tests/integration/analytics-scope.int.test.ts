import { jest } from '@jest/globals';
import { Client, demoClient, graded, newInstructor, newLearner } from '../support/client.js';

jest.setTimeout(240_000);

// echo-sum is a published catalogue challenge in the test stack that nobody authored.
const slug = 'echo-sum';
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
const offByOne =
  'name: off\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 1) })"\n';

describe('analytics of a published challenge, scoped to who reads them', () => {
  it("give an instructor only their cohorts' learners, an admin everyone, a learner 403, an instructor without cohorts an empty scope", async () => {
    const inCohort = await newLearner('scoped-in');
    const outside = await newLearner('scoped-out');
    const teacher = await newInstructor();
    const cohort = await teacher.post('/cohorts', { name: 'Scoped analytics' });
    expect(cohort.status).toBe(201);
    expect((await inCohort.client.post('/cohorts/join', { code: cohort.body.join_code })).status).toBe(200);

    // The cohort's learner fails once then passes; the outsider passes at once.
    const ids: [Client, string][] = [];
    for (const [who, pipeline] of [
      [inCohort.client, offByOne],
      [inCohort.client, exact],
      [outside.client, exact],
    ] as const) {
      const res = await who.post(`/challenges/${slug}/submissions`, { pipeline });
      expect(res.status).toBe(202);
      ids.push([who, res.body.id]);
    }
    for (const [who, id] of ids) await graded(who, id, 150_000);

    const mine = await teacher.get(`/instructor/challenges/${slug}/analytics`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      slug,
      scope: 'cohorts',
      scope_learners: 1,
      scope_cohorts: 1,
      learners: 1,
      submissions: 2,
      passed: 1,
      attempts_to_pass: { median: 2, distribution: [{ attempts: 2, learners: 1 }] },
    });
    expect(mine.body.title).toEqual(expect.any(String));
    expect(mine.body.versions).toContain(mine.body.version);
    expect(mine.body.cost_vs_correctness.map((p: { handle: string }) => p.handle)).toEqual([inCohort.handle]);
    expect(mine.body.score_distribution[9].learners).toBe(1);
    expect(
      mine.body.score_distribution.reduce((n: number, b: { learners: number }) => n + b.learners, 0),
    ).toBe(1);
    // Nobody outside the scope is named anywhere in the answer.
    expect(JSON.stringify(mine.body)).not.toContain(outside.handle);

    const admin = await demoClient('admin');
    const all = await admin.get(`/instructor/challenges/${slug}/analytics`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ scope: 'all', scope_cohorts: null });
    const handles = all.body.cost_vs_correctness.map((p: { handle: string }) => p.handle);
    expect(handles).toEqual(expect.arrayContaining([inCohort.handle, outside.handle]));
    expect(all.body.learners).toBeGreaterThanOrEqual(2);
    expect(all.body.scope_learners).toBeGreaterThanOrEqual(all.body.learners);

    const refused = await inCohort.client.get(`/instructor/challenges/${slug}/analytics`);
    expect(refused.status).toBe(403);

    // An instructor who runs no cohort: a valid, empty scope.
    const lonely = await newInstructor();
    const empty = await lonely.get(`/instructor/challenges/${slug}/analytics`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      scope: 'cohorts',
      scope_learners: 0,
      scope_cohorts: 0,
      learners: 0,
      submissions: 0,
      passed: 0,
      cost_vs_correctness: [],
      failure_categories: [],
      attempts_to_pass: { median: null, mean: null, distribution: [] },
    });
    expect(empty.body.score_distribution.every((b: { learners: number }) => b.learners === 0)).toBe(true);

    // A cohort with a member but no submission counts the member in scope, and nothing else.
    const idle = await newLearner('scoped-idle');
    const second = await lonely.post('/cohorts', { name: 'Idle cohort' });
    await idle.client.post('/cohorts/join', { code: second.body.join_code });
    expect((await lonely.get(`/instructor/challenges/${slug}/analytics`)).body).toMatchObject({
      scope_learners: 1,
      scope_cohorts: 1,
      learners: 0,
    });

    // Unknown challenges stay 404, whoever asks.
    expect((await teacher.get('/instructor/challenges/no-such-challenge/analytics')).status).toBe(404);
  });
});
