import { RepsError } from '@reps/shared';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

describe('RedisThrottlerStorage', () => {
  it('answers service_unavailable (a 503), not a 500 or a pass, while Redis is not reachable', async () => {
    // A real client on a port nothing listens on, with no offline queue (as the API's client).
    const redis = new Redis({
      host: '127.0.0.1',
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      const storage = new RedisThrottlerStorage(redis, 'test');
      const failure = await storage.increment('k', 1000, 5, 1000, 'default').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(RepsError);
      expect((failure as RepsError).code).toBe('service_unavailable');
      expect((failure as RepsError).message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      redis.disconnect();
    }
  });
});
