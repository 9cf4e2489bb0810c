import type { Completion } from './types.js';

/**
 * Where the gateway keeps completions of real models, by cache key (see cache-key.ts). Methods may
 * be synchronous (in memory) or asynchronous (a Redis-backed cache the platform plugs in).
 */
export interface ResponseCache {
  get(key: string): Completion | undefined | Promise<Completion | undefined>;
  set(key: string, completion: Completion): void | Promise<void>;
}

export const DEFAULT_CACHE_ENTRIES = 1000;

/** An in-memory least-recently-used cache holding at most `maxEntries` completions. */
export class LruResponseCache implements ResponseCache {
  // A Map iterates in insertion order: re-inserting on read keeps the oldest entry first.
  private readonly entries = new Map<string, Completion>();

  constructor(private readonly maxEntries: number = DEFAULT_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`LruResponseCache needs at least 1 entry, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Completion | undefined {
    const completion = this.entries.get(key);
    if (completion === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, completion);
    // A copy: the caller may change the completion (its json) without changing the cache.
    return structuredClone(completion);
  }

  set(key: string, completion: Completion): void {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(completion));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
