import { jest } from '@jest/globals';
import { Client, newLearner } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

// Each device test first drives an account into the account-wide delay: 100+ sign-ins and ~15 s of waiting.
jest.setTimeout(300_000);

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

/**
 * The device cookie (issue 12): ~22 addresses failing 5 times each put the whole account under the
 * account-wide delay, but must not keep out its owner, who signs in from a browser that has signed in
 * to the account before. Strangers (and other accounts' device cookies) still wait.
 */
describe('sign-in from a known device during a distributed attack', () => {
  const d = new Deployment();
  beforeAll(() => d.start('devices', { REPS_TRUST_PROXY: '1' }));
  afterAll(() => d.stop());

  let nextAddress = 0;
  /** A client address no other attempt in this deployment used. */
  function freshAddress(): string {
    const n = nextAddress++;
    return `172.${16 + Math.floor(n / 62500)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  }

  function from(address: string, login: string, password: string, cookie?: string) {
    const c = new Client();
    c.baseUrl = d.url;
    c.cookie = cookie;
    return c.request('POST', '/auth/login', { login, password }, { 'x-forwarded-for': address });
  }

  /** The `reps_device=…` pair a sign-in set. */
  function deviceCookieOf(reply: { headers: Headers }): string {
    const set = reply.headers.getSetCookie().find((c) => c.startsWith('reps_device='));
    if (!set) throw new Error(`no device cookie in ${JSON.stringify(reply.headers.getSetCookie())}`);
    return set.split(';')[0];
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Fails on `handle` from ever new addresses, 5 each (so no address is delayed by its own count),
   * until the account-wide delay applies and is long enough (≥ 10 s left) that the checks after it
   * do not race it on a slow machine: past 100 failures the delay doubles with each one, so this
   * waits it out a few times (1 + 2 + 4 + 8 s).
   */
  async function delayAccount(handle: string): Promise<void> {
    let address = freshAddress();
    let failures = 0;
    for (let i = 0; i < 200; i++) {
      if (failures > 0 && failures % 5 === 0) address = freshAddress();
      const reply = await from(address, handle, `guess-${i}`);
      if (reply.status === 401) {
        failures++;
        continue;
      }
      expect(reply.status).toBe(429);
      const seconds = Number(/try again in (\d+) s/.exec(reply.body.error.message)?.[1] ?? 120);
      if (seconds >= 10) return;
      await sleep(seconds * 1000 + 300);
    }
    throw new Error(`the account-wide delay never reached 10 s (${failures} failures)`);
  }

  it('lets the owner in from a device that signed in before, while strangers wait', async () => {
    const { handle, password } = await newLearner('device-owner', d.url);
    const first = await from('198.51.100.40', handle, password);
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('reps_device='))).toMatch(
      /; Path=\/api\/auth; HttpOnly; SameSite=Lax; Max-Age=31536000$/,
    );

    await delayAccount(handle);
    // Anyone without the cookie waits, even with the right password, from an address never seen.
    const stranger = await from(freshAddress(), handle, password);
    expect(stranger.status).toBe(429);
    expect(stranger.body.error.message).toMatch(/try again in \d+ s/);
    // The owner, from a new address with the device cookie, is in at once, and gets a new cookie.
    const owner = await from('198.51.100.41', handle, password, device);
    expect(owner.status).toBe(200);
    expect(owner.body.user.handle).toBe(handle);
    const renewed = deviceCookieOf(owner);
    expect(renewed).not.toBe(device);
    expect((await from('198.51.100.42', handle, password, renewed)).status).toBe(200);
    // The owner's sign-in lifted nothing for the others.
    expect((await from(freshAddress(), handle, password)).status).toBe(429);
  });

  it('a device cookie of another account, or a forged one, does not exempt', async () => {
    const victim = await newLearner('device-victim', d.url);
    const other = await newLearner('device-other', d.url);
    const otherSignIn = await from('198.51.100.50', other.handle, other.password);
    expect(otherSignIn.status).toBe(200);
    const otherDevice = deviceCookieOf(otherSignIn);
    const victimSignIn = await from('198.51.100.51', victim.handle, victim.password);
    const victimDevice = deviceCookieOf(victimSignIn);

    await delayAccount(victim.handle);
    expect((await from(freshAddress(), victim.handle, victim.password, otherDevice)).status).toBe(429);
    // The victim's own token with its signature altered.
    const [value, mac] = victimDevice.slice('reps_device='.length).split('.');
    const forged = `reps_device=${value}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect((await from(freshAddress(), victim.handle, victim.password, forged)).status).toBe(429);
    // The genuine one still does.
    expect((await from(freshAddress(), victim.handle, victim.password, victimDevice)).status).toBe(200);
  });

  it('5 wrong passwords with a device cookie end its exemption', async () => {
    const { handle, password } = await newLearner('device-stolen', d.url);
    const signIn = await from('198.51.100.60', handle, password);
    const device = deviceCookieOf(signIn);

    await delayAccount(handle);
    // A thief with the cookie gets past the account-wide delay for 5 guesses (each from a new
    // address, so no address's own count is what stops them) …
    for (let i = 0; i < 5; i++) {
      expect((await from(freshAddress(), handle, `stolen-guess-${i}`, device)).status).toBe(401);
    }
    // … and then the cookie is worth nothing: even the right password waits like a stranger's.
    const after = await from(freshAddress(), handle, password, device);
    expect(after.status).toBe(429);
    expect(after.body.error.message).toMatch(/try again in \d+ s/);
  });
});
