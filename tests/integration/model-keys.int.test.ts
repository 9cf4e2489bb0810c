import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import pg from 'pg';
import { Client } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(120_000);

const openaiPipeline = `name: real-model
budget: { max_calls: 2 }
steps:
  - id: answer
    llm:
      model: openai:gpt-4o-mini
      prompt: "{{ input.question }} Reply as JSON with the sum."
      output: { json: { type: object, required: [sum], properties: { sum: { type: integer } } } }
  - id: result
    output: answer
`;

/** A local server that speaks the OpenAI Chat Completions API and remembers who called it. */
async function fakeOpenAI() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push(req.headers);
      const numbers = (JSON.parse(body).messages.at(-1).content.match(/-?\d+/g) ?? []).slice(1).map(Number);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: {
                role: 'assistant',
                content: JSON.stringify({ sum: numbers.reduce((a: number, b: number) => a + b, 0) }),
              },
            },
          ],
          usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    seen,
    close: () => server.close(),
  };
}

describe("learners' own model keys", () => {
  it('are stored encrypted, shown as a hint, and sent to the provider for that learner only', async () => {
    const fake = await fakeOpenAI();
    const d = new Deployment();
    try {
      await d.start('keys', { REPS_OPENAI_BASE_URL: fake.url });
      d.startWorker();
      const key = 'sk-learner-own-key-7Q2x';
      const saved = await d.client.request('PUT', '/me/model-keys/openai', { api_key: key });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ provider: 'openai', hint: '…7Q2x' });
      const listed = await d.client.get('/me/model-keys');
      expect(JSON.stringify(listed.body)).not.toContain(key);
      const { rows } = await d.db!.query('SELECT encrypted_key FROM model_keys');
      expect(rows[0].encrypted_key).not.toContain('learner-own-key');

      const run = await d.client.post('/challenges/echo-sum/runs', { pipeline: openaiPipeline });
      expect(run.status).toBe(200);
      expect(run.body.result.statuses).toEqual({ ok: 5 });
      expect(fake.seen.length).toBe(5);
      expect(fake.seen.every((h) => h.authorization === `Bearer ${key}`)).toBe(true);

      // Another learner without a key uses the server's configuration (here: no key at all).
      const other = new Client();
      other.baseUrl = d.url;
      const handle = `nokey-${Date.now().toString(36)}`;
      await other.post('/auth/register', {
        email: `${handle}@example.test`,
        handle,
        password: 'a long test password',
      });
      fake.seen.length = 0;
      expect((await other.post('/challenges/echo-sum/runs', { pipeline: openaiPipeline })).status).toBe(200);
      expect(fake.seen.length).toBe(5);
      expect(fake.seen.some((h) => h.authorization?.includes(key))).toBe(false);

      expect((await d.client.delete('/me/model-keys/openai')).status).toBe(204);
      expect((await d.client.delete('/me/model-keys/openai')).status).toBe(404);
      expect((await d.client.request('PUT', '/me/model-keys/mistral', { api_key: key })).status).toBe(400);
    } finally {
      fake.close();
      await d.stop();
    }
  });
});
