import { jest } from '@jest/globals';
import { Client, demoClient, newLearner } from '../support/client.js';
import { apiUrl } from '../support/stack.js';

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

  it('still takes an ordinary version number', async () => {
    expect((await learner.get('/challenges/echo-sum?version=1')).status).toBe(200);
  });
});
