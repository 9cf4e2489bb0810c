import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { Client, demoClient, newInstructor, newLearner } from '../support/client.js';
import { freePort, repoRoot, type Started, stackEnv, startEntry, waitUntil } from '../support/stack.js';

jest.setTimeout(120_000);

// Signed-in requests resolve the user from memory for a few seconds (apps/api/src/auth/session-cache.ts).
// A second API process beside the test stack's: a credential changed through one must stop working
// in the other at once, which only the pub/sub announcement can do inside the cache's TTL.
let other: Started;
let otherUrl: string;

beforeAll(async () => {
  const port = await freePort();
  other = startEntry('main', { PORT: String(port) });
  otherUrl = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${otherUrl}/api/health`)).status === 200, 60_000, 'a second API');
});

afterAll(async () => {
  other.child.kill('SIGTERM');
  await other.exited;
});

/** The same credentials, sent to the second API process. */
function inOther(client: Client): Client {
  const copy = new Client();
  copy.cookie = client.cookie;
  copy.token = client.token;
  copy.baseUrl = otherUrl;
  return copy;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signed-in reads in the second process until it holds the credential in memory (its subscription is up). */
async function warm(client: Client, path = '/me'): Promise<void> {
  for (let i = 0; i < 3; i++) {
    expect((await client.get(path)).status).toBe(200);
    await pause(150);
  }
}

describe('signed-in requests resolved from memory', () => {
  it('are trusted for a few seconds at most when a change is not announced', async () => {
    const { client } = await newLearner('cache-ttl');
    const there = inOther(client);
    await warm(there);
    // Delete the session behind the API's back, as if the announcement were lost.
    const db = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
    await db.connect();
    try {
      const me = await client.get('/me');
      await db.query('DELETE FROM sessions WHERE user_id = $1', [me.body.id]);
    } finally {
      await db.end();
    }
    const deleted = Date.now();
    // Still served from memory: the cache is in use, so the tests below test its invalidation.
    expect((await there.get('/me')).status).toBe(200);
    await waitUntil(async () => (await there.get('/me')).status === 401, 10_000, 'the session ending');
    expect(Date.now() - deleted).toBeLessThan(6000);
  });

  it('stop at once in every process after logout', async () => {
    const { client } = await newLearner('cache-logout');
    const there = inOther(client);
    await warm(there);
    const stolen = client.cookie;
    expect((await client.post('/auth/logout')).status).toBe(204);
    const replay = new Client();
    replay.cookie = stolen;
    replay.baseUrl = otherUrl;
    expect((await replay.get('/me')).status).toBe(401);
    expect((await replay.get('/challenges')).headers.get('cache-control')).toMatch(/^public/);
  });

  it('stop at once in every process when an API token is revoked', async () => {
    const { client } = await newLearner('cache-token');
    const created = await client.post('/me/tokens', { name: 'cli', expires_in_days: 30 });
    expect(created.status).toBe(201);
    const cli = new Client();
    cli.token = created.body.token;
    cli.baseUrl = otherUrl;
    await warm(cli);
    expect((await client.delete(`/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await cli.get('/me')).status).toBe(401);
  });

  it("end the user's other sessions at once in every process on a password change", async () => {
    const { client, handle, password } = await newLearner('cache-password');
    const laptop = new Client();
    expect((await laptop.post('/auth/login', { login: handle, password })).status).toBe(200);
    const laptopThere = inOther(laptop);
    const hereThere = inOther(client);
    await warm(laptopThere);
    await warm(hereThere);
    const changed = await client.post('/me/password', {
      currentPassword: password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await laptopThere.get('/me')).status).toBe(401);
    // The session that asked keeps working, there too.
    expect((await hereThere.get('/me')).status).toBe(200);
  });

  it('apply a role change at once in every process', async () => {
    const instructor = await newInstructor();
    const there = inOther(instructor);
    await warm(there, '/instructor/challenges');
    const admin = await demoClient('admin');
    const me = await instructor.get('/me');
    const demoted = await admin.request('PATCH', `/admin/users/${me.body.id}/role`, { role: 'learner' });
    expect(demoted.status).toBe(200);
    expect((await there.get('/instructor/challenges')).status).toBe(403);
  });
});

describe("a learner's count of today's submissions, kept in memory", () => {
  it('counts a submission sent through another process at once', async () => {
    const slug = 'pii-redaction';
    const { client } = await newLearner('cache-today');
    const there = inOther(client);
    for (let i = 0; i < 3; i++) {
      expect((await there.get(`/challenges/${slug}`)).body.submissions_today).toBe(0);
      await pause(150);
    }
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    expect((await client.post(`/challenges/${slug}/submissions`, { pipeline })).status).toBe(202);
    expect((await there.get(`/challenges/${slug}`)).body.submissions_today).toBe(1);
    expect((await client.get(`/challenges/${slug}`)).body.submissions_today).toBe(1);
  });
});
