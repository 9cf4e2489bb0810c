import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { InvalidationChannel } from '../redis/invalidation-channel.js';
import { noteKeptRead } from '../redis/read-cache.js';

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
  private readonly channel: InvalidationChannel;
  /** Bumped by every drop: a count read before one is not stored (it may predate the submission). */
  private generation = 0;

  constructor(@Inject(CONFIG) config: Config) {
    const name = `${config.REPS_REDIS_PREFIX}:events:changed:submitted`;
    this.channel = new InvalidationChannel(config.REDIS_URL, name, this.logger, {
      message: (key) => this.drop(key),
      reset: () => {
        this.generation++;
        this.entries.clear();
      },
    });
  }

  /** Today's count for (learner, slug), from memory or from `read`. */
  today(userId: string, slug: string, read: () => Promise<number>): Promise<number> {
    const live = this.channel.listen();
    const key = `${userId}\u0000${slug}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (live && hit && hit.expires > now) {
      // A page built from it is stale once the entry is dropped (a submission, a lost subscription).
      noteKeptRead(hit.expires, () => this.entries.get(key) === hit);
      return hit.count;
    }
    const generation = this.generation;
    const count = read();
    const expires = Math.min(now + COUNT_TTL_MS, nextUtcMidnight(now));
    // Valid only once kept, which it is not when a drop came first or nothing is kept at all.
    noteKeptRead(expires, () => this.entries.get(key)?.count === count);
    if (live) {
      count.then(
        () => {
          if (generation !== this.generation) return;
          this.entries.set(key, { count, expires });
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
    await this.channel.announce(`${userId}\u0000${slug}`);
  }

  private drop(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close();
  }
}

function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
