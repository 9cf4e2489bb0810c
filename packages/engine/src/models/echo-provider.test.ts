import { createEchoProvider, ECHO_LATENCY_MS } from './echo-provider.js';
import { minimalInstance } from './schema-instance.js';
import { countMessageTokens, countTextTokens, countToolSpecTokens } from './tokens.js';
import type { CompletionRequest } from './types.js';

const echo = createEchoProvider();

function ask(request: Partial<CompletionRequest>) {
  return echo.complete({ model: 'echo', messages: [], ...request }, {});
}

describe('echo provider', () => {
  it('answers with the last user message, free, with a fixed virtual latency', async () => {
    const messages = [
      { role: 'system' as const, content: 'Be nice.' },
      { role: 'user' as const, content: 'first' },
      { role: 'assistant' as const, content: 'ok' },
      { role: 'user' as const, content: 'second question' },
    ];
    const completion = await ask({ messages });
    expect(completion).toEqual({
      text: 'second question',
      json: undefined,
      usage: {
        input_tokens: countMessageTokens(messages),
        output_tokens: countTextTokens('second question'),
      },
      cost_usd: 0,
      latency_ms: ECHO_LATENCY_MS,
      model: 'echo',
    });
  });

  it('returns the prompt JSON when JSON is requested and the prompt is JSON', async () => {
    const completion = await ask({
      messages: [{ role: 'user', content: ' {"risk":"high","n":[1,2]} ' }],
      output: { kind: 'json', schema: { type: 'object' } },
    });
    expect(completion.json).toEqual({ risk: 'high', n: [1, 2] });
    expect(JSON.parse(completion.text)).toEqual({ risk: 'high', n: [1, 2] });
  });

  it('returns the smallest valid value when the prompt is not JSON', async () => {
    const schema = {
      type: 'object',
      required: ['risk', 'type', 'score', 'tags'],
      properties: {
        risk: { enum: ['low', 'medium', 'high'] },
        type: { type: 'string' },
        score: { type: 'integer', minimum: 1, maximum: 5 },
        tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
        optional: { type: 'string' },
      },
    };
    const completion = await ask({
      messages: [{ role: 'user', content: 'Rate this clause: the tenant pays.' }],
      output: { kind: 'json', schema },
    });
    expect(completion.json).toEqual({ risk: 'low', type: '', score: 1, tags: ['aa'] });
    expect(completion.text).toBe('{"risk":"low","type":"","score":1,"tags":["aa"]}');
  });

  it('is deterministic: the same request gives the same completion', async () => {
    const request = {
      messages: [{ role: 'user' as const, content: 'same' }],
      temperature: 1,
      sampleIndex: 3,
    };
    expect(await ask(request)).toEqual(await ask(request));
  });

  it('serves echo and echo:<anything>, and nothing else', () => {
    expect(echo.describe('echo')).toMatchObject({ provider: 'echo', simulated: true, inputPricePerM: 0 });
    expect(echo.describe('echo:fast')?.id).toBe('echo:fast');
    expect(echo.describe('echoes')).toBeUndefined();
    expect(echo.describe('sim-mini')).toBeUndefined();
    expect(echo.list().map((m) => m.id)).toEqual(['echo']);
  });

  it('answers with an empty text when there is no user message', async () => {
    expect((await ask({ messages: [{ role: 'system', content: 'x' }] })).text).toBe('');
  });

  it('never calls a tool: it answers at once, counting the offered tools as input', async () => {
    const messages = [{ role: 'user' as const, content: 'What is the rent?' }];
    const tools = [{ name: 'lookup', description: 'Finds a term.', input_schema: { type: 'object' } }];
    const completion = await ask({ messages, tools });
    expect(completion.text).toBe('What is the rent?');
    expect(completion.toolCalls).toBeUndefined();
    expect(completion.usage.input_tokens).toBe(countMessageTokens(messages) + countToolSpecTokens(tools));
  });
});

describe('minimalInstance', () => {
  it.each([
    [{ type: 'string' }, ''],
    [{ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.5 }, 0.25],
    [{ type: 'integer', maximum: -3 }, -3],
    [{ type: 'boolean' }, false],
    [{ type: ['null', 'string'] }, ''],
    [{ const: 'fixed' }, 'fixed'],
    [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }, 0],
    [
      { allOf: [{ required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'] }] },
      { a: '', b: null },
    ],
    [{ type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], minItems: 2 }, [0, '']],
    [{}, null],
  ])('builds the smallest value of %j', (schema, expected) => {
    expect(minimalInstance(schema)).toEqual(expected);
  });

  it('hands out copies, so changing one answer does not change the next', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' } } };
    const first = minimalInstance(schema) as Record<string, unknown>;
    first.a = 'changed';
    expect(minimalInstance(schema)).toEqual({ a: '' });
  });
});
