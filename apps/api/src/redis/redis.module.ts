import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import { ReadCache } from './read-cache.js';

/**
 * One shared Redis connection for the API's own use (health, rate limits, caches). BullMQ opens
 * its own connections from the same URL.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;
  constructor(@Inject(CONFIG) config: Config) {
    this.client = new Redis(config.REDIS_URL, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    // Errors surface through health checks; without a listener ioredis logs every reconnect attempt.
    this.client.on('error', () => {});
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Global()
@Module({ providers: [RedisService, ReadCache], exports: [RedisService, ReadCache] })
export class RedisModule {}
