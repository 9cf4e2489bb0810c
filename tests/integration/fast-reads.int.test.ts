import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Client, graded, newLearner } from '../support/client.js';
import { apiUrl, repoRoot } from '../support/stack.js';

jest.setTimeout(180_000);

const slug = 'pii-redaction';

function conditionalGet(path: string, etag: string): Promise<{ status: number; length: number }> {
  return new Promise((resolve, reject) => {
    get(`${apiUrl()}/api${path}`, { headers: { 'if-none-match': etag } }, (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, length }));
    }).on('error', reject);
  });
}

describe('public reads', () => {
  it('carry an ETag and Cache-Control, and answer a matching If-None-Match with 304', async () => {
    const anonymous = new Client();
    const { client: learner } = await newLearner('etag');
    for (const path of [
      '/challenges',
      `/challenges/${slug}`,
      `/challenges/${slug}/leaderboard`,
      '/leaderboards/ratings',
    ]) {
      const first = await anonymous.get(path);
      expect({ path, status: first.status }).toEqual({ path, status: 200 });
      expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      // As a browser revalidates (fetch() would add Cache-Control: no-cache to a conditional request).
      const again = await conditionalGet(path, etag as string);
      expect({ path, status: again.status, length: again.length }).toEqual({ path, status: 304, length: 0 });

      const mine = await learner.get(path);
      expect(mine.headers.get('cache-control')).toBe('private, no-cache');
      expect(mine.headers.get('vary')).toMatch(/Cookie/);
    }
  });

  it("show a learner's grade on the board and their card as soon as it is recorded", async () => {
    const { client, handle } = await newLearner('fresh-board');
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    const submitted = await client.post(`/challenges/${slug}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    // Keep the boards and the catalogue cached while the grading runs.
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await new Client().get(`/challenges/${slug}/leaderboard?limit=100`);
        await new Client().get('/challenges');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await graded(client, submitted.body.id, 150_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const board = await new Client().get(`/challenges/${slug}/leaderboard?limit=100`);
      expect(board.body.entries.map((e: { handle: string }) => e.handle)).toContain(handle);
      const cards = await client.get('/challenges');
      const card = cards.body.items.find((c: { slug: string }) => c.slug === slug);
      expect(card.best?.submission_id).toBe(submitted.body.id);
      // Another learner's catalogue shows no best of theirs.
      const other = (await newLearner('no-best')).client;
      const theirs = (await other.get('/challenges')).body.items.find(
        (c: { slug: string }) => c.slug === slug,
      );
      expect(theirs.best).toBeNull();
    } finally {
      polling = false;
      await poller;
    }
  });
});

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request as sent, its answer as received: status, every header, the body's bytes. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    request(`${apiUrl()}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** The headers that are the same for the same answer (the date and the request id are per request). */
function lasting(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date, 'x-request-id': _id, connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

/** A value of this process-wide metric on the stack's /metrics (0 when absent). */
async function metric(name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${apiUrl()}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

const fastHits = () => metric('reps_fast_reads_total', '{result="hit"}');
let unique = 0;

describe('the fast path for anonymous reads', () => {
  // Each URL is new to this run (an unused search, offset or parameter order), so its first
  // answer comes from the normal path and fills the entry the second is served from.
  const fresh = () => `${Date.now().toString(36)}${unique++}`;
  const routes = () => [
    `/api/challenges?q=zz${fresh()}`,
    `/api/challenges?difficulty=2&q=${fresh()}`,
    `/api/challenges/${slug}`,
    `/api/challenges/${slug}/leaderboard?limit=7&offset=${1000 + unique++}`,
    `/api/leaderboards/ratings?offset=${2000 + unique++}&period=all`,
  ];

  it('answers a repeated read with the bytes and headers the normal path sent', async () => {
    for (const path of routes()) {
      const hits = await fastHits();
      const normal = await raw(path);
      const served = await raw(path);
      expect({ path, status: normal.status }).toEqual({ path, status: 200 });
      // The detail page may have been filled by an earlier test: only its second answer is sure.
      if (!path.endsWith(slug)) expect(await fastHits()).toBe(hits + 1);
      expect(served.body.equals(normal.body)).toBe(true);
      expect(lasting(served.headers)).toEqual(lasting(normal.headers));
      expect(served.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(served.headers['x-request-id']).not.toBe(normal.headers['x-request-id']);
      expect(served.headers.date).toBeTruthy();
    }
  });

  it('serves the same entry for the same parameters in another order, and echoes a request id', async () => {
    const offset = 3000 + unique++;
    await raw(`/api/leaderboards/ratings?period=all&offset=${offset}`);
    const hits = await fastHits();
    const reordered = await raw(`/api/leaderboards/ratings?offset=${offset}&period=all`, {
      'x-request-id': 'fast-read-42',
    });
    expect(reordered.status).toBe(200);
    expect(await fastHits()).toBe(hits + 1);
    expect(reordered.headers['x-request-id']).toBe('fast-read-42');
  });

  it('answers HEAD with the headers and no body, and a matching If-None-Match with 304', async () => {
    const path = `/api/challenges?q=head${fresh()}`;
    const normal = await raw(path);
    const hits = await fastHits();
    const head = await raw(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(lasting(head.headers)).toEqual(lasting(normal.headers));
    const etag = normal.headers.etag as string;
    const notModified = await raw(path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['cache-control']).toBe(normal.headers['cache-control']);
    expect(notModified.headers['content-type']).toBeUndefined();
    // A reload (Cache-Control: no-cache) gets the body, as from Express.
    const reload = await raw(path, { 'if-none-match': etag, 'cache-control': 'no-cache' });
    expect(reload.status).toBe(200);
    expect(reload.body.equals(normal.body)).toBe(true);
    expect(await fastHits()).toBe(hits + 3);
  });

  it('never answers a request with credentials from an anonymous entry', async () => {
    const path = `/challenges?q=cred${fresh()}`;
    await raw(`/api${path}`);
    await raw(`/api${path}`);
    const { client } = await newLearner('fast-cookie');
    const tokenReply = await client.post('/me/tokens', { name: 'fast reads' });
    expect(tokenReply.status).toBe(201);
    const hits = await fastHits();
    const signedIn = await client.get(path);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
    const bearer = await raw(`/api${path}`, { authorization: `Bearer ${tokenReply.body.token}` });
    expect(bearer.headers['cache-control']).toBe('private, no-cache');
    // Any cookie at all, even one that signs no one in, goes the normal way (which answers publicly).
    const other = await raw(`/api${path}`, { cookie: 'theme=dark' });
    expect(other.status).toBe(200);
    // A bad token is refused, as before, not answered from the entry.
    const bad = await raw(`/api${path}`, { authorization: 'Bearer reps_not-a-real-token' });
    expect(bad.status).toBe(401);
    expect(await fastHits()).toBe(hits);
  });

  it('keeps no entry for a parameter a route does not take, a repeated one or an error', async () => {
    for (const path of [
      `/api/challenges?nonsense=${fresh()}`,
      `/api/challenges?q=a&q=${fresh()}`,
      `/api/challenges/no-such-${fresh()}`,
      `/api/challenges/${slug}/leaderboard?limit=900&offset=${unique++}`,
    ]) {
      const first = await raw(path);
      const hits = await fastHits();
      const second = await raw(path);
      expect({ path, status: second.status }).toEqual({ path, status: first.status });
      expect(first.status).toBeGreaterThanOrEqual(400);
      expect(await fastHits()).toBe(hits);
    }
  });

  // Which entries survive a flood is checked in fast-reads.test.ts, where time stands still (here
  // a busy machine can take longer than an entry's 2 s to send the flood).
  it('stays bounded under a flood of distinct URLs', async () => {
    const flood = Array.from({ length: 260 }, () => `/api/leaderboards/ratings?offset=${10_000 + unique++}`);
    for (let i = 0; i < flood.length; i += 20) await Promise.all(flood.slice(i, i + 20).map((p) => raw(p)));
    expect(await metric('reps_fast_reads_total', '{result="fill"}')).toBeGreaterThanOrEqual(260);
    // 260 new entries, but probation holds 200 and little has been read twice in this file.
    expect(await metric('reps_fast_reads_kept_entries')).toBeLessThan(260);
    expect(await metric('reps_fast_reads_kept_bytes')).toBeLessThanOrEqual(32 * 2 ** 20);
  });

  it('drops the entries of a board when a grade is recorded there', async () => {
    const { client, handle } = await newLearner('fast-drop');
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    const path = `/api/challenges/${slug}/leaderboard?limit=200`;
    const submitted = await client.post(`/challenges/${slug}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    let reading = true;
    const reader = (async () => {
      while (reading) {
        await raw(path);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      await graded(client, submitted.body.id, 150_000);
      const board = JSON.parse((await raw(path)).body.toString('utf8'));
      expect(board.entries.map((e: { handle: string }) => e.handle)).toContain(handle);
    } finally {
      reading = false;
      await reader;
    }
  });
});

describe('the fast path for signed-in reads', () => {
  const signedInHits = () => metric('reps_fast_reads_total', '{result="signed_in_hit"}');
  const fresh = () => `${Date.now().toString(36)}${unique++}`;

  it("answers a learner's repeated read with what the normal path sent them, and no one else", async () => {
    const { client: ada } = await newLearner('fast-ada');
    const { client: bob } = await newLearner('fast-bob');
    const cookie = ada.cookie as string;
    // The fast path knows only sessions this process holds: a first request puts each in memory.
    await raw('/api/me', { cookie });
    await raw('/api/me', { cookie: bob.cookie as string });
    for (const path of [
      `/api/challenges?q=${fresh()}`,
      `/api/challenges/${slug}`,
      `/api/challenges/${slug}/leaderboard?limit=5&offset=${unique++}`,
      `/api/leaderboards/ratings?offset=${4000 + unique++}`,
    ]) {
      const normal = await raw(path, { cookie });
      expect({ path, status: normal.status }).toEqual({ path, status: 200 });
      expect(normal.headers['cache-control']).toBe('private, no-cache');
      const hits = await signedInHits();
      const served = await raw(path, { cookie });
      expect({ path, hits: await signedInHits() }).toEqual({ path, hits: hits + 1 });
      expect(served.body.equals(normal.body)).toBe(true);
      expect(lasting(served.headers)).toEqual(lasting(normal.headers));
      // Revalidation with the ETag the learner holds: 304 from the fast path.
      const again = await raw(path, { cookie, 'if-none-match': normal.headers.etag as string });
      expect(again.status).toBe(304);
      // Another learner's read of the same URL is theirs (the normal path, then their own entry).
      const theirs = await raw(path, { cookie: bob.cookie as string });
      expect(theirs.status).toBe(200);
      expect(await signedInHits()).toBe(hits + 2);
    }
  });

  it('shows today’s submissions at once after a submission, though the page was served from memory', async () => {
    const { client } = await newLearner('fast-today');
    const cookie = client.cookie as string;
    const path = `/api/challenges/${slug}`;
    const today = async () =>
      JSON.parse((await raw(path, { cookie })).body.toString('utf8')).submissions_today;
    await raw('/api/me', { cookie });
    expect(await today()).toBe(0);
    const hits = await signedInHits();
    expect(await today()).toBe(0);
    expect(await signedInHits()).toBe(hits + 1);
    const pipeline = readFileSync(join(repoRoot, `challenges/${slug}/baseline.pipeline.yaml`), 'utf8');
    const submitted = await client.post(`/challenges/${slug}/submissions`, { pipeline });
    expect(submitted.status).toBe(202);
    expect(await today()).toBe(1);
  });

  it('answers from the normal path, as to anyone, once the learner has logged out', async () => {
    const { client } = await newLearner('fast-logout');
    const cookie = client.cookie as string;
    const path = `/api/challenges?q=${fresh()}`;
    await raw('/api/me', { cookie });
    await raw(path, { cookie });
    const hits = await signedInHits();
    expect((await raw(path, { cookie })).headers['cache-control']).toBe('private, no-cache');
    expect(await signedInHits()).toBe(hits + 1);
    expect((await client.post('/auth/logout', {})).status).toBeLessThan(300);
    const after = await raw(path, { cookie });
    expect(after.status).toBe(200);
    expect(after.headers['cache-control']).toMatch(/^public/);
    expect(await signedInHits()).toBe(hits + 1);
    // A route that needs the learner refuses the dead session.
    expect((await raw('/api/me', { cookie })).status).toBe(401);
  });
});

describe('/api/health', () => {
  it('answers before Express as the normal path does, from a check at most a second old', async () => {
    const hits = await metric('reps_fast_reads_total', '{result="live"}');
    const fast = await raw('/api/health');
    expect(await metric('reps_fast_reads_total', '{result="live"}')).toBe(hits + 1);
    // Any cookie sends it the normal way, through Nest's controller.
    const normal = await raw('/api/health', { cookie: 'theme=dark' });
    expect(fast.status).toBe(200);
    expect(normal.status).toBe(200);
    expect(Object.keys(fast.headers).sort()).toEqual(Object.keys(normal.headers).sort());
    expect(fast.headers['content-type']).toBe(normal.headers['content-type']);
    const [a, b] = [fast, normal].map((r) => JSON.parse(r.body.toString('utf8')));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.checks.postgres.status).toBe('up');
    expect(a.checked_ms_ago).toBeLessThan(2500);
    const notModified = await raw('/api/health', { 'if-none-match': fast.headers.etag as string });
    // The same body (same uptime and age) revalidates; a later one has moved on.
    expect([200, 304]).toContain(notModified.status);
  });

  it('shares one check among concurrent callers', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, () => raw('/api/health')));
    const bodies = replies.map((r) => JSON.parse(r.body.toString('utf8')));
    const latencies = new Set(
      bodies.map((b) => `${b.checks.postgres.latency_ms}/${b.checks.redis.latency_ms}`),
    );
    expect(latencies.size).toBeLessThanOrEqual(2);
  });
});
