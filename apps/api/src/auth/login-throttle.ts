import { Inject, Injectable } from '@nestjs/common';
import { type Config, RepsError } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';

const WINDOW_S = 15 * 60;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_ADDRESS = 30;

/**
 * Brute-force protection for sign-in: failed attempts are counted per account and per client
 * address in Redis (so every API process shares the count) for 15 minutes; past the limit,
 * sign-in answers 429 until the window ends, even with the right password.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private keys(login: string, address: string): [string, string] {
    const prefix = `${this.config.REPS_REDIS_PREFIX}:login-fail`;
    return [`${prefix}:account:${login.toLowerCase()}`, `${prefix}:address:${address}`];
  }

  async assertAllowed(login: string, address: string): Promise<void> {
    const [account, addr] = this.keys(login, address);
    const [a, b] = await this.redis.client.mget(account, addr);
    if (Number(a ?? 0) < MAX_PER_ACCOUNT && Number(b ?? 0) < MAX_PER_ADDRESS) return;
    const ttl = Math.max(await this.redis.client.ttl(Number(a ?? 0) >= MAX_PER_ACCOUNT ? account : addr), 1);
    throw new RepsError(
      'too_many_requests',
      `Too many failed sign-ins; try again in ${Math.ceil(ttl / 60)} minute${ttl > 60 ? 's' : ''}.`,
    );
  }

  async recordFailure(login: string, address: string): Promise<void> {
    const pipeline = this.redis.client.multi();
    for (const key of this.keys(login, address)) pipeline.incr(key).expire(key, WINDOW_S, 'NX');
    await pipeline.exec();
  }

  async reset(login: string): Promise<void> {
    await this.redis.client.del(this.keys(login, '')[0]);
  }
}
