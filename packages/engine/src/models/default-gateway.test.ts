import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDefaultGateway } from './default-gateway.js';
import { ModelError, type ModelProvider } from './types.js';

let server: Server;
let origin: string;
const paths: string[] = [];

/** One local server answering both APIs, enough to see which provider a call went to. */
beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const openai = {
        choices: [{ message: { content: 'from openai' } }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      };
      const anthropic = {
        content: [{ type: 'text', text: 'from anthropic' }],
        usage: { input_tokens: 1, output_tokens: 1 },
      };
      res.end(JSON.stringify(req.url === '/v1/messages' ? anthropic : openai));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const ask = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'hi' }] });

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('createDefaultGateway', () => {
  it('serves echo with no configuration at all', async () => {
    const gateway = createDefaultGateway();
    expect((await gateway.complete(ask('echo'), {})).text).toBe('hi');
    expect(gateway.list().map((m) => m.id)).toEqual(['echo']);
  });

  it('describes OpenAI models when not set up, but fails calls naming REPS_OPENAI_BASE_URL', async () => {
    const gateway = createDefaultGateway();
    expect(gateway.describe('openai:gpt-4o-mini')).toMatchObject({
      provider: 'openai',
      inputPricePerM: 0.15,
    });
    const error = await failure(gateway.complete(ask('openai:gpt-4o-mini'), {}));
    expect(error.code).toBe('model_error');
    expect(error.message).toContain('REPS_OPENAI_BASE_URL');
  });

  it('fails Anthropic calls naming REPS_ANTHROPIC_API_KEY when only the public base URL is set', async () => {
    const gateway = createDefaultGateway({ anthropicBaseUrl: 'https://api.anthropic.com' });
    const error = await failure(gateway.complete(ask('anthropic:claude-3-5-haiku'), {}));
    expect(error.code).toBe('model_error');
    expect(error.message).toContain('REPS_ANTHROPIC_API_KEY');
  });

  it('calls a configured OpenAI-compatible server and a local Anthropic-compatible one', async () => {
    const gateway = createDefaultGateway({ openaiBaseUrl: `${origin}/v1`, anthropicBaseUrl: origin });
    expect((await gateway.complete(ask('openai:llama3.1:8b'), {})).text).toBe('from openai');
    expect((await gateway.complete(ask('anthropic:claude-3-5-haiku'), {})).text).toBe('from anthropic');
    expect(paths.slice(-2)).toEqual(['/v1/chat/completions', '/v1/messages']);
  });

  it('adds extra providers, and one named like a built-in replaces it', async () => {
    const fake = (name: ModelProvider['name'], text: string): ModelProvider => ({
      name,
      describe: (model) => ({
        id: model,
        provider: name,
        contextTokens: 8000,
        inputPricePerM: 0,
        outputPricePerM: 0,
        simulated: true,
      }),
      list: () => [],
      complete: async (request) => ({
        text,
        usage: { input_tokens: 1, output_tokens: 1 },
        cost_usd: 0,
        latency_ms: 300,
        model: request.model,
      }),
    });
    const gateway = createDefaultGateway({
      extraProviders: [fake('sim', 'simulated'), fake('openai', 'stub')],
    });
    expect((await gateway.complete(ask('sim-mini'), {})).text).toBe('simulated');
    expect((await gateway.complete(ask('openai:gpt-4o'), {})).text).toBe('stub');
  });
});
