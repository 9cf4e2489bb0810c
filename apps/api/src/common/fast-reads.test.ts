import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '@reps/shared';
import { Counter, Histogram, Registry } from 'prom-client';
import { noteKeptRead, ReadCache } from '../redis/read-cache.js';
import {
  DEFAULT_LIMITS,
  type FastReadLimits,
  FastReads,
  isFresh,
  type SessionsInMemory,
  weakEtag,
} from './fast-reads.js';

function fastReads(
  cache = {
    onDrop: () => undefined,
    unchangedSince: () => true,
    generation: () => 0,
  } as unknown as ReadCache,
  limits: FastReadLimits = DEFAULT_LIMITS,
  sessions?: SessionsInMemory,
): FastReads {
  const registry = new Registry();
  return new FastReads(
    cache,
    {
      registry,
      httpDuration: new Histogram({
        name: 'd',
        help: 'd',
        labelNames: ['method', 'route', 'status'] as const,
        registers: [registry],
      }),
      fastReads: new Counter({
        name: 'c',
        help: 'c',
        labelNames: ['result'] as const,
        registers: [registry],
      }),
    },
    limits,
    undefined,
    sessions,
  );
}

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers }) as unknown as IncomingMessage;

describe('FastReads.find', () => {
  const fast = fastReads();
  const key = (url: string, headers?: Record<string, string>, method?: string) =>
    fast.find(req(url, headers, method))?.key;

  it('keys a public read by its path and its parameters sorted by name, as sent', () => {
    expect(key('/api/challenges')).toBe('/api/challenges');
    expect(key('/api/challenges?skill=extraction&q=a+b')).toBe('/api/challenges?q=a+b&skill=extraction');
    expect(key('/api/challenges?q=a%20b&skill=extraction')).toBe('/api/challenges?q=a%20b&skill=extraction');
    expect(key('/api/leaderboards/ratings?period=week&limit=5')).toBe(
      key('/api/leaderboards/ratings?limit=5&period=week'),
    );
    expect(key('/api/challenges/pii-redaction?version=2')).toBe('/api/challenges/pii-redaction?version=2');
    expect(key('/api/challenges/pii-redaction/leaderboard?offset=50', {}, 'HEAD')).toBe(
      '/api/challenges/pii-redaction/leaderboard?offset=50',
    );
  });

  it('leaves to the normal path anything it would refuse or that is not a public read', () => {
    for (const url of [
      '/api/challenges?nonsense=1', // a name the route does not take (400 there)
      '/api/challenges?q=a&q=b', // a repeated name
      '/api/challenges?q', // a pair without '='
      '/api/challenges?', // an empty query
      '/api/challenges?%71=a', // an encoded name
      '/api/challenges?q=a&&skill=extraction', // an empty pair
      '/api/challenges/pii-redaction?limit=5', // a board's parameter on the page
      '/api/challenges/', // not the route as written
      '/API/challenges',
      '/api/challenges/Pii',
      '/api/challenges/pii-redaction/submissions',
      '/api/me',
      '/api/health',
      `/api/challenges?q=${'a'.repeat(600)}`,
      '/api/challenges?q=%00',
    ])
      expect({ url, key: key(url) }).toEqual({ url, key: undefined });
  });

  it('never takes a request with credentials, a body or an unusual method', () => {
    // Without sessions in memory to ask, a session cookie is left to the normal path too.
    expect(key('/api/challenges', { cookie: 'reps_session=x' })).toBeUndefined();
    expect(key('/api/challenges', { cookie: 'theme=dark' })).toBeUndefined();
    expect(key('/api/challenges', { authorization: 'Bearer reps_x' })).toBeUndefined();
    expect(key('/api/challenges', { authorization: '' })).toBeUndefined();
    expect(key('/api/challenges', { 'content-length': '0' })).toBeUndefined();
    expect(key('/api/challenges', { 'transfer-encoding': 'chunked' })).toBeUndefined();
    expect(key('/api/challenges', { 'if-modified-since': 'Sat, 28 Nov 2026 06:00:00 GMT' })).toBeUndefined();
    for (const method of ['POST', 'OPTIONS', 'PUT', 'DELETE'])
      expect(key('/api/challenges', {}, method)).toBeUndefined();
  });
});

