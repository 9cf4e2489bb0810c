import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '@reps/engine';
import { type Client, demoClient, newInstructor, newLearner } from '../support/client.js';
import { expectResponsive, healthLatencies, repoRoot, waitUntil } from '../support/stack.js';
import { sumBundle as bundle, exactSum as exact } from '../support/sum-bundle.js';

jest.setTimeout(180_000);

const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');

describe('instructors', () => {
  const slug = `uploaded-sum-${Date.now().toString(36)}`;

  it('upload a version that is calibrated on hidden cases and published, then rejudge bests on the next version', async () => {
    const instructor = await demoClient('instructor');
    const uploaded = await instructor.post('/instructor/challenges', await bundle(slug, 1));
    expect(uploaded.status).toBe(202);
    expect(uploaded.body).toMatchObject({ slug, version: 1, status: 'calibrating' });
    const published = await waitUntil(
      async () => {
        const v = await instructor.get(`/instructor/challenges/${slug}/versions/1`);
        return v.body.status === 'calibrating' ? null : v.body;
      },
      60_000,
      'calibration',
    );
    expect(published.status).toBe('published');
    expect(published.calibration).toMatchObject({ holds: true, cases: 50 });
    expect(
      published.calibration.lines.map((l: { pipeline: string; correctness: number }) => [
        l.pipeline,
        l.correctness,
      ]),
    ).toEqual([
      ['baseline', 0],
      ['reference', 100],
    ]);

    const { client: learner } = await newLearner('uploaded');
    const detail = await learner.get(`/challenges/${slug}`);
    expect(detail.body).toMatchObject({ title: 'Uploaded sum 1', version: 1 });
    const submitted = await learner.post(`/challenges/${slug}/submissions`, { pipeline: exact });
    await waitUntil(
      async () => (await learner.get(`/submissions/${submitted.body.id}`)).body.status === 'graded',
      60_000,
      'grading',
    );

    expect((await instructor.post('/instructor/challenges', await bundle(slug, 1))).status).toBe(409);
    expect((await instructor.post('/instructor/challenges', await bundle(slug, 2))).status).toBe(202);
    await waitUntil(
      async () =>
        (await instructor.get(`/instructor/challenges/${slug}/versions/2`)).body.status === 'published',
      60_000,
      'v2',
    );
    const rejudge = await instructor.post(`/instructor/challenges/${slug}/rejudge`);
    expect(rejudge.body).toEqual({ version: 2, queued: 1 });
    const v2board = await waitUntil(
      async () => {
        const board = await learner.get(`/challenges/${slug}/leaderboard`);
        return board.body.version === 2 && board.body.total === 1 ? board.body : null;
      },
      60_000,
      'the rejudged best on the v2 board',
    );
    expect(v2board.entries[0].correctness).toBe(100);
    expect((await instructor.post(`/instructor/challenges/${slug}/rejudge`)).body.queued).toBe(0);

    const analytics = await instructor.get(`/instructor/challenges/${slug}/analytics?version=1`);
    expect(analytics.body).toMatchObject({
      learners: 1,
      submissions: 1,
      passed: 1,
      attempts_to_pass: { median: 1 },
    });
    expect(analytics.body.score_distribution[9].learners).toBe(1);
  });

  it('rejects a version whose calibration does not hold, saying why', async () => {
    const instructor = await demoClient('instructor');
    const other = `uncalibrated-${Date.now().toString(36)}`;
    await instructor.post('/instructor/challenges', await bundle(other, 1, { baseline_pipeline: exact }));
    const rejected = await waitUntil(
      async () => {
        const v = await instructor.get(`/instructor/challenges/${other}/versions/1`);
        return v.body.status === 'calibrating' ? null : v.body;
      },
      60_000,
      'calibration',
    );
    expect(rejected.status).toBe('rejected');
    expect(rejected.calibration.lines[0].note).toMatch(/baseline scores 100, not below 50/);
    expect((await instructor.get(`/challenges/${other}`)).status).toBe(404);
  });

  it('accepts an upload at once and runs its generator in the worker: one that spins is rejected, saying why, without slowing the API', async () => {
    const instructor = await demoClient('instructor');
    const spinning = `spinning-gen-${Date.now().toString(36)}`;
    const challenge = await loadChallenge(fixture);
    const upload = await healthLatencies(
      instructor.post(
        '/instructor/challenges',
        await bundle(spinning, 1, {
          generator_script: `while (Date.now() >= 0) {}\n${challenge.generatorScript}`,
        }),
      ),
    );
    expect(upload.result.status).toBe(202);
    expect(upload.result.body).toMatchObject({ slug: spinning, version: 1, status: 'calibrating' });
    const calibration = await healthLatencies(
      waitUntil(
        async () => {
          const v = await instructor.get(`/instructor/challenges/${spinning}/versions/1`);
          return v.body.status === 'calibrating' ? null : v.body;
        },
        90_000,
        'the verdict on the upload',
      ),
    );
    expect(calibration.result.status).toBe('rejected');
    expect(calibration.result.calibration).toMatchObject({
      holds: false,
      cases: 0,
      lines: [],
      error: expect.stringMatching(/^The generator failed on the public cases: /),
    });
    expectResponsive([...upload.latencies, ...calibration.latencies]);
    expect((await instructor.get(`/challenges/${spinning}`)).status).toBe(404);
  });

  it('lets exactly one instructor take a new slug when uploads race, and answers a racing duplicate version 409', async () => {
    const first = await demoClient('instructor');
    const second = await newInstructor();
    const racing = `racing-${Date.now().toString(36)}`;
    const uploads: [Client, number][] = [
      [first, 1],
      [second, 1],
      [first, 2],
      [second, 2],
    ];
    const replies = await Promise.all(
      uploads.map(async ([who, version]) =>
        who.post('/instructor/challenges', await bundle(racing, version)),
      ),
    );
    const statuses = replies.map((r) => r.status);
    // 403: the slug is the other's; 409: that version exists; 429: the same instructor's other upload
    // was still being checked. Never a 5xx.
    expect(statuses.filter((s) => ![202, 403, 409, 429].includes(s))).toEqual([]);
    expect(statuses).toContain(202);
    const owners: string[] = [];
    for (const [name, who] of [
      ['first', first],
      ['second', second],
    ] as const) {
      const mine = await who.get('/instructor/challenges');
      if (mine.body.items.some((v: { slug: string }) => v.slug === racing)) owners.push(name);
    }
    expect(owners).toHaveLength(1);

    // Two admins (who may both publish any slug) racing for the same version: one stores it.
    const admin = await demoClient('admin');
    const { client: secondAdmin } = await newLearner('second-admin');
    const me = await secondAdmin.get('/me');
    expect((await admin.request('PATCH', `/admin/users/${me.body.id}/role`, { role: 'admin' })).status).toBe(
      200,
    );
    const duplicate = `racing-dup-${Date.now().toString(36)}`;
    const both = await Promise.all(
      [admin, secondAdmin].map(async (who) => who.post('/instructor/challenges', await bundle(duplicate, 1))),
    );
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
  });

  it('answers a broken manifest with every problem at its line and column', async () => {
    const instructor = await demoClient('instructor');
    const broken = (await bundle(`broken-${Date.now().toString(36)}`, 1)).manifest.replace(
      'difficulty: 1',
      'difficulty: 9\ncolour: blue',
    );
    const res = await instructor.post('/instructor/challenges', {
      ...(await bundle('x', 1)),
      manifest: broken,
    });
    expect(res.status).toBe(400);
    const problems = res.body.error.issues.map((i: { path: string; line: number }) => [i.path, i.line]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['difficulty', 7],
        ['colour', 8],
      ]),
    );
  });

  it('refuses a pipeline in the bundle that does not fit the challenge', async () => {
    const instructor = await demoClient('instructor');
    const res = await instructor.post(
      '/instructor/challenges',
      await bundle(`badref-${Date.now().toString(36)}`, 1, {
        reference_pipeline: exact.replace('input.numbers', 'nmbers'),
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toMatch(/^reference_pipeline\./);
  });
});
