import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Issue,
  type Me,
  type SignedRecord,
  type SubmissionEvent,
  type SubmissionView,
  submissionEventType,
  type VerifiedRecord,
} from '@reps/shared';

/**
 * A stand-in for the Reps API on 127.0.0.1 speaking the routes the CLI uses, with the real API's
 * shapes: error bodies `{ error: { code, message, issues? } }`, 202 on submit, server-sent events
 * as NestJS writes them (`id`, `event`, `data`), HMAC-SHA256 signed proof-of-work records.
 */
export const TEST_TOKEN = 'reps_test_0123456789abcdef';
export const TEST_SUBMISSION_ID = '3f1c2b9e-8a4d-4c1e-9f7a-1b2c3d4e5f60';
const SERVER_KEY = 'test-server-key';

export const TEST_ME: Me = {
  id: '11111111-2222-3333-4444-555555555555',
  email: 'ada@example.com',
  handle: 'ada',
  displayName: 'Ada',
  role: 'learner',
  createdAt: '2025-01-01T00:00:00.000Z',
};

/** Figures at the resolution the API sends (`coarse` in @reps/shared). */
export const TEST_RECORD: VerifiedRecord = {
  verification_id: 'vX7kQ2mP9a',
  handle: 'ada',
  challenge: 'support-ticket-routing',
  title: 'Route the morning support queue',
  version: 1,
  pipeline_hash: 'a'.repeat(64),
  correctness: 93.5,
  standard_error: 1.3,
  cost_usd: 0.042,
  latency_p50_ms: 2500,
  latency_p95_ms: 3100,
  cases: 80,
  graded_at: '2025-05-01T10:00:00.000Z',
};

/** A graded submission as the API sends it: hidden-set figures rounded, public ones exact. */
export function graded(overrides: Partial<SubmissionView> = {}): SubmissionView {
  return {
    id: TEST_SUBMISSION_ID,
    slug: 'support-ticket-routing',
    version: 1,
    status: 'graded',
    cases_done: 86,
    cases_total: 86,
    pipeline_hash: 'a'.repeat(64),
    correctness: 93.5,
    standard_error: 1.3,
    cost_usd: 0.042,
    latency_ms: { p50: 2500, p95: 3100 },
    calls_per_case: 20.5,
    tokens_per_case: { input: 1500, output: 99 },
    review: null,
    result: {
      hidden: {
        cases: 80,
        correctness: 93.5,
        standard_error: 1.3,
        cost_usd: 0.042,
        latency_ms: { p50: 2500, p95: 3100 },
        calls_per_case: 20.5,
        tokens_per_case: { input: 1500, output: 99 },
        statuses: { ok: 78, budget_exceeded: 2 },
        failures: { invalid_output: 3 },
      },
      public: {
        cases: 6,
        correctness: 100,
        cost_usd: 0.003,
        latency_ms: { p50: 2400, p95: 2600 },
        calls: 120,
        tokens: { input: 9000, output: 600 },
        statuses: { ok: 6 },
        failures: {},
        case_results: [],
      },
    },
    error: null,
    verification_id: TEST_RECORD.verification_id,
    leaderboard: { rank: 3, of: 41, displayed: true },
    created_at: '2025-05-01T09:59:00.000Z',
    graded_at: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export interface FakeApiOptions {
  /** What POST …/submissions answers. */
  submit?: 'accept' | { status: 422; issues: Issue[] } | { status: 429; message: string };
  /** The event streams, one per connection; a stream without a final status ends early. */
  streams?: SubmissionEvent[][];
  /** What GET /api/submissions/:id answers: one view per call, the last one repeated. */
  views?: SubmissionView[];
  /** GET /api/verify/:id gives a record whose signature does not match. */
  tamperedRecord?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const progress = (done: number, total = 86): SubmissionEvent => ({
  id: TEST_SUBMISSION_ID,
  status: done === 0 ? 'queued' : 'running',
  cases_done: done,
  cases_total: total,
});

/** As the API reports progress: in tenths of the hidden set (80 of the 86 cases here). */
export const DEFAULT_STREAM: SubmissionEvent[] = [
  progress(0),
  progress(24),
  progress(56),
  { ...progress(86), status: 'graded' },
];

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const streams = [...(options.streams ?? [DEFAULT_STREAM])];
  const views = [...(options.views ?? [graded()])];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({
      method: req.method ?? 'GET',
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(body === undefined ? {} : { body }),
    });
    const authed = req.headers.authorization === `Bearer ${TEST_TOKEN}`;
    const route = `${req.method} ${path}`;

    if (route === 'POST /api/verify') {
      const { record, signature } = body as { record: object; signature: string };
      return json(res, 200, { valid: sign(record) === signature });
    }
    const verify = /^GET \/api\/verify\/([\w-]+)$/.exec(route);
    if (verify) {
      if (verify[1] !== TEST_RECORD.verification_id)
        return error(res, 404, 'not_found', 'No graded submission has this verification id.');
      const record = options.tamperedRecord ? { ...TEST_RECORD, correctness: 99.9 } : TEST_RECORD;
      const signed: SignedRecord = { record, signature: sign(TEST_RECORD), algorithm: 'HMAC-SHA256' };
      return json(res, 200, signed);
    }

    if (req.headers.authorization && !authed)
      return error(res, 401, 'unauthenticated', 'The API token is unknown or revoked.');
    if (!authed) return error(res, 401, 'unauthenticated', 'Sign in to do this.');

    if (route === 'GET /api/me') return json(res, 200, TEST_ME);
    if (/^POST \/api\/challenges\/[\w-]+\/submissions$/.test(route)) {
      const submit = options.submit ?? 'accept';
      if (submit === 'accept') return json(res, 202, { id: TEST_SUBMISSION_ID, status: 'queued' });
      if (submit.status === 422)
        return json(res, 422, {
          error: { code: 'invalid_pipeline', message: 'The pipeline is not valid.', issues: submit.issues },
        });
      return error(res, 429, 'too_many_requests', submit.message);
    }
    if (route === `GET /api/submissions/${TEST_SUBMISSION_ID}/events`) {
      const events = streams.length > 1 ? streams.shift()! : (streams[0] ?? []);
      return sse(res, events);
    }
    if (route === `GET /api/submissions/${TEST_SUBMISSION_ID}`)
      return json(res, 200, views.length > 1 ? views.shift() : views[0]);
    return error(res, 404, 'not_found', 'Not found.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Events as NestJS writes them, split at awkward places so the client must reassemble lines. */
async function sse(res: ServerResponse, events: SubmissionEvent[]): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(': connected\n\n');
  let n = 0;
  for (const event of events) {
    const text = `id: ${++n}\nevent: ${submissionEventType(event.status)}\ndata: ${JSON.stringify(event)}\n\n`;
    const cut = Math.floor(text.length / 2);
    res.write(text.slice(0, cut));
    await new Promise((resolve) => setTimeout(resolve, 2));
    res.write(text.slice(cut));
  }
  res.end();
}

function sign(record: object): string {
  return createHmac('sha256', SERVER_KEY)
    .update(JSON.stringify(sortKeys(record)))
    .digest('hex');
}

function sortKeys(value: object): object {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, { error: { code, message } });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
