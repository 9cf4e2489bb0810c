import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import { closePubSub, pubSubClient } from '../redis/pubsub-clients.js';

/** How long a learner's count of today's submissions on a challenge is kept without a new one. */
const COUNT_TTL_MS = 5000;

/** Entries kept per process; beyond it the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
  count: Promise<number>;
  expires: number;
}

/**
 * A learner's submissions today on a challenge, as the challenge page shows them, from memory:
 * the count changes only when they submit, which drops it at once here and, over Redis pub/sub, in
 * every other API process; an entry never outlives the UTC day it counts. While the subscription
 * is down nothing is served from memory. The daily cap itself is always counted in Postgres.
 */
@Injectable()
export class SubmissionCounts implements OnApplicationShutdown {
  private readonly logger = new Logger('SubmissionCounts');
  private readonly entries = new Map<string, Entry>();
  private subscriber?: Redis;
  private publisher?: Redis;
  /** Whether the channel is subscribed now: only then is memory trusted. */
  private live = false;
  /** Bumped by every drop: a count read before one is not stored (it may predate the submission). */
  private generation = 0;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  private channel(): string {
    return `${this.config.REPS_REDIS_PREFIX}:events:changed:submitted`;
  }

  /** Today's count for (learner, slug), from memory or from `read`. */
  today(userId: string, slug: string, read: () => Promise<number>): Promise<number> {
    const live = this.subscribe();
    const key = `${userId}\u0000${slug}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (live && hit && hit.expires > now) return hit.count;
    const generation = this.generation;
    const count = read();
    if (live) {
      count.then(
        () => {
          if (generation !== this.generation) return;
          this.entries.set(key, { count, expires: Math.min(now + COUNT_TTL_MS, nextUtcMidnight(now)) });
          if (this.entries.size > MAX_ENTRIES)
            this.entries.delete(this.entries.keys().next().value as string);
        },
        () => undefined,
      );
    }
    return count;
  }

  /** A learner submitted on `slug`: their count is read afresh here and in every other API process. */
  async counted(userId: string, slug: string): Promise<void> {
    this.drop(`${userId}\u0000${slug}`);
    this.publisher ??= this.connect();
    await this.publisher
      .publish(this.channel(), `${userId}\u0000${slug}`)
      .catch((error: Error) => this.logger.warn({ event: 'announce_failed', error: error.message }));
  }

  private drop(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Subscribes on first use; true when the subscription is up. */
  private subscribe(): boolean {
    if (this.subscriber) return this.live;
    const subscriber = this.connect();
    // Messages missed while disconnected are lost: drop everything when the connection goes, and
    // trust memory again only once the channel is subscribed anew.
    subscriber.on('ready', () => {
      subscriber
        .subscribe(this.channel())
        .then(() => {
          this.generation++;
          this.entries.clear();
          this.live = true;
        })
        .catch((error: Error) => this.logger.warn({ event: 'subscribe_failed', error: error.message }));
    });
    subscriber.on('close', () => {
      this.live = false;
      this.generation++;
      this.entries.clear();
    });
    subscriber.on('message', (_channel: string, key: string) => this.drop(key));
    this.subscriber = subscriber;
    return false;
  }

  private connect(): Redis {
    return pubSubClient(this.config.REDIS_URL);
  }

  async onApplicationShutdown(): Promise<void> {
    await closePubSub(this.subscriber, this.publisher);
  }
}

function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
