import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Config, SubmissionEvent } from '@reps/shared';
import { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';

/** The stream's event, defined once with the statuses (packages/shared/src/api/statuses.ts). */
export type { SubmissionEvent };

/**
 * Progress of submissions over Redis pub/sub: workers publish (coarse steps only, see
 * ProgressSteps), every API process relays to its server-sent-event clients. Transient by design: the database holds the truth, and a client that
 * connects late first gets the stored state.
 */
@Injectable()
export class ProgressEvents implements OnApplicationShutdown {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<(event: SubmissionEvent) => void>>();

  constructor(
    private readonly redis: RedisService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private channel(id: string): string {
    return `${this.config.REPS_REDIS_PREFIX}:events:submission:${id}`;
  }

  async publish(event: SubmissionEvent): Promise<void> {
    await this.redis.client.publish(this.channel(event.id), JSON.stringify(event)).catch(() => undefined);
  }

  /** Calls `listener` for each event of the submission until the returned function is called. */
  async subscribe(id: string, listener: (event: SubmissionEvent) => void): Promise<() => void> {
    const subscriber = this.ensureSubscriber();
    const channel = this.channel(id);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await subscriber.subscribe(channel);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(channel);
        subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  private ensureSubscriber(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    subscriber.on('error', () => {});
    subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      const event = JSON.parse(message) as SubmissionEvent;
      for (const listener of set) listener(event);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
