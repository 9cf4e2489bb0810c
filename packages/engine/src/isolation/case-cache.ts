import { createHash } from 'node:crypto';
import type { CaseKind, ChallengeCase } from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';

/**
 * Default bound of the host's cache: about 20 hidden sets of the catalogue's largest (100 cases of
 * meeting-action-items are 3 MB of JSON), a hundred of most.
 */
export const DEFAULT_CASE_CACHE_BYTES = 64 * 1024 * 1024;

export interface CaseCacheStats {
  /** Gradings handed their cases from the cache. */
  hits: number;
  /** Gradings that had to generate theirs. */
  misses: number;
  /** Cases the generator ran for, in the threads of gradings using this cache. */
  generated: number;
  entries: number;
  /** What the entries weigh, counted as the UTF-8 bytes of their JSON. */
  bytes: number;
}

interface Entry {
  cases: ChallengeCase[];
  bytes: number;
}

/**
 * The cases gradings generated, kept in the host process (the worker, a calibration job) so the next
 * grading of the same version gets them with its job instead of generating them again: every
 * submission of a published version grades the same hidden set, and case i depends only on the
 * generator, the manifest, the kind, the secret and i. An entry holds the longest prefix generated
 * so far and serves any count up to it (50 cases are a prefix of 200).
 *
 * Keys are SHA-256 digests (the secret goes in as its own digest), so neither the secret nor the
 * cases can be read from a key. Entries live in memory only, are never logged or written anywhere,
 * and are bounded in bytes: the least recently used go first.
 */
export class GeneratedCaseCache {
  /** In use order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private generated = 0;

  constructor(readonly maxBytes = DEFAULT_CASE_CACHE_BYTES) {
    if (!Number.isInteger(maxBytes) || maxBytes < 0)
      throw new RangeError(`maxBytes must be a whole number ≥ 0, not ${maxBytes}`);
  }

  /** The key of a challenge version's cases of a kind (public cases ignore the secret). */
  static keyOf(challenge: LoadedChallenge, kind: CaseKind, secret?: string): string {
    const hash = createHash('sha256');
    const part = (text: string) => hash.update(`${Buffer.byteLength(text)}:`).update(text);
    part('reps-generated-cases-v1');
    part(kind);
    part(kind === 'hidden' && secret !== undefined ? digest(`reps-hidden-secret:${secret}`) : '-');
    part(JSON.stringify(challenge.manifest));
    part(challenge.generatorScript);
    return hash.digest('hex');
  }

  /** The first `count` cases under `key`, when that many were kept; counts a hit or a miss. */
  take(key: string, count: number): ChallengeCase[] | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.cases.length < count) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.cases.slice(0, count);
  }

  /**
   * Keeps the cases a grading generated (unless fewer than those kept already), then drops the least
   * recently used entries past the bound. A set bigger than the bound is not kept. The caller keeps
   * its array: the cache holds a frozen copy, and take() hands out a new array of its frozen cases,
   * so nothing a caller does to an outcome's cases reaches the next grading.
   */
  keep(key: string, cases: ChallengeCase[]): void {
    const old = this.entries.get(key);
    if (old && old.cases.length >= cases.length) return;
    const bytes = Buffer.byteLength(JSON.stringify(cases));
    if (old) this.drop(key, old);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { cases: deepFrozen(structuredClone(cases)), bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, entry);
    }
  }

  /** Counts cases a thread generated for a grading of this cache. */
  countGenerated(count: number): void {
    this.generated += count;
  }

  stats(): CaseCacheStats {
    const { hits, misses, generated, bytes } = this;
    return { hits, misses, generated, entries: this.entries.size, bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Freezes a JSON-like value and everything in it. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFrozen(inner);
  }
  return value;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The process's cache, used by every IsolatedGrader not given one: the worker's gradings and
 * calibration jobs share it.
 */
export const hostCaseCache = new GeneratedCaseCache();
