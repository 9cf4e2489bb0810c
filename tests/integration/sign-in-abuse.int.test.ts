import { jest } from '@jest/globals';
import { Client } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(120_000);

/** Address-based limits, on a deployment of their own (own Redis prefix, so no other test shares them). */
describe('sign-in and registration limits per client address', () => {
  const d = new Deployment();
  beforeAll(() => d.start('abuse', { REPS_REGISTRATIONS_PER_HOUR: '3' }));
  afterAll(() => d.stop());

  function client(): Client {
    const c = new Client();
    c.baseUrl = d.url;
    return c;
  }

  it('does not trust X-Forwarded-For by default: a spoofed address is still the real one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const reply = await client().request(
        'POST',
        '/auth/login',
        { login: `nobody-${i}@example.test`, password: 'wrong' },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      statuses.push(reply.status);
    }
    // 30 failures from 127.0.0.1 whatever each claimed, then the address waits.
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it('limits registrations per address and hour (REPS_REGISTRATIONS_PER_HOUR)', async () => {
    // Deployment.start registered one learner already.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const handle = `reg-${Date.now().toString(36)}-${i}`;
      const reply = await client().request(
        'POST',
        '/auth/register',
        { email: `${handle}@example.test`, handle, password: 'a long test password' },
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });
});
