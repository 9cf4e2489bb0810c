import { jest } from '@jest/globals';
import { Client, demoClient, newLearner } from '../support/client.js';
import { apiUrl, waitUntil } from '../support/stack.js';

jest.setTimeout(120_000);

/**
 * Bad input is a 400 with a code, never a 500: out-of-range numbers on every route that takes a
 * version, and JSON bodies nested deep enough to overflow a recursive validator.
 */
describe('bad input on the real stack', () => {
  let learner: Client;
  let instructor: Client;
  beforeAll(async () => {
    learner = (await newLearner('bad-input')).client;
    instructor = await demoClient('instructor');
  });

  const versionRoutes = [
    (v: string) => `/challenges/echo-sum?version=${v}`,
    (v: string) => `/challenges/echo-sum/leaderboard?version=${v}`,
    (v: string) => `/me/skills/anything?version=${v}`,
    (v: string) => `/instructor/challenges/echo-sum/versions/${v}`,
  ];

  it.each(['99999999999', '1e300', '-1', '0', '1.5', 'NaN', 'abc'])(
    'answers version=%s with 400 validation_failed on every version route',
    async (value) => {
      for (const route of versionRoutes) {
        const client = route('1').startsWith('/instructor') ? instructor : learner;
        const reply = await client.get(route(value));
        expect({ route: route(value), status: reply.status }).toEqual({ route: route(value), status: 400 });
        expect(reply.body.error.code).toBe('validation_failed');
      }
    },
  );

  it('refuses a deeply nested JSON body with 400 before anything parses it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const path of ['/verify', '/challenges/echo-sum/runs']) {
      const res = await fetch(`${apiUrl()}/api${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(learner.cookie ? { cookie: learner.cookie } : {}),
        },
        body: `{"record": ${deep}, "signature": "x", "pipeline": ${deep}}`,
      });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/deeper than 64 levels/);
    }
    // The API is still answering.
    expect((await learner.get('/challenges/echo-sum')).status).toBe(200);
  });

  it('refuses a NUL character in a URL or a JSON body with 400, anonymous or signed in', async () => {
    const anonymous = new Client();
    for (const [client, path] of [
      [anonymous, '/challenges?q=%00'],
      [learner, '/me/submissions?slug=a%00b'],
    ] as const) {
      const reply = await client.get(path);
      expect({ path, status: reply.status, code: reply.body.error?.code }).toEqual({
        path,
        status: 400,
        code: 'validation_failed',
      });
    }
    const bodies: [Client, string, unknown][] = [
      [anonymous, '/auth/login', { login: 'a\u0000b', password: 'x' }],
      [
        anonymous,
        '/auth/register',
        { email: 'n@example.test', handle: 'nul', password: 'a long password', displayName: 'x\u0000' },
      ],
      [learner, '/challenges/echo-sum/runs', { pipeline: '# \u0000\nname: t' }],
      [learner, '/me/tokens', { name: 'x\u0000' }],
    ];
    for (const [client, path, body] of bodies) {
      const reply = await client.post(path, body);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(reply.body.error.message).toMatch(/NUL character/);
    }
    // A backslash before u0000 that is itself escaped is text, not NUL.
    expect((await anonymous.get('/challenges?q=%5Cu0000')).status).toBe(200);
    expect((await anonymous.post('/auth/login', { login: 'a\\u0000b', password: 'x' })).status).toBe(401);
  });

  it('refuses a body over 600 KiB with 413 on every route but an upload', async () => {
    const reply = await learner.post('/challenges/echo-sum/runs', {
      pipeline: `# ${'x'.repeat(700 * 1024)}`,
    });
    expect(reply.status).toBe(413);
    const upload = await instructor.post('/instructor/challenges', {
      manifest: `# ${'x'.repeat(700 * 1024)}`,
    });
    expect(upload.status).toBe(400); // parsed, then refused as a bundle, not as a size
  });

  it('stores a result whose output holds a NUL or a lone surrogate (as U+FFFD), instead of failing every attempt', async () => {
    const pipeline =
      'name: nul\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: 0, note: String.fromCharCode(0), [String.fromCharCode(0xd800)]: String.fromCharCode(0xdc00) })"\n';
    const started = await learner.post('/challenges/echo-sum/runs', { pipeline, wait_ms: 30_000 });
    const run = await waitUntil(
      async () => {
        const reply =
          started.status === 200
            ? started
            : await learner.get(`/runs/${(started.body.run ?? started.body).id}`);
        const view = reply.body.run ?? reply.body;
        return ['done', 'failed', 'error'].includes(view.status) ? view : null;
      },
      60_000,
      'the practice run',
    );
    expect(run.status).toBe('done');
    const output = JSON.stringify(run.result.case_results[0].output);
    expect(output).toContain('\uFFFD');
    expect(output).not.toMatch(/\\u0000|\\ud[89a-f]/i);
  });

  it('parses only UTF-8 JSON, uncompressed: other body types, charsets and encodings never reach a handler unchecked', async () => {
    const raw = (path: string, headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer>) =>
      fetch(`${apiUrl()}/api${path}`, { method: 'POST', headers, body });
    // A form body is not parsed at all: the handler sees no body (400), never a NUL (was 500).
    const form = await raw(
      '/auth/login',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'login=a%00b&password=x',
    );
    expect(form.status).toBe(400);
    // In UTF-7, +AFw- is a backslash: a byte scan for \u0000 would miss it.
    const utf7 = await raw(
      '/auth/login',
      { 'content-type': 'application/json; charset=utf-7' },
      '{"login":"a+AFw-u0000b","password":"x"}',
    );
    expect(utf7.status).toBe(415);
    const { gzipSync } = await import('node:zlib');
    const gzip = await raw(
      '/verify',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(JSON.stringify({ record: { a: 'x'.repeat(1_000_000) }, signature: 'x' })),
    );
    expect(gzip.status).toBe(415);
    const surrogate = await raw(
      '/auth/login',
      { 'content-type': 'application/json' },
      '{"login":"a\\ud800b","password":"x"}',
    );
    expect(surrogate.status).toBe(400);
    expect(((await surrogate.json()) as { error: { message: string } }).error.message).toMatch(
      /lone UTF-16 surrogate/,
    );
    // A surrogate pair is text.
    const pair = await raw(
      '/auth/login',
      { 'content-type': 'application/json' },
      '{"login":"a\\ud83d\\ude00b","password":"x"}',
    );
    expect(pair.status).toBe(401);
  });

  it('reads a 2 MiB upload only from an instructor: anonymous and learner callers are refused before it is read', async () => {
    const body = JSON.stringify({ manifest: 'x'.repeat(1_900_000) });
    const anonymous = await fetch(`${apiUrl()}/api/instructor/challenges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(401);
    expect(
      (await learner.request('POST', '/instructor/challenges', { manifest: 'x'.repeat(1_900_000) })).status,
    ).toBe(403);
    // An instructor's oversized bundle is refused by its size.
    expect(
      (await instructor.post('/instructor/challenges', { manifest: 'x'.repeat(2_200_000) })).status,
    ).toBe(413);
    expect(
      (await instructor.post('/instructor/challenges', { manifest: 'x'.repeat(1_900_000) })).status,
    ).toBe(400);
  });

  it('reads search terms and filters literally: no wildcard, no array, no year 0, no endless slug', async () => {
    // `%` is a character to look for, not "anything": no title, summary or domain holds one.
    const wild = await learner.get('/challenges?q=%25');
    expect(wild.status).toBe(200);
    expect(wild.body.items).toEqual([]);
    expect((await learner.get('/challenges?q=_')).body.items).toEqual([]);
    // One slug or none: an array or an object is refused, not silently ignored.
    for (const query of ['slug[a]=1', 'slug[$ne]=x', 'slug=echo-sum&slug=x', 'slug=NOT%20A%20SLUG']) {
      const reply = await learner.get(`/me/submissions?${query}`);
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
    }
    expect((await learner.get('/me/submissions?slug=echo-sum')).status).toBe(200);
    // A cursor in year 0 is a date to JavaScript, not to Postgres: refused as a cursor.
    const year0 = Buffer.from('0000-01-01T00:00:00.000000Z|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    );
    const cursor = await learner.get(`/me/attempts?slug=echo-sum&cursor=${year0}`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('validation_failed');
    // A slug too long to be one is refused without being echoed back.
    const long = await learner.get(`/challenges/${'a'.repeat(5000)}`);
    expect([400, 404]).toContain(long.status);
    expect(JSON.stringify(long.body).length).toBeLessThan(1000);
  });

  it('still takes an ordinary version number', async () => {
    expect((await learner.get('/challenges/echo-sum?version=1')).status).toBe(200);
  });
});
