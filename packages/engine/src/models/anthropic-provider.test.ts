import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnthropicProviderOptions,
  createAnthropicProvider,
  DEFAULT_ANTHROPIC_MAX_TOKENS,
} from './anthropic-provider.js';
import { countMessageTokens, countTextTokens, countToolCallTokens, countToolSpecTokens } from './tokens.js';
import { type CompletionRequest, ModelError, type ToolSpec } from './types.js';

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

function toolUseResponse(content: unknown[]) {
  return {
    ...messageResponse(''),
    content,
    stop_reason: 'tool_use',
    usage: { input_tokens: 30, output_tokens: 12 },
  };
}

const LOOKUP: ToolSpec = {
  name: 'lookup',
  description: 'Finds the clauses of the contract that mention a term.',
  input_schema: { type: 'object', required: ['term'], properties: { term: { type: 'string' } } },
};

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

  describe('tools', () => {
    it('sends tools with tool_choice auto, tool_use turns and one user message of results per turn', async () => {
      const messages: CompletionRequest['messages'] = [
        { role: 'system', content: 'Answer from the contract.' },
        { role: 'user', content: 'Who pays for repairs?' },
        {
          role: 'assistant',
          content: 'Let me look.',
          tool_calls: [
            { id: 'toolu_a', name: 'lookup', arguments: { term: 'repairs' } },
            { id: 'toolu_b', name: 'lookup', arguments: { term: 'damage' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_a', name: 'lookup', content: 'Clause 7: the tenant pays.' },
        {
          role: 'tool',
          tool_call_id: 'toolu_b',
          name: 'lookup',
          content: 'Error: no clause mentions damage',
        },
        { role: 'user', content: 'One turn left: answer now.' },
        {
          role: 'assistant',
          content: '',
          // Raw text from a call whose JSON did not parse: the API only takes an object.
          tool_calls: [{ id: 'toolu_c', name: 'lookup', arguments: '{"term": ' }],
        },
        { role: 'tool', tool_call_id: 'toolu_c', name: 'lookup', content: 'Error: arguments are not JSON' },
      ];
      await provider().complete(request({ messages, tools: [LOOKUP] }), {});

      const body = received[0].body;
      expect(body.tools).toEqual([
        { name: 'lookup', description: LOOKUP.description, input_schema: LOOKUP.input_schema },
      ]);
      expect(body.tool_choice).toEqual({ type: 'auto' });
      expect(body.system).toBe('Answer from the contract.');
      expect(body.messages).toEqual([
        { role: 'user', content: 'Who pays for repairs?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool_use', id: 'toolu_a', name: 'lookup', input: { term: 'repairs' } },
            { type: 'tool_use', id: 'toolu_b', name: 'lookup', input: { term: 'damage' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_a', content: 'Clause 7: the tenant pays.' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_b',
              content: 'Error: no clause mentions damage',
              is_error: true,
            },
            { type: 'text', text: 'One turn left: answer now.' },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_c', name: 'lookup', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_c',
              content: 'Error: arguments are not JSON',
              is_error: true,
            },
          ],
        },
      ]);
    });

    it('sends tool_choice none for the last turn, and nothing about tools without tools', async () => {
      await provider().complete(request({ tools: [LOOKUP], toolChoice: 'none' }), {});
      expect(received[0].body.tool_choice).toEqual({ type: 'none' });
      await provider().complete(request({ toolChoice: 'none' }), {});
      expect(received[1].body).not.toHaveProperty('tools');
      expect(received[1].body).not.toHaveProperty('tool_choice');
    });

    it('reads parallel tool_use blocks in order, with the text before them, and invented tools', async () => {
      reply = (res) =>
        json(
          res,
          200,
          toolUseResponse([
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { term: 'rent' } },
            { type: 'tool_use', id: 'toolu_2', name: 'shred_documents', input: {} },
          ]),
        );
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.text).toBe('Checking.');
      expect(completion.toolCalls).toEqual([
        { id: 'toolu_1', name: 'lookup', arguments: { term: 'rent' } },
        { id: 'toolu_2', name: 'shred_documents', arguments: {} },
      ]);
      expect(completion.usage).toEqual({ input_tokens: 30, output_tokens: 12 });
    });

    it('reads a reply of tool calls only as empty text, and keeps input nested too deep as its text', async () => {
      let deep: unknown = 1;
      for (let i = 0; i < 70; i++) deep = [deep];
      reply = (res) =>
        json(
          res,
          200,
          toolUseResponse([{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { deep } }]),
        );
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.text).toBe('');
      expect(completion.toolCalls?.[0].arguments).toBe(JSON.stringify({ deep }));
    });

    it('round-trips a tool result: the second request holds the tool_use and its tool_result', async () => {
      reply = (res, call) => {
        if ((call.body.messages as unknown[]).length === 1) {
          json(
            res,
            200,
            toolUseResponse([{ type: 'tool_use', id: 'toolu_9', name: 'lookup', input: { term: 'rent' } }]),
          );
        } else {
          json(res, 200, messageResponse('The tenant pays 1,200.'));
        }
      };
      const first = await provider().complete(request({ tools: [LOOKUP] }), {});
      const messages = [
        ...request().messages,
        { role: 'assistant' as const, content: first.text, tool_calls: first.toolCalls },
        { role: 'tool' as const, tool_call_id: 'toolu_9', name: 'lookup', content: 'Rent: 1,200 a month.' },
      ];
      const second = await provider().complete(request({ messages, tools: [LOOKUP] }), {});

      expect((received[1].body.messages as unknown[]).slice(1)).toEqual([
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_9', name: 'lookup', input: { term: 'rent' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: 'Rent: 1,200 a month.' }],
        },
      ]);
      expect(second.text).toBe('The tenant pays 1,200.');
      expect(second.toolCalls).toBeUndefined();
    });

    it('asks for JSON as the final answer only, and reads no JSON from a turn that calls tools', async () => {
      const schema = { type: 'object', required: ['payer'] };
      reply = (res) =>
        json(
          res,
          200,
          toolUseResponse([
            { type: 'text', text: '{"payer":"tenant"}' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} },
          ]),
        );
      const completion = await provider().complete(
        request({ tools: [LOOKUP], output: { kind: 'json', schema } }),
        {},
      );
      expect(received[0].body.system).toContain('your final answer must be only a JSON value');
      expect(completion.json).toBeUndefined();
    });

    it('counts the tools and the calls itself when usage is missing', async () => {
      reply = (res) =>
        json(res, 200, {
          ...toolUseResponse([{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { term: 'rent' } }]),
          usage: undefined,
        });
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.usage).toEqual({
        input_tokens: countMessageTokens(request().messages) + countToolSpecTokens([LOOKUP]),
        output_tokens: countToolCallTokens(completion.toolCalls),
      });
    });

    it('maps a tool_use block without an id to model_error', async () => {
      reply = (res) => json(res, 200, toolUseResponse([{ type: 'tool_use', name: 'lookup', input: {} }]));
      const error = await failure(provider().complete(request({ tools: [LOOKUP] }), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('content[0] is a tool_use block without an id or name');
    });
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
