import type { ThrottlerStorage } from '@nestjs/throttler';
import { RepsError } from '@reps/shared';
import type { Redis } from 'ioredis';

/**
 * Throttler counters in Redis, so every API process shares them (an in-memory store would give
 * each replica its own limit). One Lua call per request: count, expire, block.
 *
 * Redis not reachable (not connected yet, or gone: the client queues nothing offline) is a 503
 * `service_unavailable`, not a 500 and not a pass: a throttle that let requests through whenever
 * Redis is down would be no throttle during an outage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const hitsKey = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const blockKey = `${hitsKey}:blocked`;
    const [hits, hitsTtl, blockTtl] = (await this.redis
      .eval(
        `local blocked = redis.call('PTTL', KEYS[2])
       if blocked > 0 then return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), blocked} end
       local hits = redis.call('INCR', KEYS[1])
       if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
       if hits > tonumber(ARGV[2]) then redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]) return {hits, redis.call('PTTL', KEYS[1]), tonumber(ARGV[3])} end
       return {hits, redis.call('PTTL', KEYS[1]), 0}`,
        2,
        hitsKey,
        blockKey,
        ttl,
        limit,
        blockDuration,
      )
      .catch(() => {
        throw new RepsError(
          'service_unavailable',
          'Requests are counted in Redis, which is not reachable; try again shortly.',
        );
      })) as [number, number, number];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(hitsTtl / 1000)),
      isBlocked: blockTtl > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockTtl / 1000)),
    };
  }
}
