import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import { closePubSub, pubSubClient } from './pubsub-clients.js';

/** What a change makes stale: standings (a grade, a review) or the catalogue (a version published). */
export type ReadTopic = 'standings' | 'catalogue';

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/** Public entries kept per process; beyond it the least recently read go first. */
export const MAX_PUBLIC_ENTRIES = 2000;
/**
 * Entries particular to one learner (getPersonal), bounded apart so that many signed-in learners
 * cannot push out the pages everyone reads.
 */
export const MAX_PERSONAL_ENTRIES = 2000;

/**
 * What one request read through the cache, while it is traced (traceReads): the earliest expiry
 * of the entries it used, the topics they belong to, and each topic's generation when first read;
 * and, for what it read from memory kept elsewhere (noteKeptRead), a check that the value is still
 * the one kept. Whatever is built from those reads (a serialised answer, common/fast-reads.ts) is
 * stale once any of them expires, any generation moves on or any check fails.
 */
export interface ReadTrace {
  expires: number;
  generations: Map<ReadTopic, number>;
  checks: (() => boolean)[];
}

const traces = new AsyncLocalStorage<ReadTrace>();

/** Runs `work` (and everything it awaits) with its cache reads noted in `trace`, a new one. */
export function traceReads<T>(work: (trace: ReadTrace) => T): T {
  const trace: ReadTrace = { expires: Number.POSITIVE_INFINITY, generations: new Map(), checks: [] };
  return traces.run(trace, work, trace);
}

/**
 * Notes, in the running trace if there is one, a read from memory kept outside ReadCache (today's
 * submission count): valid until `expires` and while `stillKept` says the value read is still the
 * one kept (not dropped, replaced or cleared since).
 */
export function noteKeptRead(expires: number, stillKept: () => boolean): void {
  const trace = traces.getStore();
  if (!trace) return;
  trace.expires = Math.min(trace.expires, expires);
  trace.checks.push(stillKept);
}

/**
 * Public reads (catalogue, challenge pages, leaderboards, ratings) served from memory for a second
 * or a few: each key is computed once however many requests ask at the same moment, kept for its
 * TTL, and dropped at once in every API process when a worker says it changed (Redis pub/sub), so
 * a learner sees their grade on the board as soon as it is recorded. What anyone may read and what
 * is particular to one learner (getPersonal: their own row, their bests) are bounded apart.
 */
@Injectable()
export class ReadCache implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadCache');
  private readonly entries = new Map<string, Entry>();
  private readonly personal = new Map<string, Entry>();
  /** Bumped each time a topic's entries are dropped, so a trace can tell it read a dropped entry. */
  private readonly generations = new Map<ReadTopic, number>([
    ['standings', 0],
    ['catalogue', 0],
  ]);
  private readonly dropListeners: ((topic: ReadTopic) => void)[] = [];
  private subscriber?: Redis;
  private publisher?: Redis;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  private channel(topic: ReadTopic): string {
    return `${this.config.REPS_REDIS_PREFIX}:events:changed:${topic}`;
  }

  /** The cached value of `key` (under `topic`), computed by `compute` when missing or older than `ttlMs`. */
  get<T>(topic: ReadTopic, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    return this.read(this.entries, MAX_PUBLIC_ENTRIES, topic, key, ttlMs, compute);
  }

  /** As get, for a value particular to one learner (their own row, their bests): kept apart. */
  getPersonal<T>(topic: ReadTopic, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    return this.read(this.personal, MAX_PERSONAL_ENTRIES, topic, key, ttlMs, compute);
  }

  private read<T>(
    entries: Map<string, Entry>,
    max: number,
    topic: ReadTopic,
    key: string,
    ttlMs: number,
    compute: () => Promise<T>,
  ): Promise<T> {
    this.subscribe();
    const full = `${topic}\u0000${key}`;
    const now = Date.now();
    const hit = entries.get(full);
    if (hit && hit.expires > now) {
      // Re-inserted, so the entries read most stay the longest.
      entries.delete(full);
      entries.set(full, hit);
      this.note(topic, hit.expires);
      return hit.value as Promise<T>;
    }
    const value = compute();
    entries.delete(full);
    entries.set(full, { value, expires: now + ttlMs });
    this.note(topic, now + ttlMs);
    // A failed computation is not kept.
    value.catch(() => {
      if (entries.get(full)?.value === value) entries.delete(full);
    });
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
    return value;
  }

  /**
   * How many times `topic` has been dropped in this process: what a reader outside the cache notes
   * before a read, to tell afterwards (unchangedSince) whether its result may already be stale.
   */
  generation(topic: ReadTopic): number {
    return this.generations.get(topic) ?? 0;
  }

  /** True while nothing `trace` read has been dropped (its expiry is the caller's to check). */
  unchangedSince(trace: Pick<ReadTrace, 'generations'>): boolean {
    for (const [topic, generation] of trace.generations)
      if (this.generations.get(topic) !== generation) return false;
    return true;
  }

  /** Calls `listener` whenever this process drops a topic's entries (a change here or in another process). */
  onDrop(listener: (topic: ReadTopic) => void): void {
    this.dropListeners.push(listener);
  }

  private note(topic: ReadTopic, expires: number): void {
    const trace = traces.getStore();
    if (!trace) return;
    trace.expires = Math.min(trace.expires, expires);
    if (!trace.generations.has(topic)) trace.generations.set(topic, this.generations.get(topic) ?? 0);
  }

  /** Drops this process's entries of `topic` and tells every other process to do the same. */
  async changed(topic: ReadTopic): Promise<void> {
    this.drop(topic);
    this.publisher ??= this.connect();
    await this.publisher.publish(this.channel(topic), '1').catch(() => undefined);
  }

  private drop(topic: ReadTopic): void {
    for (const entries of [this.entries, this.personal])
      for (const key of entries.keys()) if (key.startsWith(`${topic}\u0000`)) entries.delete(key);
    this.generations.set(topic, (this.generations.get(topic) ?? 0) + 1);
    for (const listener of this.dropListeners) listener(topic);
  }

  /** Listens for changes from other processes, from the first read on (workers never read). */
  private subscribe(): void {
    if (this.subscriber) return;
    const subscriber = this.connect();
    // Messages missed while disconnected are lost: drop everything when the connection comes back.
    subscriber.on('ready', () => {
      this.drop('standings');
      this.drop('catalogue');
    });
    subscriber.on('message', (channel: string) => {
      for (const topic of ['standings', 'catalogue'] as const)
        if (channel === this.channel(topic)) this.drop(topic);
    });
    subscriber
      .subscribe(this.channel('standings'), this.channel('catalogue'))
      .catch((error: Error) => this.logger.warn({ event: 'subscribe_failed', error: error.message }));
    this.subscriber = subscriber;
  }

  private connect(): Redis {
    return pubSubClient(this.config.REDIS_URL);
  }

  async onApplicationShutdown(): Promise<void> {
    await closePubSub(this.subscriber, this.publisher);
  }
}
