import { jest } from '@jest/globals';
import { type Client, demoClient, newLearner } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(300_000);

/**
 * Every route of the OpenAPI document, called as a learner, an instructor and an admin with path
 * parameters, query parameters and bodies no client would send: out-of-range and malformed numbers,
 * odd ids, deep JSON. A user's mistake is a 4xx with a code, never a 5xx.
 */
const ODD_VALUES = [
  '99999999999',
  '-1',
  '1e309',
  'NaN',
  '0x10',
  '%00',
  'a\u0000b',
  '..%2f..',
  'a'.repeat(300),
  "'; --",
];
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
};

interface Operation {
  method: string;
  path: string;
  query: string[];
  /** The JSON body the route documents, if any. */
  body?: Schema;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

let components: Record<string, Schema> = {};

async function operations(url: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${url}/api/docs/openapi.json`)).json()) as OpenApi;
  components = doc.components?.schemas ?? {};
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/**
 * A body of the documented shape with `text` in every string: it passes the route's validation
 * wherever a string may hold it, so the text reaches the service, the database and the logs.
 */
function sampleOf(schema: Schema | undefined, text: string, depth = 0): unknown {
  if (!schema || depth > 8) return text;
  if (schema.$ref) return sampleOf(components[schema.$ref.split('/').pop() ?? ''], text, depth + 1);
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (choice) return sampleOf(choice, text, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value, text, depth + 1)]),
    );
  if (type === 'array') return [sampleOf(schema.items, text, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return text;
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
          // A well-shaped body whose strings hold a NUL, a quote or nothing at all.
          for (const text of ['a\u0000b', "'; --", '']) {
            const shaped = await caller.request(op.method, fill(op.path, 'x'), sampleOf(op.body, text));
            total++;
            if (shaped.status === 429) limited++;
            if (shaped.status >= 500)
              failures.push(
                `${op.method} ${op.path} (shaped body ${JSON.stringify(text)}) → ${shaped.status}`,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The handlers were reached, not a rate limit.
    expect(limited / total).toBeLessThan(0.05);
  });

  it('answers a session cookie that is not valid percent-encoding as it answers no cookie', async () => {
    const reads = (await operations(d.url)).filter((op) => op.method === 'GET' && !/\/events$/.test(op.path));
    expect(reads.length).toBeGreaterThan(10);
    const differ: string[] = [];
    for (const op of reads) {
      const url = `${d.url}/api${fill(op.path, 'x')}`;
      const anonymous = await fetch(url);
      const malformed = await fetch(url, { headers: { cookie: 'reps_session=%E0%A4%A' } });
      await Promise.all([anonymous.arrayBuffer(), malformed.arrayBuffer()]);
      if (malformed.status !== anonymous.status || malformed.status >= 500)
        differ.push(`GET ${op.path}: ${malformed.status} with the cookie, ${anonymous.status} without`);
    }
    expect(differ).toEqual([]);
  });
});
