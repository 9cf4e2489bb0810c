import { Inject, Injectable } from '@nestjs/common';
import { type Config, RepsError } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';
import { DEVICE_DAYS } from './device-token.js';

/** Attempts per account and client address before delays start, and the longest delay between two. */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_S = 15 * 60;
/** Attempts per client address in a window, whatever accounts they aim at. */
const MAX_PER_ADDRESS = 30;
const ADDRESS_WINDOW_S = 15 * 60;
/** How long the count of one address's failures on one account is remembered after the last one. */
const PAIR_MEMORY_S = 24 * 3600;
/**
 * Failed attempts on one account in a window, from all addresses together, before every attempt on
 * it (the owner's too) is delayed: far more than one address may make (30 in 15 minutes), so only
 * guessing spread over many addresses reaches it.
 */
export const ACCOUNT_FREE_ATTEMPTS = 100;
const ACCOUNT_WINDOW_S = 3600;

/**
 * One attempt, counted before the password is checked (so parallel guesses cannot all pass a check
 * made before any of them was counted). KEYS: count and next-allowed time of this account from this
 * address, address count, count and next-allowed time of the account from every address, failures
 * made with this device token. ARGV: now (ms), free attempts, max delay (s), address limit, address
 * window (s), pair memory (s), account free attempts, account window (s), '1' when the attempt
 * presents a device token of the account, device memory (s). An attempt with a device token that
 * has fewer than `free attempts` failures is exempt: it skips the account-wide delay and counts on
 * the device instead of the account. Returns [0, wait ms, 0] when refused, [1, 0, exempt] when the
 * attempt may go ahead.
 */
const ATTEMPT = `
local now = tonumber(ARGV[1])
local maxDelay = tonumber(ARGV[3])
local free = tonumber(ARGV[2])
local pairNext = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < pairNext then return {0, pairNext - now, 0} end
local exempt = ARGV[9] == '1' and tonumber(redis.call('GET', KEYS[6]) or '0') < free
if not exempt then
  local accountNext = tonumber(redis.call('GET', KEYS[5]) or '0')
  if now < accountNext then return {0, accountNext - now, 0} end
end
local perAddress = redis.call('INCR', KEYS[3])
if perAddress == 1 then redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5])) end
if perAddress > tonumber(ARGV[4]) then return {0, redis.call('PTTL', KEYS[3]), 0} end
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]))
if count >= free then
  local delay = math.min(2 ^ (count - free), maxDelay) * 1000
  redis.call('SET', KEYS[2], now + delay, 'PX', math.floor(delay) + 1000)
end
if exempt then
  redis.call('INCR', KEYS[6])
  redis.call('EXPIRE', KEYS[6], tonumber(ARGV[10]))
  return {1, 0, 1}
end
local perAccount = redis.call('INCR', KEYS[4])
if perAccount == 1 then redis.call('EXPIRE', KEYS[4], tonumber(ARGV[8])) end
local accountFree = tonumber(ARGV[7])
if perAccount >= accountFree then
  local delay = math.min(2 ^ (perAccount - accountFree), maxDelay) * 1000
  redis.call('SET', KEYS[5], now + delay, 'PX', math.floor(delay) + 1000)
end
return {1, 0, 0}
`;

/**
 * A right password: clear this address's count on the account, and give the attempt back to the
 * address and to where else it was counted (the account's count across addresses, or the device's
 * when the attempt was exempt, ARGV[1] = '1'), each only while that count still exists (a DECR on an
 * expired key would leave -1 with no expiry). A delay of the whole account stays: a distributed
 * guesser must not get more guesses each time the owner signs in. Nor are a device token's earlier
 * failures forgiven: the success gives the browser a new token, and the old one, if it was copied,
 * keeps its count.
 */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
local spent = ARGV[1] == '1' and KEYS[5] or KEYS[4]
local left = tonumber(redis.call('GET', spent) or '0')
if left == 1 and spent == KEYS[5] then redis.call('DEL', spent)
elseif left > 0 then redis.call('DECR', spent) end
`;

/**
 * Brute-force protection for sign-in, shared by every API process through Redis. Each attempt is
 * counted first, then allowed or refused, on three counts:
 * - per account (the user's id, so email and handle are one account) and client address: the
 *   first FREE_ATTEMPTS go through at once and each later one must wait twice as long as the one
 *   before (1 s, 2 s, 4 s … up to 15 min). Only that address waits: handles are public, and a delay
 *   of the whole account would let anyone keep its owner out by failing a few times an hour;
 * - per client address, at most 30 failed attempts in 15 minutes, whatever accounts they aim at;
 * - per account across all addresses, ACCOUNT_FREE_ATTEMPTS failures in an hour; past them every attempt on
 *   the account waits, doubling again, so guessing spread over many addresses is still bounded
 *   (some 110 guesses an hour). Only a distributed attack gets there. So that such an attack
 *   cannot keep the owner out, an attempt that presents a device token (DeviceTokens: set on each
 *   successful sign-in, naming the account) skips this delay and counts on that device instead of
 *   the account; after FREE_ATTEMPTS failures with one token it no longer does, so a stolen device
 *   cookie gives a handful of guesses, not unlimited ones. The other two counts apply to it as usual.
 * A right password clears its address's count on the account and gives the attempt back.
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

  /** The keys of ATTEMPT and SUCCEEDED. */
  private keys(account: string, address: string, device: string | undefined): string[] {
    return [
      this.key('count', account, address),
      this.key('next', account, address),
      this.key('address', address),
      this.key('account', account),
      this.key('account-next', account),
      this.key('device', account, device ?? '-'),
    ];
  }

  /**
   * Counts an attempt on `account` (a user id, or the login as typed when no user has it), made with
   * the device token whose id is `device` when the attempt presents a valid one for this account.
   * Returns whether the attempt was exempt from the account-wide delay (pass it to `succeeded`).
   */
  async attempt(account: string, address: string, device?: string): Promise<{ exempt: boolean }> {
    const [allowed, waitMs, exempt] = (await this.redis.client.eval(
      ATTEMPT,
      6,
      ...this.keys(account, address, device),
      Date.now(),
      FREE_ATTEMPTS,
      MAX_DELAY_S,
      MAX_PER_ADDRESS,
      ADDRESS_WINDOW_S,
      PAIR_MEMORY_S,
      ACCOUNT_FREE_ATTEMPTS,
      ACCOUNT_WINDOW_S,
      device ? '1' : '0',
      DEVICE_DAYS * 24 * 3600,
    )) as [number, number, number];
    if (allowed === 1) return { exempt: exempt === 1 };
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RepsError(
      'too_many_requests',
      seconds < 120
        ? `Too many failed sign-ins; try again in ${seconds} s.`
        : `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes.`,
    );
  }

  /** A right password: this address starts afresh on the account and gets its attempt back. */
  async succeeded(
    account: string,
    address: string,
    device: string | undefined,
    exempt: boolean,
  ): Promise<void> {
    const keys = this.keys(account, address, device);
    await this.redis.client.eval(SUCCEEDED, 5, ...keys.slice(0, 4), keys[5], exempt ? '1' : '0');
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
