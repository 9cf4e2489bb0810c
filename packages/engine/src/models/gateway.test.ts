import { completionCacheKey } from './cache-key.js';
import { createEchoProvider } from './echo-provider.js';
import { createGateway } from './gateway.js';
import { LruResponseCache, type ResponseCache } from './response-cache.js';
import {
  type Completion,
  type CompletionRequest,
  ModelError,
  type ModelInfo,
  type ModelProvider,
  type ToolCall,
  type ToolSpec,
} from './types.js';

/** A provider that records its calls and answers with a counter, so cache hits are visible. */
function countingProvider(
  name: ModelInfo['provider'],
  options: { simulated?: boolean; serves?: string[] } = {},
) {
  const calls: CompletionRequest[] = [];
  const info = (id: string): ModelInfo => ({
    id,
    provider: name,
    contextTokens: 1000,
    inputPricePerM: 1,
    outputPricePerM: 2,
    simulated: options.simulated ?? false,
  });
  const provider: ModelProvider = {
    name,
    describe: (model) => (!options.serves || options.serves.includes(model) ? info(model) : undefined),
    list: () => (options.serves ?? []).map(info),
    complete: async (request) => {
      calls.push(request);
      return {
        text: `answer ${calls.length}`,
        json: { n: calls.length },
        usage: { input_tokens: 10, output_tokens: 5 },
        cost_usd: 0.001,
        latency_ms: 250,
        model: request.model,
      };
    },
  };
  return { provider, calls };
}

const LOOKUP: ToolSpec = {
  name: 'lookup',
  description: 'Finds the clauses that mention a term.',
  input_schema: { type: 'object', properties: { term: { type: 'string' } } },
};
const CALL: ToolCall = { id: 'call_1', name: 'lookup', arguments: { term: 'rent' } };

const ask = (model: string, extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  model,
  messages: [{ role: 'user', content: 'What is the risk?' }],
  ...extra,
});

