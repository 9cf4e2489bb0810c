import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAIProvider, type OpenAIProviderOptions } from './openai-provider.js';
import { countMessageTokens, countTextTokens, countToolCallTokens, countToolSpecTokens } from './tokens.js';
import { type CompletionRequest, ModelError, type ToolSpec } from './types.js';

/** A local server that speaks the Chat Completions API the way each test scripts it. */
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
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  reply = (res) => json(res, 200, chatResponse('hello'));
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function toolCallResponse(toolCalls: unknown[], content: string | null = null) {
  return {
    id: 'chatcmpl-2',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, tool_calls: toolCalls },
        finish_reason: 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 11, completion_tokens: 3 },
  };
}

const LOOKUP: ToolSpec = {
  name: 'lookup',
  description: 'Finds the clauses of the contract that mention a term.',
  input_schema: { type: 'object', required: ['term'], properties: { term: { type: 'string' } } },
};

function chatResponse(content: string | null, usage: unknown = { prompt_tokens: 11, completion_tokens: 3 }) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage,
  };
}

const API_KEY = 'sk-test-abcdef123456';

function provider(options: Partial<OpenAIProviderOptions> = {}) {
  return createOpenAIProvider({ baseUrl, apiKey: API_KEY, timeoutMs: 2_000, ...options });
}

