import { jest } from '@jest/globals';
import pg from 'pg';
import { Client } from '../support/client.js';
import { Deployment } from '../support/deployment.js';
import { fakeOpenAI, modelPipeline } from '../support/fake-openai.js';

const openaiPipeline = modelPipeline('openai:gpt-4o-mini');

jest.setTimeout(120_000);

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
