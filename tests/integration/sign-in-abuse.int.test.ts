import { jest } from '@jest/globals';
import { Client, newLearner } from '../support/client.js';
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

/**
 * Behind a proxy (REPS_TRUST_PROXY=1, so X-Forwarded-For names the client): failures delay the
 * address that makes them, not the account's owner elsewhere, until so many arrive from everywhere
 * that only a distributed attack explains them.
 */
describe('sign-in delays per account and address', () => {
  const d = new Deployment();
  beforeAll(() => d.start('lockout', { REPS_TRUST_PROXY: '1' }));
  afterAll(() => d.stop());

  function from(address: string, login: string, password: string) {
    const c = new Client();
    c.baseUrl = d.url;
    return c.request('POST', '/auth/login', { login, password }, { 'x-forwarded-for': address });
  }

  it("an attacker who knows a handle delays only their own address, never the owner's sign-in", async () => {
    const { handle, password } = await newLearner('owner', d.url);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await from('203.0.113.7', handle, `guess-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(statuses.at(-1)).toBe(429);
    // At once, from another address, with the right password.
    const owner = await from('198.51.100.20', handle, password);
    expect(owner.status).toBe(200);
    expect(owner.body.user.handle).toBe(handle);
    // The owner signing in does not give the attacker their guesses back: once the delay has
    // passed, their next failure doubles it.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await from('203.0.113.7', handle, 'guess-again')).status).toBe(401);
    const again = await from('203.0.113.7', handle, 'guess-once-more');
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/try again in [12] s/);
  });

  it('bounds guessing spread over many addresses: past 100 failures on an account, everyone waits', async () => {
    const { handle, password } = await newLearner('spread', d.url);
    for (let i = 0; i < 100; i++) {
      const address = `10.${Math.floor(i / 250)}.${i % 250}.9`;
      expect((await from(address, handle, `guess-${i}`)).status).toBe(401);
    }
    const owner = await from('198.51.100.21', handle, password);
    expect(owner.status).toBe(429);
    expect(owner.body.error.message).toMatch(/try again in \d+ s/);
    // A delay, not a lockout: once it has passed, the owner gets in.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await from('198.51.100.21', handle, password)).status).toBe(200);
  });
});
