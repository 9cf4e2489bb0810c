import { jest } from '@jest/globals';
import { Client } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(120_000);

describe('rate limits on writes', () => {
  it('answers 429 past the per-user write limit, per user, and never limits reads', async () => {
    const d = new Deployment();
    try {
      await d.start('throttle', { REPS_WRITES_PER_MINUTE: '8' });
      // Registering was one write of this learner's address; now count the learner's own.
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++)
        statuses.push((await d.client.post('/me/tokens', { name: `t${i}` })).status);
      expect(statuses.slice(0, 8).every((s) => s === 201)).toBe(true);
      const limited = await d.client.post('/me/tokens', { name: 'one more' });
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ code: 'too_many_requests' });
      expect(limited.body.error.message).toMatch(/try again in \d+ s/);
      expect((await d.client.get('/me/tokens')).status).toBe(200);

      const someoneElse = new Client();
      someoneElse.baseUrl = d.url;
      const handle = `throttle-b-${Date.now().toString(36)}`;
      expect(
        (
          await someoneElse.post('/auth/register', {
            email: `${handle}@example.test`,
            handle,
            password: 'a long test password',
          })
        ).status,
      ).toBe(201);
      expect((await someoneElse.post('/me/tokens', { name: 'mine' })).status).toBe(201);
    } finally {
      await d.stop();
    }
  });
});
