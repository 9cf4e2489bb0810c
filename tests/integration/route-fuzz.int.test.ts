import { jest } from '@jest/globals';
import { type Client, demoClient, newLearner } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(300_000);

/**
 * Every route of the OpenAPI document, called as a learner, an instructor and an admin with path
 * parameters, query parameters and bodies no client would send: out-of-range and malformed numbers,
 * odd ids, deep JSON. A user's mistake is a 4xx with a code, never a 5xx.
 */
const ODD_VALUES = ['99999999999', '-1', '1e309', 'NaN', '0x10', '%00', '..%2f..', 'a'.repeat(300), "'; --"];
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

interface Operation {
  method: string;
  path: string;
  query: string[];
}

async function operations(url: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${url}/api/docs/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

function fill(path: string, value: string): string {
  return path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, encodeURIComponent(value));
}

describe('route fuzzing', () => {
  // A deployment of its own whose rate limits do not stop the fuzzing before the handlers.
  const d = new Deployment();
  beforeAll(() => d.start('fuzz', { REPS_WRITES_PER_MINUTE: '100000', REPS_RUNS_PER_MINUTE: '100000' }));
  afterAll(() => d.stop());

  it('answers odd path, query and body values on every route without a 5xx', async () => {
    const ops = (await operations(d.url)).filter(
      (op) => !/\/auth\/(logout|login|register)|\/events$/.test(op.path),
    );
    expect(ops.length).toBeGreaterThan(30);
    const callers: Client[] = [
      (await newLearner('fuzz', d.url)).client,
      await demoClient('instructor', d.url),
      await demoClient('admin', d.url),
    ];
    const failures: string[] = [];
    let limited = 0;
    let total = 0;
    for (const op of ops) {
      for (const caller of callers) {
        for (const value of ODD_VALUES) {
          const query = op.query.map((q) => `${q}=${encodeURIComponent(value)}`).join('&');
          const path = `${fill(op.path, value)}${query ? `?${query}` : ''}`;
          const body =
            op.method === 'GET' || op.method === 'DELETE' ? undefined : { value, n: Number(value) };
          const reply = await caller.request(op.method, path, body);
          total++;
          if (reply.status === 429) limited++;
          if (reply.status >= 500) failures.push(`${op.method} ${path} → ${reply.status}`);
        }
        if (op.method !== 'GET' && op.method !== 'DELETE') {
          const res = await fetch(`${d.url}/api${fill(op.path, 'x')}`, {
            method: op.method,
            headers: {
              'content-type': 'application/json',
              ...(caller.cookie ? { cookie: caller.cookie } : {}),
            },
            body: `{"a": ${DEEP}}`,
          });
          if (res.status >= 500) failures.push(`${op.method} ${op.path} (deep body) → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The handlers were reached, not a rate limit.
    expect(limited / total).toBeLessThan(0.05);
  });
});