describe('isFresh (Express’s rule for an answer with an ETag only)', () => {
  const etag = 'W/"2a-abc"';
  it('matches the ETag weakly, in a list, or *', () => {
    expect(isFresh(req('/', { 'if-none-match': etag }), etag)).toBe(true);
    expect(isFresh(req('/', { 'if-none-match': '"2a-abc"' }), etag)).toBe(true);
    expect(isFresh(req('/', { 'if-none-match': `"x", ${etag}` }), etag)).toBe(true);
    expect(isFresh(req('/', { 'if-none-match': '*' }), etag)).toBe(true);
  });
  it('is stale without a match, without If-None-Match, or on a reload', () => {
    expect(isFresh(req('/', { 'if-none-match': 'W/"2a-abd"' }), etag)).toBe(false);
    expect(isFresh(req('/'), etag)).toBe(false);
    expect(isFresh(req('/', { 'if-none-match': etag, 'cache-control': 'no-cache' }), etag)).toBe(false);
    expect(isFresh(req('/', { 'if-none-match': etag, 'cache-control': 'max-age=0' }), etag)).toBe(true);
  });
});

describe('FastReads in front of a server', () => {
  let server: Server;
  let url: string;
  let normal = 0;
  let fast: FastReads;
  const cache = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
  // No Redis in a unit test: the cache neither subscribes nor publishes to other processes (that
  // is tested with a real Redis in tests/integration/fast-reads.int.test.ts).
  Object.assign(cache, {
    subscribe: () => undefined,
    connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
  });

  beforeAll(async () => {
    // Stands in for Express: a cached read, a public JSON answer with an ETag.
    server = createServer((req, res) => {
      normal++;
      void cache
        .get('catalogue', req.url as string, 60_000, async () => ({ url: req.url }))
        .then((value) => {
          const body = JSON.stringify(value);
          res.setHeader('Cache-Control', 'public, max-age=5');
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Content-Length', Buffer.byteLength(body));
          res.setHeader('ETag', weakEtag(Buffer.from(body)));
          res.end(body);
        });
    });
    fast = fastReads(cache, {
      probationEntries: 3,
      probationBytes: 1e6,
      protectedEntries: 2,
      protectedBytes: 1e6,
      entryBytes: 1e5,
    });
    fast.install(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const read = async (path: string) => {
    const before = normal;
    const res = await fetch(`${url}${path}`);
    await res.text();
    return normal === before ? 'fast' : 'normal';
  };

  it('keeps the entries read again through a flood of new URLs, within its bounds', async () => {
    expect(await read('/api/challenges?q=hot')).toBe('normal');
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    for (let i = 0; i < 20; i++) expect(await read(`/api/challenges?q=flood${i}`)).toBe('normal');
    expect(fast.size().entries).toBe(4); // 3 on probation, 1 protected
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    expect(await read('/api/challenges?q=flood19')).toBe('fast');
    expect(await read('/api/challenges?q=flood0')).toBe('normal');
  });

  it('drops the entries of a topic when the cache drops it', async () => {
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    await cache.changed('catalogue');
    expect(fast.size().entries).toBe(0);
    expect(await read('/api/challenges?q=hot')).toBe('normal');
  });
});

describe('FastReads under a flood', () => {
  /** A server like the one above, with its own cache and a fast path of `limits`. */
  async function serve(limits: FastReadLimits) {
    let normal = 0;
    const cache = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
    Object.assign(cache, {
      subscribe: () => undefined,
      connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
    });
    const server = createServer((req, res) => {
      normal++;
      void cache
        .get('catalogue', req.url as string, 60_000, async () => ({ url: req.url }))
        .then((value) => {
          const body = JSON.stringify(value);
          res.setHeader('Cache-Control', 'public, max-age=5');
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Content-Length', Buffer.byteLength(body));
          res.end(body);
        });
    });
    const fast = fastReads(cache, limits);
    fast.install(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const read = async (path: string) => {
      const before = normal;
      await (await fetch(`${url}${path}`)).text();
      return normal === before ? 'fast' : 'normal';
    };
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return { fast, read, close };
  }
  const limits: FastReadLimits = {
    probationEntries: 3,
    probationBytes: 1e6,
    protectedEntries: 2,
    protectedBytes: 1e6,
    entryBytes: 1e5,
    agingLookups: 1e6,
  };

  it('keeps a read everyone repeats through a flood that asks for each of its URLs twice', async () => {
    const { fast, read, close } = await serve(limits);
    expect(await read('/api/challenges?q=hot')).toBe('normal');
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    for (let i = 0; i < 20; i++) {
      expect(await read(`/api/challenges?q=flood${i}`)).toBe('normal');
      expect(await read(`/api/challenges?q=flood${i}`)).toBe('fast');
    }
    expect(fast.size().entries).toBeLessThanOrEqual(5);
    expect(await read('/api/challenges?q=hot')).toBe('fast');
    await close();
  });

  it('drops the least recently read protected entry, not the first one kept', async () => {
    const { read, close } = await serve(limits);
    for (const q of ['a', 'b']) {
      expect(await read(`/api/challenges?q=${q}`)).toBe('normal');
      expect(await read(`/api/challenges?q=${q}`)).toBe('fast');
    }
    expect(await read('/api/challenges?q=a')).toBe('fast'); // a is now the most recent
    // c, asked for more often than b, takes b's place.
    expect(await read('/api/challenges?q=c')).toBe('normal');
    for (let i = 0; i < 3; i++) expect(await read('/api/challenges?q=c')).toBe('fast');
    for (let i = 0; i < 4; i++) await read(`/api/challenges?q=other${i}`); // empties probation
    expect(await read('/api/challenges?q=a')).toBe('fast');
    expect(await read('/api/challenges?q=c')).toBe('fast');
    expect(await read('/api/challenges?q=b')).toBe('normal');
    await close();
  });

  it('lets what is asked for now displace what was popular long ago (counts halve)', async () => {
    const { read, close } = await serve({ ...limits, agingLookups: 8 });
    for (let i = 0; i < 6; i++) await read('/api/challenges?q=old'); // 6 asks
    await read('/api/challenges?q=filler');
    await read('/api/challenges?q=filler'); // protected is full: old, filler
    // Three halvings later old counts 0; new, asked for 3 times, displaces it.
    for (let i = 0; i < 24; i++) await read('/api/challenges?q=filler');
    for (let i = 0; i < 3; i++) await read('/api/challenges?q=new');
    for (let i = 0; i < 4; i++) await read(`/api/challenges?q=other${i}`);
    expect(await read('/api/challenges?q=new')).toBe('fast');
    expect(await read('/api/challenges?q=filler')).toBe('fast');
    expect(await read('/api/challenges?q=old')).toBe('normal');
    await close();
  });
});

describe('FastReads and a drop while a request runs', () => {
  it('does not keep a board read while its version was published, though it read only standings', async () => {
    const cache = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
    Object.assign(cache, {
      subscribe: () => undefined,
      connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
    });
    let normal = 0;
    let publishMeanwhile = false;
    // A board: which version is current is read outside ReadCache (ChallengeStore.ref), the page
    // through it under 'standings' only; the route's own topics add 'catalogue'.
    const server = createServer((req, res) => {
      normal++;
      if (publishMeanwhile) {
        publishMeanwhile = false;
        void cache.changed('catalogue');
      }
      void cache
        .get('standings', `board:${req.url}`, 60_000, async () => ({ url: req.url }))
        .then((value) => {
          const body = JSON.stringify(value);
          res.setHeader('Cache-Control', 'public, max-age=5');
          res.setHeader('Content-Length', Buffer.byteLength(body));
          res.end(body);
        });
    });
    fastReads(cache).install(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/challenges/pii-redaction/leaderboard`;
    const read = async () => {
      const before = normal;
      await (await fetch(url)).text();
      return normal === before ? 'fast' : 'normal';
    };
    publishMeanwhile = true;
    expect(await read()).toBe('normal');
    expect(await read()).toBe('normal'); // the answer read during the publication was not kept
    expect(await read()).toBe('fast'); // the one after it was
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('FastReads for signed-in learners', () => {
  /** Sessions held in memory: token → user; a token taken out stands for a logout or an expiry. */
  const held = new Map([
    ['tok-ada', { id: 'u-ada', role: 'learner' }],
    ['tok-bob', { id: 'u-bob', role: 'learner' }],
  ]);
  const sessions: SessionsInMemory = { sessionUserInMemory: (token) => held.get(token) };

  it('keys a signed-in read by learner and role, and leaves any other cookie or a header to the normal path', () => {
    const fast = fastReads(undefined, DEFAULT_LIMITS, sessions);
    const key = (headers: Record<string, string>, url = '/api/challenges?skill=x&q=y') =>
      fast.find(req(url, headers))?.key;
    expect(key({ cookie: 'theme=dark; reps_session=tok-ada' })).toBe(
      'u-ada\u0000learner\u0000/api/challenges?q=y&skill=x',
    );
    expect(key({ cookie: 'reps_session=tok-bob' })).toBe(
      'u-bob\u0000learner\u0000/api/challenges?q=y&skill=x',
    );
    expect(key({})).toBe('/api/challenges?q=y&skill=x');
    expect(key({ cookie: 'reps_session=tok-nobody' })).toBeUndefined();
    expect(key({ cookie: 'theme=dark' })).toBeUndefined();
    expect(key({ cookie: 'reps_session=%E0%A4%A' })).toBeUndefined();
    expect(key({ cookie: 'reps_session=tok-ada', authorization: 'Bearer reps_x' })).toBeUndefined();
    expect(key({ cookie: 'reps_session=tok-ada' }, '/api/me')).toBeUndefined();
    expect(key({ cookie: 'reps_session=tok-ada' }, '/api/challenges?nonsense=1')).toBeUndefined();
  });

  describe('in front of a server', () => {
    let server: Server;
    let url: string;
    let fast: FastReads;
    let normal = 0;
    /** Today's count per learner, kept outside ReadCache as SubmissionCounts keeps it. */
    const counts = new Map<string, { count: number }>();
    const cache = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
    Object.assign(cache, {
      subscribe: () => undefined,
      connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
    });
    /** Stands in for AuthGuard: who the normal path thinks is signed in. */
    const authenticate = (cookie: string | undefined) => {
      const token = /reps_session=([^;]+)/.exec(cookie ?? '')?.[1];
      const user = token ? held.get(token) : undefined;
      return user && { ...user, via: 'session' };
    };

    beforeAll(async () => {
      server = createServer((req, res) => {
        normal++;
        const user = authenticate(req.headers.cookie);
        Object.assign(req, { user });
        const kept = user ? (counts.get(user.id) ?? { count: 0 }) : undefined;
        if (user && kept) {
          counts.set(user.id, kept);
          noteKeptRead(Date.now() + 60_000, () => counts.get(user.id) === kept);
        }
        void Promise.all([
          cache.get('catalogue', req.url as string, 60_000, async () => ({ url: req.url })),
          user
            ? cache.getPersonal('standings', `mine:${user.id}`, 60_000, async () => ({ mine: user.id }))
            : null,
        ]).then(([page, mine]) => {
          const body = JSON.stringify({ ...page, ...mine, today: kept?.count ?? null });
          res.setHeader('Cache-Control', user ? 'private, no-cache' : 'public, max-age=5');
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Content-Length', Buffer.byteLength(body));
          res.setHeader('ETag', weakEtag(Buffer.from(body)));
          res.end(body);
        });
      });
      fast = fastReads(
        cache,
        {
          ...DEFAULT_LIMITS,
          signedIn: { ...(DEFAULT_LIMITS.signedIn as FastReadLimits), perLearnerEntries: 3 },
        },
        sessions,
      );
      fast.install(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const read = async (path: string, token?: string) => {
      const before = normal;
      const res = await fetch(`${url}${path}`, token ? { headers: { cookie: `reps_session=${token}` } } : {});
      const body = (await res.json()) as { mine?: string; today?: number | null };
      return {
        via: normal === before ? 'fast' : 'normal',
        body,
        cacheControl: res.headers.get('cache-control'),
      };
    };

    it("answers a learner's repeated read from their own entry, never another's", async () => {
      expect((await read('/api/challenges?q=s1', 'tok-ada')).via).toBe('normal');
      const again = await read('/api/challenges?q=s1', 'tok-ada');
      expect(again).toEqual({
        via: 'fast',
        body: { url: '/api/challenges?q=s1', mine: 'u-ada', today: 0 },
        cacheControl: 'private, no-cache',
      });
      const bob = await read('/api/challenges?q=s1', 'tok-bob');
      expect(bob.via).toBe('normal');
      expect(bob.body.mine).toBe('u-bob');
      const anyone = await read('/api/challenges?q=s1');
      expect(anyone.via).toBe('normal');
      expect(anyone.body.mine).toBeUndefined();
      expect((await read('/api/challenges?q=s1')).body.mine).toBeUndefined();
    });

    it('stops answering from memory the moment the session is no longer held', async () => {
      held.set('tok-eve', { id: 'u-eve', role: 'learner' });
      await read('/api/challenges?q=s2', 'tok-eve');
      expect((await read('/api/challenges?q=s2', 'tok-eve')).via).toBe('fast');
      held.delete('tok-eve'); // a logout, dropped from SessionCache
      const after = await read('/api/challenges?q=s2', 'tok-eve');
      expect(after.via).toBe('normal');
      expect(after.body.mine).toBeUndefined();
      expect(after.cacheControl).toMatch(/^public/);
    });

    it('does not keep an entry for a learner under another role', async () => {
      held.set('tok-ivy', { id: 'u-ivy', role: 'learner' });
      await read('/api/challenges?q=s3', 'tok-ivy');
      held.set('tok-ivy', { id: 'u-ivy', role: 'instructor' });
      expect((await read('/api/challenges?q=s3', 'tok-ivy')).via).toBe('normal');
    });

    it('serves nothing built from a count kept elsewhere once that count is dropped', async () => {
      await read('/api/challenges?q=s4', 'tok-ada');
      expect((await read('/api/challenges?q=s4', 'tok-ada')).via).toBe('fast');
      counts.set('u-ada', { count: 1 }); // a submission: the kept count is replaced
      const after = await read('/api/challenges?q=s4', 'tok-ada');
      expect(after).toMatchObject({ via: 'normal', body: { today: 1 } });
      expect(await read('/api/challenges?q=s4', 'tok-ada')).toMatchObject({
        via: 'fast',
        body: { today: 1 },
      });
    });

    it('keeps at most its share of entries for one learner, their most recently read first', async () => {
      await cache.changed('standings');
      held.set('tok-zed', { id: 'u-zed', role: 'learner' });
      await read('/api/challenges?q=mine', 'tok-bob');
      expect((await read('/api/challenges?q=mine', 'tok-bob')).via).toBe('fast');
      const before = fast.size().entries;
      // One learner, many URLs for the same answer (as `version=01`, `version=001` would be).
      for (let i = 0; i < 12; i++) {
        await read(`/api/challenges?q=${'0'.repeat(i)}1`, 'tok-zed');
        await read(`/api/challenges?q=${'0'.repeat(i)}1`, 'tok-zed');
        expect((await read('/api/challenges?q=1', 'tok-zed')).via).toBe('fast');
      }
      expect(fast.size().entries).toBe(before + 3);
      expect((await read('/api/challenges?q=1', 'tok-zed')).via).toBe('fast'); // read all along, kept
      expect((await read('/api/challenges?q=0001', 'tok-zed')).via).toBe('normal'); // pushed out
      expect((await read('/api/challenges?q=mine', 'tok-bob')).via).toBe('fast'); // another learner's stays
    });

    it("drops the learners' entries with their topic", async () => {
      await read('/api/challenges?q=s5', 'tok-bob');
      expect((await read('/api/challenges?q=s5', 'tok-bob')).via).toBe('fast');
      await cache.changed('standings');
      expect((await read('/api/challenges?q=s5', 'tok-bob')).via).toBe('normal');
    });
  });
});
