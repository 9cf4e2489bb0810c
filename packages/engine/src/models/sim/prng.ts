/**
 * Seedable hashing and random numbers. The simulator never calls Math.random: every draw comes from
 * a hash of the exact call, so the same call gives the same answer in any process on any machine.
 * Only 32-bit integer arithmetic (Math.imul, >>>) is used, which is exact everywhere.
 */

/** Strings at least this long are remembered with the states they were fed at (see fed). */
const REMEMBERED_LENGTH = 256;
/** Characters of the strings remembered at most; past it, the memory starts again empty. */
const REMEMBERED_CHARS = 8 * 1024 * 1024;

/**
 * What feeding a long string did to a hasher: the state before and after. Every sample of a vote
 * sends the same prompt (and schema), hashed for each call's seed; a string fed again at the same
 * state leaves the same state, so it is looked up (a native hash of the string) instead of walked.
 */
const fed = new Map<string, [number, number, number, number]>();
let fedChars = 0;

/** Forgets every string remembered (a grading thread between jobs: prompts hold case text). */
export function forgetFedStrings(): void {
  fed.clear();
  fedChars = 0;
}

function remember(value: string, states: [number, number, number, number]): void {
  if (fedChars + value.length > REMEMBERED_CHARS) {
    fed.clear();
    fedChars = 0;
  }
  if (!fed.has(value)) fedChars += value.length;
  fed.set(value, states);
}

/** A running 64-bit (two 32-bit lanes) hash, fed strings and numbers in order. */
export class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  str(value: string): this {
    const long = value.length >= REMEMBERED_LENGTH;
    if (long) {
      const known = fed.get(value);
      if (known && known[0] === this.h1 && known[1] === this.h2) {
        this.h1 = known[2];
        this.h2 = known[3];
        return this;
      }
    }
    const before1 = this.h1;
    const before2 = this.h2;
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator, so ('ab','c') and ('a','bc') hash differently.
    this.h1 = Math.imul(h1 ^ value.length, 2246822507) ^ 0x9e3779b9;
    this.h2 = Math.imul(h2 ^ value.length, 3266489909) ^ 0x7f4a7c15;
    if (long) remember(value, [before1, before2, this.h1, this.h2]);
    return this;
  }

  num(value: number): this {
    return this.str(String(value));
  }

  /** The whole 64-bit state as text: a key for what was fed so far (a lookup, not a seed). */
  fingerprint(): string {
    return `${this.h1 >>> 0}:${this.h2 >>> 0}`;
  }

  /** Finalised 32-bit seed. */
  seed(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h1 ^ h2) >>> 0;
  }

  clone(): Hasher {
    const copy = new Hasher();
    copy.h1 = this.h1;
    copy.h2 = this.h2;
    return copy;
  }
}

export function hashSeed(...parts: Array<string | number>): number {
  const hasher = new Hasher();
  for (const part of parts) typeof part === 'number' ? hasher.num(part) : hasher.str(part);
  return hasher.seed();
}

/** FNV-1a, for shingle fingerprints (fast, 32-bit, good enough for set membership). */
export function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: a small, fast generator with a 32-bit state; plenty for per-answer draws. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