describe('gateway routing', () => {
  const sim = countingProvider('sim', { simulated: true, serves: ['sim-mini', 'sim-pro'] });
  const openai = countingProvider('openai');
  const anthropic = countingProvider('anthropic');
  const gateway = createGateway([sim.provider, openai.provider, anthropic.provider, createEchoProvider()], {
    cache: false,
  });

  it.each([
    ['sim-mini', sim],
    ['openai:gpt-4o-mini', openai],
    ['openai:llama3.1:8b', openai],
    ['anthropic:claude-3-5-haiku', anthropic],
  ])('sends %s to its provider', async (model, target) => {
    const before = target.calls.length;
    const completion = await gateway.complete(ask(model), {});
    expect(completion.model).toBe(model);
    expect(target.calls).toHaveLength(before + 1);
    expect(target.calls.at(-1)?.model).toBe(model);
  });

  it.each(['echo', 'echo:anything'])('serves %s with the echo provider', async (model) => {
    const completion = await gateway.complete(ask(model), {});
    expect(completion.text).toBe('What is the risk?');
  });

  it('describes models through their provider and lists the known ones', () => {
    expect(gateway.describe('sim-pro')).toMatchObject({ provider: 'sim', simulated: true });
    expect(gateway.describe('openai:gpt-4o')).toMatchObject({ provider: 'openai' });
    expect(gateway.describe('gpt-4o')).toBeUndefined();
    expect(gateway.describe('sim-huge')).toBeUndefined();
    expect(gateway.list().map((m) => m.id)).toEqual(['sim-mini', 'sim-pro', 'echo']);
  });

  it('rejects a model id of no known form with model_error listing the forms', async () => {
    const error = await gateway.complete(ask('gpt-4o'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model_error');
    expect((error as ModelError).message).toContain('"gpt-4o"');
    for (const form of ['sim-', 'openai:', 'anthropic:', 'echo']) {
      expect((error as ModelError).message).toContain(form);
    }
  });

  it('rejects a sim model the simulator does not serve, naming the ones it does', async () => {
    const error = (await gateway.complete(ask('sim-huge'), {}).catch((e: unknown) => e)) as ModelError;
    expect(error.code).toBe('model_error');
    expect(error.message).toContain('sim-mini, sim-pro');
  });

  it('rejects a provider that is not set up', async () => {
    const bare = createGateway([createEchoProvider()]);
    const error = (await bare
      .complete(ask('anthropic:claude-3-5-haiku'), {})
      .catch((e: unknown) => e)) as ModelError;
    expect(error.code).toBe('model_error');
    expect(error.message).toContain('no anthropic provider');
  });

  it('refuses two providers with the same name', () => {
    expect(() => createGateway([createEchoProvider(), createEchoProvider()])).toThrow(/Two model providers/);
  });
});

describe('gateway response cache', () => {
  it('serves a repeated request from the cache, marked cached, with the original cost and latency', async () => {
    const openai = countingProvider('openai');
    const gateway = createGateway([openai.provider]);

    const first = await gateway.complete(ask('openai:gpt-4o-mini'), {});
    const second = await gateway.complete(ask('openai:gpt-4o-mini'), {});

    expect(openai.calls).toHaveLength(1);
    expect(first.cached).toBeUndefined();
    expect(second).toEqual({ ...first, cached: true });
  });

  it.each<[string, Partial<CompletionRequest>]>([
    ['sample index', { sampleIndex: 1 }],
    ['temperature', { temperature: 0.7 }],
    ['max output tokens', { maxOutputTokens: 20 }],
    ['output spec', { output: { kind: 'json', schema: { type: 'object' } } }],
    ['strictness', { output: { kind: 'json', schema: { type: 'object' }, strict: true } }],
    ['model', { model: 'openai:gpt-4o' }],
    ['messages', { messages: [{ role: 'user', content: 'What is the risk? ' }] }],
    ['message role', { messages: [{ role: 'system', content: 'What is the risk?' }] }],
    ['tools offered', { tools: [LOOKUP] }],
    ['tool choice', { tools: [LOOKUP], toolChoice: 'none' }],
    [
      'tool calls of a message',
      { messages: [...ask('x').messages, { role: 'assistant', content: '', tool_calls: [CALL] }] },
    ],
  ])('misses when the %s differs', async (_, change) => {
    const openai = countingProvider('openai');
    const gateway = createGateway([openai.provider]);
    await gateway.complete(ask('openai:gpt-4o-mini'), {});
    const other = await gateway.complete({ ...ask('openai:gpt-4o-mini'), ...change }, {});
    expect(openai.calls).toHaveLength(2);
    expect(other.cached).toBeUndefined();
  });

  it('treats defaults as written out: no temperature is temperature 0, no sample index is 0', () => {
    const plain = ask('openai:x');
    expect(completionCacheKey({ ...plain, temperature: 0, sampleIndex: 0 })).toBe(completionCacheKey(plain));
    expect(completionCacheKey({ ...plain, output: { kind: 'text' } })).toBe(completionCacheKey(plain));
  });

  it('keys each tool field apart: schema, description, call arguments, call id, tool result id', () => {
    const conversation = (call: ToolCall, resultId: string) => [
      ...ask('x').messages,
      { role: 'assistant' as const, content: '', tool_calls: [call] },
      { role: 'tool' as const, tool_call_id: resultId, name: call.name, content: 'Rent: 1,200.' },
    ];
    const base = ask('openai:x', { tools: [LOOKUP], messages: conversation(CALL, CALL.id) });
    const keys = [
      base,
      { ...base, tools: [{ ...LOOKUP, input_schema: { type: 'object' } }] },
      { ...base, tools: [{ ...LOOKUP, description: 'Looks up.' }] },
      { ...base, messages: conversation({ ...CALL, arguments: { term: 'deposit' } }, CALL.id) },
      { ...base, messages: conversation({ ...CALL, arguments: '{"term": "rent"' }, CALL.id) },
      { ...base, messages: conversation({ ...CALL, id: 'call_2' }, CALL.id) },
      { ...base, messages: conversation(CALL, 'call_2') },
    ].map(completionCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('treats tool choice auto as the default, and ignores a tool choice without tools', () => {
    const plain = ask('openai:x');
    expect(completionCacheKey({ ...plain, toolChoice: 'none' })).toBe(completionCacheKey(plain));
    expect(completionCacheKey({ ...plain, tools: [] })).toBe(completionCacheKey(plain));
    const tools = ask('openai:x', { tools: [LOOKUP] });
    expect(completionCacheKey({ ...tools, toolChoice: 'auto' })).toBe(completionCacheKey(tools));
  });

  it('keys equal schemas the same whatever their key order', () => {
    const a = ask('openai:x', { output: { kind: 'json', schema: { type: 'object', required: ['a'] } } });
    const b = ask('openai:x', { output: { kind: 'json', schema: { required: ['a'], type: 'object' } } });
    expect(completionCacheKey(a)).toBe(completionCacheKey(b));
  });

  it('never caches simulated models', async () => {
    const sim = countingProvider('sim', { simulated: true });
    const gateway = createGateway([sim.provider]);
    await gateway.complete(ask('sim-mini'), {});
    const again = await gateway.complete(ask('sim-mini'), {});
    expect(sim.calls).toHaveLength(2);
    expect(again.cached).toBeUndefined();
  });

  it('does not cache failures', async () => {
    let attempts = 0;
    const flaky: ModelProvider = {
      ...countingProvider('openai').provider,
      complete: async (request) => {
        attempts++;
        if (attempts === 1) throw new ModelError('rate_limited', 'slow down', { retryAfterMs: 10 });
        return {
          text: 'ok',
          usage: { input_tokens: 1, output_tokens: 1 },
          cost_usd: 0,
          latency_ms: 1,
          model: request.model,
        };
      },
    };
    const gateway = createGateway([flaky]);
    await expect(gateway.complete(ask('openai:x'), {})).rejects.toMatchObject({ code: 'rate_limited' });
    expect((await gateway.complete(ask('openai:x'), {})).text).toBe('ok');
  });

  it('works with an asynchronous cache and survives one that fails', async () => {
    const store = new Map<string, Completion>();
    const asyncCache: ResponseCache = {
      get: async (key) => store.get(key),
      set: async (key, value) => {
        store.set(key, value);
      },
    };
    const openai = countingProvider('openai');
    const gateway = createGateway([openai.provider], { cache: asyncCache });
    await gateway.complete(ask('openai:x'), {});
    expect((await gateway.complete(ask('openai:x'), {})).cached).toBe(true);

    const broken: ResponseCache = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
    };
    const resilient = createGateway([countingProvider('openai').provider], { cache: broken });
    expect((await resilient.complete(ask('openai:x'), {})).text).toBe('answer 1');
  });

  it('hands out copies: changing a returned json does not change the cached one', async () => {
    const gateway = createGateway([countingProvider('openai').provider]);
    const first = await gateway.complete(ask('openai:x'), {});
    (first.json as { n: number }).n = 99;
    const second = await gateway.complete(ask('openai:x'), {});
    expect(second.json).toEqual({ n: 1 });
  });
});

describe('LruResponseCache', () => {
  const completion = (text: string): Completion => ({
    text,
    usage: { input_tokens: 1, output_tokens: 1 },
    cost_usd: 0,
    latency_ms: 1,
    model: 'openai:x',
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new LruResponseCache(2);
    cache.set('a', completion('A'));
    cache.set('b', completion('B'));
    expect(cache.get('a')?.text).toBe('A'); // a is now the most recent
    cache.set('c', completion('C'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.text).toBe('A');
    expect(cache.get('c')?.text).toBe('C');
  });

  it('bounds the gateway: an evicted request is asked again', async () => {
    const openai = countingProvider('openai');
    const gateway = createGateway([openai.provider], { cache: new LruResponseCache(1) });
    await gateway.complete(ask('openai:x', { sampleIndex: 0 }), {});
    await gateway.complete(ask('openai:x', { sampleIndex: 1 }), {});
    await gateway.complete(ask('openai:x', { sampleIndex: 0 }), {});
    expect(openai.calls).toHaveLength(3);
  });

  it('rejects a size below 1', () => {
    expect(() => new LruResponseCache(0)).toThrow(RangeError);
  });
});
