import { Inject, Injectable } from '@nestjs/common';
import { type Config, RepsError } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';

/** Attempts per account before delays start, and the longest delay between two attempts. */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_S = 15 * 60;
/** Attempts per client address in a window, whatever accounts they aim at. */
const MAX_PER_ADDRESS = 30;
const ADDRESS_WINDOW_S = 15 * 60;
/** How long an account's count of failures is remembered after the last one. */
const ACCOUNT_MEMORY_S = 24 * 3600;

/**
 * One attempt, counted before the password is checked (so parallel guesses cannot all pass a check
 * made before any of them was counted). KEYS: account count, account next-allowed time, address
 * count. ARGV: now (ms), free attempts, max delay (s), address limit, address window (s), account
 * memory (s). Returns [0, wait ms] when refused, [1, 0] when the attempt may go ahead.
 */
const ATTEMPT = `
local now = tonumber(ARGV[1])
local nextAllowed = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nextAllowed then return {0, nextAllowed - now} end
local perAddress = redis.call('INCR', KEYS[3])
if perAddress == 1 then redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5])) end
if perAddress > tonumber(ARGV[4]) then return {0, redis.call('PTTL', KEYS[3])} end
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]))
local free = tonumber(ARGV[2])
if count >= free then
  local delay = math.min(2 ^ (count - free), tonumber(ARGV[3])) * 1000
  redis.call('SET', KEYS[2], now + delay, 'PX', math.floor(delay) + 1000)
end
return {1, 0}
`;

/**
 * A right password: clear the account's count and give the address its attempt back, only while
 * the address count still exists (a DECR on an expired key would leave -1 with no expiry).
 */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
`;

/**
 * Brute-force protection for sign-in, shared by every API process through Redis. Each attempt is
 * counted first, then allowed or refused: per account (the user's id, so email and handle are one
 * account), the first FREE_ATTEMPTS go through at once and each later one must wait twice as long
 * as the one before (1 s, 2 s, 4 s … up to 15 min) — a delay, never a lockout, so the owner can
 * still sign in; per client address, at most 30 failed attempts in 15 minutes (an attempt is
 * counted when it starts and given back when it succeeds). A successful sign-in clears the
 * account's count.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private key(...parts: string[]): string {
    return [this.config.REPS_REDIS_PREFIX, 'login', ...parts].join(':');
  }

  /** Counts an attempt on `account` (a user id, or the login as typed when no user has it). */
  async attempt(account: string, address: string): Promise<void> {
    const [allowed, waitMs] = (await this.redis.client.eval(
      ATTEMPT,
      3,
      this.key('count', account),
      this.key('next', account),
      this.key('address', address),
      Date.now(),
      FREE_ATTEMPTS,
      MAX_DELAY_S,
      MAX_PER_ADDRESS,
      ADDRESS_WINDOW_S,
      ACCOUNT_MEMORY_S,
    )) as [number, number];
    if (allowed === 1) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RepsError(
      'too_many_requests',
      seconds < 120
        ? `Too many failed sign-ins; try again in ${seconds} s.`
        : `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes.`,
    );
  }

  /** A right password: the account starts afresh and the address gets its attempt back. */
  async succeeded(account: string, address: string): Promise<void> {
    await this.redis.client.eval(
      SUCCEEDED,
      3,
      this.key('count', account),
      this.key('next', account),
      this.key('address', address),
    );
  }

  /**
   * Registrations per client address and hour (REPS_REGISTRATIONS_PER_HOUR): counted first, then
   * checked, like sign-ins.
   */
  async registration(address: string): Promise<void> {
    const key = this.key('register', address);
    const [[, count]] = (await this.redis.client.multi().incr(key).expire(key, 3600, 'NX').exec()) as [
      [unknown, number],
    ];
    if (count <= this.config.REPS_REGISTRATIONS_PER_HOUR) return;
    const ttl = Math.max(await this.redis.client.ttl(key), 1);
    throw new RepsError(
      'too_many_requests',
      `Too many accounts created from this address; try again in ${Math.ceil(ttl / 60)} minutes.`,
    );
  }
}