function request(extra: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: 'openai:gpt-4o-mini',
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

describe('OpenAI-compatible provider', () => {
  it('posts a chat completion with the bearer key and returns text, usage, cost and latency', async () => {
    const completion = await provider().complete(request({ temperature: 0.7, maxOutputTokens: 50 }), {});

    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/v1/chat/completions');
    expect(call.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body).toEqual({
      model: 'gpt-4o-mini',
      messages: request().messages,
      temperature: 0.7,
      max_tokens: 50,
    });
    expect(completion).toMatchObject({
      text: 'hello',
      json: undefined,
      usage: { input_tokens: 11, output_tokens: 3 },
      model: 'openai:gpt-4o-mini',
    });
    expect(completion.cost_usd).toBeCloseTo((11 * 0.15 + 3 * 0.6) / 1e6, 15);
    expect(completion.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('sends temperature 0 by default, no max_tokens unless asked, and no key header without a key', async () => {
    await provider({ apiKey: undefined }).complete(request(), {});
    expect(received[0].body.temperature).toBe(0);
    expect(received[0].body).not.toHaveProperty('max_tokens');
    expect(received[0].headers).not.toHaveProperty('authorization');
  });

  it('asks for json_object with the schema in the system prompt, and parses fenced JSON', async () => {
    reply = (res) => json(res, 200, chatResponse('```json\n{"risk": "high"}\n```'));
    const schema = { type: 'object', required: ['risk'], properties: { risk: { enum: ['low', 'high'] } } };
    const completion = await provider().complete(request({ output: { kind: 'json', schema } }), {});

    const body = received[0].body as {
      response_format: unknown;
      messages: { role: string; content: string }[];
    };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain('You are terse.');
    expect(body.messages[0].content).toContain(JSON.stringify(schema));
    expect(completion.json).toEqual({ risk: 'high' });
  });

  it('asks for json_schema structured output when strict', async () => {
    reply = (res) => json(res, 200, chatResponse('{"risk":"low"}'));
    const schema = { type: 'object', properties: { risk: { type: 'string' } } };
    const completion = await provider().complete(
      request({ output: { kind: 'json', schema, strict: true } }),
      {},
    );

    const body = received[0].body as { response_format: unknown; messages: unknown };
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'output', schema, strict: true },
    });
    expect(body.messages).toEqual(request().messages);
    expect(completion.json).toEqual({ risk: 'low' });
  });

  it('leaves json undefined when the reply does not parse, keeping the text', async () => {
    reply = (res) => json(res, 200, chatResponse('Sure! {"risk": "high"}'));
    const completion = await provider().complete(request({ output: { kind: 'json', schema: {} } }), {});
    expect(completion.json).toBeUndefined();
    expect(completion.text).toBe('Sure! {"risk": "high"}');
  });

  it('counts tokens itself when the server reports no usage', async () => {
    reply = (res) => json(res, 200, chatResponse('hello world', null));
    const completion = await provider().complete(request(), {});
    expect(completion.usage).toEqual({
      input_tokens: countMessageTokens(request().messages),
      output_tokens: countTextTokens('hello world'),
    });
  });

  it('uses max_completion_tokens and the default temperature for reasoning models', async () => {
    await provider().complete(request({ model: 'openai:o4-mini', maxOutputTokens: 100, temperature: 0 }), {});
    expect(received[0].body.max_completion_tokens).toBe(100);
    expect(received[0].body).not.toHaveProperty('max_tokens');
    expect(received[0].body).not.toHaveProperty('temperature');
  });

  it('prices unknown models at 0 and says so, and takes configured prices', async () => {
    const local = provider({ prices: { 'openai:llama3.1:8b': { inputPricePerM: 1, outputPricePerM: 2 } } });
    expect(local.describe('openai:qwen2.5')).toMatchObject({ inputPricePerM: 0, priceKnown: false });
    expect(local.describe('openai:gpt-4o-mini-2024-07-18')).toMatchObject({
      inputPricePerM: 0.15,
      priceKnown: true,
    });
    expect(local.describe('anthropic:claude-3-5-haiku')).toBeUndefined();

    const unknown = await local.complete(request({ model: 'openai:qwen2.5' }), {});
    expect(unknown.cost_usd).toBe(0);
    const configured = await local.complete(request({ model: 'openai:llama3.1:8b' }), {});
    expect(received[1].body.model).toBe('llama3.1:8b');
    expect(configured.cost_usd).toBeCloseTo((11 * 1 + 3 * 2) / 1e6, 15);
  });

  describe('tools', () => {
    const conversation: CompletionRequest['messages'] = [
      { role: 'system', content: 'Answer from the contract.' },
      { role: 'user', content: 'Who pays for repairs?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_a', name: 'lookup', arguments: { term: 'repairs' } },
          { id: 'call_b', name: 'lookup', arguments: '{"term": ' },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', name: 'lookup', content: 'Clause 7: the tenant pays.' },
      { role: 'tool', tool_call_id: 'call_b', name: 'lookup', content: 'Error: arguments are not JSON' },
    ];

    it('sends the tools as functions with tool_choice auto, and the conversation in its format', async () => {
      await provider().complete(request({ messages: conversation, tools: [LOOKUP] }), {});
      const body = received[0].body;
      expect(body.tools).toEqual([
        {
          type: 'function',
          function: { name: 'lookup', description: LOOKUP.description, parameters: LOOKUP.input_schema },
        },
      ]);
      expect(body.tool_choice).toBe('auto');
      expect(body.messages).toEqual([
        { role: 'system', content: 'Answer from the contract.' },
        { role: 'user', content: 'Who pays for repairs?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'call_a', type: 'function', function: { name: 'lookup', arguments: '{"term":"repairs"}' } },
            // Raw text the model wrote goes back as it was, not re-encoded as a JSON string.
            { id: 'call_b', type: 'function', function: { name: 'lookup', arguments: '{"term": ' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_a', content: 'Clause 7: the tenant pays.' },
        { role: 'tool', tool_call_id: 'call_b', content: 'Error: arguments are not JSON' },
      ]);
    });

    it('sends neither tools nor tool_choice when no tools are offered', async () => {
      await provider().complete(request({ toolChoice: 'none' }), {});
      expect(received[0].body).not.toHaveProperty('tools');
      expect(received[0].body).not.toHaveProperty('tool_choice');
    });

    it('sends tool_choice none for the last turn', async () => {
      await provider().complete(request({ tools: [LOOKUP], toolChoice: 'none' }), {});
      expect(received[0].body.tool_choice).toBe('none');
      expect(received[0].body.tools).toHaveLength(1);
    });

    it('reads parallel tool calls in order, with null content as empty text', async () => {
      reply = (res) =>
        json(
          res,
          200,
          toolCallResponse([
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"term":"rent"}' } },
            { id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '{"term":"deposit"}' } },
          ]),
        );
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.text).toBe('');
      expect(completion.toolCalls).toEqual([
        { id: 'call_1', name: 'lookup', arguments: { term: 'rent' } },
        { id: 'call_2', name: 'lookup', arguments: { term: 'deposit' } },
      ]);
      expect(completion.usage).toEqual({ input_tokens: 11, output_tokens: 3 });
    });

    it('keeps malformed arguments as the raw text, reads blank ones as {}, and does not throw', async () => {
      reply = (res) =>
        json(
          res,
          200,
          toolCallResponse([
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"term": "rent"' } },
            { id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '' } },
            {
              id: 'call_3',
              type: 'function',
              function: { name: 'lookup', arguments: `${'['.repeat(70)}${']'.repeat(70)}` },
            },
          ]),
        );
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.toolCalls?.map((c) => c.arguments)).toEqual([
        '{"term": "rent"',
        {},
        `${'['.repeat(70)}${']'.repeat(70)}`,
      ]);
    });

    it('passes through a call to a tool it was not offered, and gives calls without an id one', async () => {
      reply = (res) =>
        json(
          res,
          200,
          toolCallResponse(
            [{ type: 'function', function: { name: 'delete_everything', arguments: '{}' } }],
            'Let me.',
          ),
        );
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.text).toBe('Let me.');
      expect(completion.toolCalls).toEqual([{ id: 'call_0', name: 'delete_everything', arguments: {} }]);
    });

    it('round-trips a tool result: the second request holds the call and its result', async () => {
      reply = (res, call) => {
        const turn = (call.body.messages as unknown[]).length;
        if (turn === 2) {
          json(
            res,
            200,
            toolCallResponse([
              { id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"term":"rent"}' } },
            ]),
          );
        } else {
          json(res, 200, chatResponse('The tenant pays 1,200.'));
        }
      };
      const first = await provider().complete(request({ tools: [LOOKUP] }), {});
      const messages = [
        ...request().messages,
        { role: 'assistant' as const, content: first.text, tool_calls: first.toolCalls },
        { role: 'tool' as const, tool_call_id: 'call_9', name: 'lookup', content: 'Rent: 1,200 a month.' },
      ];
      const second = await provider().complete(request({ messages, tools: [LOOKUP] }), {});

      expect((received[1].body.messages as unknown[]).slice(2)).toEqual([
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"term":"rent"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_9', content: 'Rent: 1,200 a month.' },
      ]);
      expect(second.text).toBe('The tenant pays 1,200.');
      expect(second.toolCalls).toBeUndefined();
    });

    it('keeps structured output beside the tools and reads JSON only from the final answer', async () => {
      const schema = { type: 'object', properties: { payer: { type: 'string' } } };
      reply = (res) =>
        json(
          res,
          200,
          toolCallResponse(
            [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }],
            '{"payer":"tenant"}',
          ),
        );
      const calling = await provider().complete(
        request({ tools: [LOOKUP], output: { kind: 'json', schema, strict: true } }),
        {},
      );
      expect(received[0].body.response_format).toMatchObject({ type: 'json_schema' });
      expect(received[0].body.tools).toHaveLength(1);
      expect(calling.json).toBeUndefined();

      reply = (res) => json(res, 200, chatResponse('{"payer":"tenant"}'));
      const final = await provider().complete(
        request({ tools: [LOOKUP], output: { kind: 'json', schema } }),
        {},
      );
      const system = (received[1].body.messages as { content: string }[])[0].content;
      expect(system).toContain('your final answer must be only a JSON value');
      expect(final.json).toEqual({ payer: 'tenant' });
    });

    it('counts the tools and the calls itself when the server reports no usage', async () => {
      const calls = [
        { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"term":"rent"}' } },
      ];
      reply = (res) => json(res, 200, { ...toolCallResponse(calls), usage: undefined });
      const completion = await provider().complete(request({ tools: [LOOKUP] }), {});
      expect(completion.usage).toEqual({
        input_tokens: countMessageTokens(request().messages) + countToolSpecTokens([LOOKUP]),
        output_tokens: countToolCallTokens(completion.toolCalls),
      });
      expect(completion.usage.input_tokens).toBeGreaterThan(countMessageTokens(request().messages));
      expect(completion.usage.output_tokens).toBeGreaterThan(0);
    });
  });

  describe('errors', () => {
    it('maps 429 with retry-after seconds to rate_limited', async () => {
      reply = (res) => json(res, 429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBe(7_000);
      expect(error.message).toContain('Rate limit reached');
    });

    it('maps 429 with an HTTP-date retry-after to the time left', async () => {
      const at = new Date(Date.now() + 30_000).toUTCString();
      reply = (res) => json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': at });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBeGreaterThan(25_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
    });

    it('prefers retry-after-ms when the server sends it', async () => {
      reply = (res) => json(res, 429, {}, { 'retry-after-ms': '1500', 'retry-after': '2' });
      const error = await failure(provider().complete(request(), {}));
      expect(error.retryAfterMs).toBe(1_500);
    });

    it('maps a context-length 400 to context_length_exceeded', async () => {
      reply = (res) =>
        json(res, 400, {
          error: {
            message:
              "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.",
            code: 'context_length_exceeded',
          },
        });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('context_length_exceeded');
    });

    it('maps another 400 to model_error with the server message', async () => {
      reply = (res) => json(res, 400, { error: { message: "Invalid value for 'temperature'" } });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain("Invalid value for 'temperature'");
    });

    it('maps 401 to model_error naming the key variable, without leaking the key', async () => {
      reply = (res, call) =>
        json(res, 401, { error: { message: `Incorrect API key provided: ${call.headers.authorization}` } });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('REPS_OPENAI_API_KEY');
      expect(error.message).toContain('HTTP 401');
      expect(error.message).not.toContain(API_KEY);
      expect(error.message).not.toContain('abcdef123456');
    });

    it('maps 500 to model_error', async () => {
      reply = (res) => json(res, 500, { error: { message: 'The server had an error' } });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('HTTP 500');
      expect(error.message).toContain('The server had an error');
    });

    it('maps a 200 without choices to model_error', async () => {
      reply = (res) => json(res, 200, { object: 'list', data: [] });
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('no choices[0].message');
    });

    it('maps a message without content or tool calls to model_error', async () => {
      reply = (res) => json(res, 200, chatResponse(null));
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('choices[0].message.content');
    });

    it('maps a tool call without a function name to model_error', async () => {
      reply = (res) => json(res, 200, toolCallResponse([{ id: 'call_1', type: 'function', function: {} }]));
      const error = await failure(provider().complete(request({ tools: [LOOKUP] }), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('tool_calls[0] has no function name');
    });

    it('maps a body that is not JSON to model_error naming the base URL variable', async () => {
      reply = (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Welcome to nginx</body></html>');
      };
      const error = await failure(provider().complete(request(), {}));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('not JSON');
      expect(error.message).toContain('REPS_OPENAI_BASE_URL');
    });

    it('times out when the server never answers', async () => {
      reply = () => {};
      const started = Date.now();
      const error = await failure(provider({ timeoutMs: 150 }).complete(request(), {}));
      expect(error.code).toBe('timeout');
      expect(error.message).toContain('150 ms');
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('stops with timeout when the caller aborts (step timeout)', async () => {
      reply = () => {};
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await failure(provider().complete(request({ signal: controller.signal }), {}));
      expect(error.code).toBe('timeout');
    });

    it('maps an unreachable server to model_error', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const error = await failure(
        provider({ baseUrl: `http://127.0.0.1:${port}/v1` }).complete(request(), {}),
      );
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('Could not reach');
      expect(error.message).toContain('ECONNREFUSED');
    });
  });
});
