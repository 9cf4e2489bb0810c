import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '@reps/engine';
import { Client, demoClient, newInstructor, newLearner } from '../support/client.js';
import { EXACT_SUM } from '../support/echo-sum-pipelines.js';
import { apiUrl, repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(120_000);

const pipeline = EXACT_SUM;

type Who = 'anonymous' | 'owner' | 'other' | 'instructor' | 'admin';
const WHO: Who[] = ['anonymous', 'owner', 'other', 'instructor', 'admin'];

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/submissions/{id} */
  route: string;
  /** The concrete path for a caller (ids filled in). */
  path: (who: Who) => string;
  body?: (who: Who) => unknown;
  expect: Record<Who, number>;
}

describe('the authorization matrix: every route × anonymous, owner, another learner, instructor, admin', () => {
  const clients = {} as Record<Who, Client>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clients.anonymous = new Client();
    clients.owner = (await newLearner('owner')).client;
    clients.other = (await newLearner('other')).client;
    clients.instructor = await demoClient('instructor');
    clients.admin = await demoClient('admin');
    const submission = await clients.owner.post('/challenges/echo-sum/submissions', { pipeline });
    ids.submission = submission.body.id;
    await waitUntil(
      async () => (await clients.owner.get(`/submissions/${ids.submission}`)).body.status === 'graded',
      60_000,
      'grading',
    );
    const view = await clients.owner.get(`/submissions/${ids.submission}`);
    ids.verification = view.body.verification_id;
    ids.run = (await clients.owner.post('/challenges/echo-sum/runs', { pipeline })).body.id;
    const cohort = await clients.instructor.post('/cohorts', { name: 'Matrix cohort' });
    ids.cohort = cohort.body.id;
    ids.code = cohort.body.join_code;
    await clients.owner.post('/cohorts/join', { code: ids.code });
    for (const who of WHO) {
      if (who === 'anonymous') continue;
      const token = await clients[who].post('/me/tokens', { name: 'matrix' });
      ids[`token-${who}`] = token.body.id;
    }
    ids.otherUser = (await clients.other.get('/me')).body.id;
    ids.ownerHandle = (await clients.owner.get('/me')).body.handle;
  });

  // Status each caller gets. 401: not signed in; 403: signed in without the role; 404: exists but
  // not yours (we do not reveal that it exists).
  const same = (status: number, anonymous = 401): Record<Who, number> => ({
    anonymous,
    owner: status,
    other: status,
    instructor: status,
    admin: status,
  });
  const rows: Row[] = [
    { method: 'GET', route: '/api/health', path: () => '/health', expect: same(200, 200) },
    { method: 'GET', route: '/api/me', path: () => '/me', expect: same(200) },
    {
      method: 'POST',
      route: '/api/me/password',
      path: () => '/me/password',
      body: () => ({ currentPassword: 'wrong', newPassword: 'whatever is long' }),
      expect: same(400),
    },
    { method: 'GET', route: '/api/me/tokens', path: () => '/me/tokens', expect: same(200) },
    {
      method: 'POST',
      route: '/api/me/tokens',
      path: () => '/me/tokens',
      body: () => ({ name: 'matrix 2' }),
      expect: same(201),
    },
    {
      method: 'DELETE',
      route: '/api/me/tokens/{id}',
      path: () => `/me/tokens/${ids['token-owner']}`,
      expect: { anonymous: 401, owner: 204, other: 404, instructor: 404, admin: 404 },
    },
    {
      method: 'POST',
      route: '/api/auth/register',
      path: () => '/auth/register',
      body: () => ({}),
      expect: same(400, 400),
    },
    {
      method: 'POST',
      route: '/api/auth/login',
      path: () => '/auth/login',
      body: () => ({}),
      expect: same(400, 400),
    },
    { method: 'POST', route: '/api/auth/logout', path: () => '/auth/logout', expect: same(204, 204) },
    { method: 'GET', route: '/api/challenges', path: () => '/challenges', expect: same(200, 200) },
    {
      method: 'GET',
      route: '/api/challenges/{slug}',
      path: () => '/challenges/echo-sum',
      expect: same(200, 200),
    },
    {
      method: 'GET',
      route: '/api/challenges/{slug}/leaderboard',
      path: () => '/challenges/echo-sum/leaderboard',
      expect: same(200, 200),
    },
    {
      method: 'POST',
      route: '/api/challenges/{slug}/runs',
      path: () => '/challenges/echo-sum/runs',
      body: () => ({ pipeline: 'nope: [' }),
      expect: same(422),
    },
    {
      method: 'GET',
      route: '/api/challenges/{slug}/solutions',
      path: () => '/challenges/echo-sum/solutions',
      // The owner passed echo-sum; another learner has not (not_passed); admins read solutions regardless,
      // an instructor only on a challenge they wrote (the demo instructor did not write echo-sum).
      expect: { anonymous: 401, owner: 200, other: 403, instructor: 403, admin: 200 },
    },
    {
      method: 'POST',
      route: '/api/challenges/{slug}/solutions/open',
      path: () => '/challenges/echo-sum/solutions/open',
      // Opening freezes a learner's place: only one who passed may (an instructor on another author's
      // challenge is a learner there); admins read them without opening.
      expect: { anonymous: 401, owner: 200, other: 403, instructor: 403, admin: 200 },
    },
    {
      method: 'POST',
      route: '/api/challenges/{slug}/solutions/share',
      path: () => '/challenges/echo-sum/solutions/share',
      body: () => ({ submission_id: ids.submission }),
      expect: { anonymous: 401, owner: 201, other: 404, instructor: 404, admin: 404 },
    },
    {
      method: 'DELETE',
      route: '/api/challenges/{slug}/solutions/share',
      path: () => '/challenges/echo-sum/solutions/share',
      expect: { anonymous: 401, owner: 204, other: 404, instructor: 404, admin: 404 },
    },
    { method: 'GET', route: '/api/start-here', path: () => '/start-here', expect: same(200, 200) },
    {
      method: 'GET',
      route: '/api/runs/{id}',
      path: () => `/runs/${ids.run}`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 404, admin: 200 },
    },
    {
      method: 'POST',
      route: '/api/challenges/{slug}/submissions',
      path: () => '/challenges/echo-sum/submissions',
      body: () => ({ pipeline: 'nope: [' }),
      expect: same(422),
    },
    {
      method: 'GET',
      route: '/api/submissions/{id}',
      path: () => `/submissions/${ids.submission}`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/submissions/{id}/events',
      path: () => `/submissions/${ids.submission}/events`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 200, admin: 200 },
    },
    { method: 'GET', route: '/api/me/model-keys', path: () => '/me/model-keys', expect: same(200) },
    {
      method: 'PUT',
      route: '/api/me/model-keys/{provider}',
      path: () => '/me/model-keys/openai',
      body: () => ({ api_key: 'x' }),
      expect: same(400),
    },
    {
      method: 'DELETE',
      route: '/api/me/model-keys/{provider}',
      path: () => '/me/model-keys/anthropic',
      expect: same(404),
    },
    { method: 'GET', route: '/api/me/skills', path: () => '/me/skills', expect: same(200) },
    {
      method: 'POST',
      route: '/api/me/skills',
      path: () => '/me/skills',
      body: () => ({ name: 'x', source: '' }),
      expect: same(400),
    },
    {
      method: 'GET',
      route: '/api/me/skills/{name}',
      path: () => '/me/skills/nothing-here',
      expect: same(404),
    },
    { method: 'GET', route: '/api/me/submissions', path: () => '/me/submissions', expect: same(200) },
    {
      method: 'GET',
      route: '/api/me/attempts',
      path: () => '/me/attempts?slug=echo-sum',
      expect: same(200),
    },
    {
      method: 'GET',
      route: '/api/me/attempts/{kind}/{id}',
      path: () => `/me/attempts/run/${ids.run}`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 404, admin: 404 },
    },
    { method: 'GET', route: '/api/me/progress', path: () => '/me/progress', expect: same(200) },
    {
      method: 'GET',
      route: '/api/leaderboards/ratings',
      path: () => '/leaderboards/ratings',
      expect: same(200, 200),
    },
    {
      method: 'GET',
      route: '/api/users/{handle}',
      path: () => `/users/${ids.ownerHandle}`,
      expect: same(200, 200),
    },
    {
      method: 'GET',
      route: '/api/verify/{id}',
      path: () => `/verify/${ids.verification}`,
      expect: same(200, 200),
    },
    {
      method: 'POST',
      route: '/api/verify',
      path: () => '/verify',
      body: () => ({ record: {}, signature: '0'.repeat(64) }),
      expect: same(200, 200),
    },
    {
      method: 'POST',
      route: '/api/cohorts',
      path: () => '/cohorts',
      body: () => ({ name: 'Another cohort' }),
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 201, admin: 201 },
    },
    {
      method: 'POST',
      route: '/api/cohorts/join',
      path: () => '/cohorts/join',
      body: () => ({ code: 'ZZZZZZZZ' }),
      expect: same(404),
    },
    { method: 'GET', route: '/api/cohorts', path: () => '/cohorts', expect: same(200) },
    {
      method: 'GET',
      route: '/api/cohorts/{id}',
      path: () => `/cohorts/${ids.cohort}`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/cohorts/{id}/leaderboard',
      path: () => `/cohorts/${ids.cohort}/leaderboard`,
      expect: { anonymous: 401, owner: 200, other: 404, instructor: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/cohorts/{id}/learners',
      path: () => `/cohorts/${ids.cohort}/learners`,
      expect: { anonymous: 401, owner: 403, other: 404, instructor: 200, admin: 200 },
    },
    {
      method: 'POST',
      route: '/api/instructor/challenges',
      path: () => '/instructor/challenges',
      body: () => ({}),
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 400, admin: 400 },
    },
    {
      method: 'GET',
      route: '/api/instructor/challenges',
      path: () => '/instructor/challenges',
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/instructor/challenges/{slug}/versions/{version}',
      path: () => '/instructor/challenges/echo-sum/versions/1',
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 200, admin: 200 },
    },
    // echo-sum is in the public catalogue, so an instructor who is not its author is told it is not
    // theirs (403); another's unpublished challenge is 404 for them, like an unknown slug (below).
    {
      method: 'POST',
      route: '/api/instructor/challenges/{slug}/rejudge',
      path: () => '/instructor/challenges/echo-sum/rejudge',
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 403, admin: 202 },
    },
    {
      method: 'GET',
      route: '/api/instructor/challenges/{slug}/analytics',
      path: () => '/instructor/challenges/echo-sum/analytics',
      // Any instructor reads a published challenge's analytics, over the learners of their cohorts.
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/instructor/reviews',
      path: () => '/instructor/reviews',
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 200, admin: 200 },
    },
    // The submission was not held for review (and echo-sum is not the instructor's): nothing to decide.
    {
      method: 'POST',
      route: '/api/instructor/reviews/{id}/accept',
      path: () => `/instructor/reviews/${ids.submission}/accept`,
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 404, admin: 404 },
    },
    {
      method: 'POST',
      route: '/api/instructor/reviews/{id}/reject',
      path: () => `/instructor/reviews/${ids.submission}/reject`,
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 404, admin: 404 },
    },
    {
      method: 'GET',
      route: '/api/admin/users',
      path: () => '/admin/users',
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 403, admin: 200 },
    },
    {
      method: 'PATCH',
      route: '/api/admin/users/{id}/role',
      path: () => `/admin/users/${ids.otherUser}/role`,
      body: () => ({ role: 'learner' }),
      expect: { anonymous: 401, owner: 403, other: 403, instructor: 403, admin: 200 },
    },
  ];

  it('shows the queue dashboard to admins only', async () => {
    const status = async (who: Who) =>
      (await clients[who].request('GET', '/admin/queues', undefined, { accept: 'text/html' })).status;
    expect({
      anonymous: await status('anonymous'),
      owner: await status('owner'),
      instructor: await status('instructor'),
      admin: await status('admin'),
    }).toEqual({
      anonymous: 401,
      owner: 403,
      instructor: 403,
      admin: 200,
    });
    const page = await clients.admin.request('GET', '/admin/queues/api/queues', undefined, {});
    expect(JSON.stringify(page.body)).toContain('grading');
  });

  it('covers every route of the OpenAPI document', async () => {
    const doc = await (await fetch(`${apiUrl()}/api/docs/openapi.json`)).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([route, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${route}`),
    );
    const covered = new Set(rows.map((r) => `${r.method} ${r.route}`));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) {
        // Logout would end the session the other rows need: use a throwaway session for it.
        const client =
          row.route === '/api/auth/logout' && who !== 'anonymous'
            ? await demoClient('learner')
            : clients[who];
        const path = row.path(who);
        const reply =
          row.method === 'GET' && path.endsWith('/events')
            ? await sseStatus(client, path)
            : await client.request(
                row.method,
                path,
                row.body?.(who) ?? (row.method === 'GET' || row.method === 'DELETE' ? undefined : {}),
              );
        got[who] = reply.status;
      }
      expect(got).toEqual(row.expect);
    });
  }
});

describe("an instructor's reach is their own cohorts and their own drafts", () => {
  it('sees a submission only when its author is in a cohort they run; admins see all', async () => {
    const instructor = await demoClient('instructor');
    const admin = await demoClient('admin');
    const stranger = await newLearner('not-in-cohort');
    const sent = await stranger.client.post('/challenges/echo-sum/submissions', { pipeline });
    expect(sent.status).toBe(202);
    expect((await instructor.get(`/submissions/${sent.body.id}`)).status).toBe(404);
    expect((await admin.get(`/submissions/${sent.body.id}`)).status).toBe(200);
    const cohort = await instructor.post('/cohorts', { name: 'Reach cohort' });
    await stranger.client.post('/cohorts/join', { code: cohort.body.join_code });
    expect((await instructor.get(`/submissions/${sent.body.id}`)).status).toBe(200);
    // Running a cohort is what counts, not the role: another instructor still sees nothing.
    expect((await (await newInstructor()).get(`/submissions/${sent.body.id}`)).status).toBe(404);
  });

  it("does not show another instructor's unpublished version; published ones stay readable", async () => {
    const author = await newInstructor();
    const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');
    const challenge = await loadChallenge(fixture);
    const slug = `reach-${Date.now().toString(36)}`;
    const wrong = pipeline.replace('0)', '1)');
    const uploaded = await author.post('/instructor/challenges', {
      format: 'reps-challenge-bundle@1',
      manifest: readFileSync(join(fixture, 'challenge.yaml'), 'utf8').replace(/^slug: .*$/m, `slug: ${slug}`),
      brief: challenge.brief,
      generator_script: challenge.generatorScript,
      reference_pipeline: wrong,
      baseline_pipeline: wrong,
    });
    expect(uploaded.status).toBe(202);
    const path = `/instructor/challenges/${slug}/versions/1`;
    // Its reference misses every case: calibration rejects it, so it is never published.
    await waitUntil(async () => (await author.get(path)).body.status === 'rejected', 60_000, 'rejection');
    const instructor = await demoClient('instructor');
    expect((await instructor.get(path)).status).toBe(404);
    expect((await (await demoClient('admin')).get(path)).status).toBe(200);
    expect((await author.get('/instructor/challenges/echo-sum/versions/1')).status).toBe(200);

    // Analytics and rejudge answer another instructor as if the slug did not exist.
    const unknown = `nothing-${Date.now().toString(36)}`;
    for (const [name, ask] of [
      ['analytics', (s: string) => instructor.get(`/instructor/challenges/${s}/analytics`)],
      ['rejudge', (s: string) => instructor.post(`/instructor/challenges/${s}/rejudge`)],
    ] as const) {
      const draft = await ask(slug);
      const none = await ask(unknown);
      // The same answer but for the slug named (and the request id).
      const error = { ...none.body.error, message: none.body.error.message.replace(unknown, slug) };
      expect([name, draft.status, { ...draft.body.error, requestId: 0 }]).toEqual([
        name,
        none.status,
        { ...error, requestId: 0 },
      ]);
      expect(draft.status).toBe(404);
    }
    // The author still reaches them (nothing is published yet to analyse).
    const own = await author.get(`/instructor/challenges/${slug}/analytics`);
    expect(own.status).toBe(404);
    expect(own.body.error.message).toMatch(/has no such version/);
  });
});

/** The status of an event stream, without waiting for it to end. */
async function sseStatus(client: Client, path: string): Promise<{ status: number }> {
  const controller = new AbortController();
  const res = await fetch(`${apiUrl()}/api${path}`, {
    headers: { accept: 'text/event-stream', ...(client.cookie ? { cookie: client.cookie } : {}) },
    signal: controller.signal,
  });
  controller.abort();
  return { status: res.status };
}
