import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnthropicProviderOptions,
  createAnthropicProvider,
  DEFAULT_ANTHROPIC_MAX_TOKENS,
} from './anthropic-provider.js';
import { countTextTokens } from './tokens.js';
import { type CompletionRequest, ModelError } from './types.js';

/** A local server that speaks the Messages API the way each test scripts it. */
interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}
type Reply = (res: ServerResponse, received: Received) => void;

let server: Server;
let baseUrl: string;
let reply: Reply;
let received: Received[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const entry = { method: req.method, url: req.url, headers: req.headers, body: JSON.parse(raw || '{}') };
      received.push(entry);
      reply(res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  reply = (res) => json(res, 200, messageResponse('Hello.'));
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function messageResponse(text: string, usage: unknown = { input_tokens: 20, output_tokens: 4 }) {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-3-5-haiku-20241022',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    usage,
  };
}

const API_KEY = 'sk-ant-test-0123456789';

function provider(options: Partial<AnthropicProviderOptions> = {}) {
  return createAnthropicProvider({ baseUrl, apiKey: API_KEY, timeoutMs: 2_000, ...options });
}

function request(extra: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: 'anthropic:claude-3-5-haiku-20241022',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello.' },
    ],
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('Anthropic provider', () => {
  it('posts to /v1/messages with the key, version, top-level system and default max_tokens', async () => {
    const completion = await provider().complete(request(), {});

    const [call] = received;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/v1/messages');
    expect(call.headers['x-api-key']).toBe(API_KEY);
    expect(call.headers['anthropic-version']).toBe('2023-06-01');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body).toEqual({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS,
      temperature: 0,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Say hello.' }],
    });
    expect(completion).toMatchObject({
      text: 'Hello.',
      json: undefined,
      usage: { input_tokens: 20, output_tokens: 4 },
      model: 'anthropic:claude-3-5-haiku-20241022',
    });
    expect(completion.cost_usd).toBeCloseTo((20 * 0.8 + 4 * 4) / 1e6, 15);
  });

  it('passes max tokens, clamps temperature to 1 and keeps the conversation order', async () => {
    const messages = [
      { role: 'user' as const, content: 'a' },
      { role: 'assistant' as const, content: 'b' },
      { role: 'user' as const, content: 'c' },
    ];
    await provider().complete(request({ messages, maxOutputTokens: 300, temperature: 1.5 }), {});
    expect(received[0].body).toMatchObject({ max_tokens: 300, temperature: 1, messages });
    expect(received[0].body).not.toHaveProperty('system');
  });

  it('puts the JSON schema in the system prompt and parses fenced JSON', async () => {
    reply = (res) => json(res, 200, messageResponse('```json\n{"risk":"medium"}\n```'));
    const schema = { type: 'object', required: ['risk'] };
    const completion = await provider().complete(
      request({ output: { kind: 'json', schema, strict: true } }),
      {},
    );
    const system = received[0].body.system as string;
    expect(system.startsWith('You are terse.')).toBe(true);
    expect(system).toContain(JSON.stringify(schema));
    expect(completion.json).toEqual({ risk: 'medium' });
  });

  it('joins several text blocks and counts tokens itself when usage is missing', async () => {
    reply = (res) =>
      json(res, 200, {
        ...messageResponse('x', null),
        content: [
          { type: 'text', text: 'Hel' },
          { type: 'text', text: 'lo' },
        ],
      });
    const completion = await provider().complete(request(), {});
    expect(completion.text).toBe('Hello');
    expect(completion.usage.output_tokens).toBe(countTextTokens('Hello'));
    expect(completion.usage.input_tokens).toBeGreaterThan(0);
  });

  it('accepts a base URL that already ends in /v1', async () => {
    await provider({ baseUrl: `${baseUrl}/v1/` }).complete(request(), {});
    expect(received[0].url).toBe('/v1/messages');
  });

  describe('errors', () => {
    it('maps 429 with retry-after seconds to rate_limited', async () => {
      reply = (res) =>
        json(
          res,
          429,
          { type: 'error', error: { type: 'rate_limit_error', message: 'Too fast' } },
          { 'retry-after': '12' },
        );
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBe(12_000);
    });

    it('maps 429 with an HTTP-date retry-after to the time left', async () => {
      const at = new Date(Date.now() + 10_000).toUTCString();
      reply = (res) =>
        json(res, 429, { type: 'error', error: { message: 'Too fast' } }, { 'retry-after': at });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBeGreaterThan(5_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
    });

    it('maps "prompt is too long" to context_length_exceeded', async () => {
      reply = (res) =>
        json(res, 400, {
          type: 'error',
          error: {
            type: 'invalid_request_error',
            message: 'prompt is too long: 208310 tokens > 200000 maximum',
          },
        });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('context_length_exceeded');
    });

    it('maps 401 to model_error naming the key variable, without leaking the key', async () => {
      reply = (res, call) =>
        json(res, 401, {
          type: 'error',
          error: { message: `invalid x-api-key ${call.headers['x-api-key']}` },
        });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('REPS_ANTHROPIC_API_KEY');
      expect(error.message).not.toContain(API_KEY);
    });

    it('maps 529 overloaded to model_error', async () => {
      reply = (res) =>
        json(res, 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('Overloaded');
    });

    it('maps a reply without text content to model_error', async () => {
      reply = (res) => json(res, 200, { type: 'message', content: 'not a list' });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('unexpected response');
    });

    it('maps a body that is not JSON to model_error', async () => {
      reply = (res) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('Bad Gateway');
      };
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('Bad Gateway');
    });

    it('maps a 200 whose body is not JSON to model_error naming the base URL variable', async () => {
      reply = (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>Login</title>');
      };
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('not JSON');
      expect(error.message).toContain('REPS_ANTHROPIC_BASE_URL');
    });

    it('times out when the server never answers', async () => {
      reply = () => {};
      const error = await failure(provider({ timeoutMs: 100 }).complete(request(), {}));
      expect(error.code).toBe('timeout');
      expect(error.latency_ms).toBeGreaterThanOrEqual(90);
    });
  });
});
