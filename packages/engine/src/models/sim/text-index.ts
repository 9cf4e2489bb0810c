/**
 * A text reduced to what the simulator compares: lowercase words (letters and digits only), so
 * whitespace, quoting, punctuation and markup around a unit do not matter, and hashed shingles of
 * consecutive words, so a unit is recognised wherever and however it is pasted into a prompt.
 * This runs on every prompt, so it scans characters once (no Unicode regex on the ASCII path) and
 * keeps shingles in a flat open-addressing table rather than a Map (less garbage per call).
 */
export interface TextIndex {
  /** " w1 w2 … wn ": padded so a phrase can be found with indexOf(" a b ") on word boundaries. */
  padded: string;
  /** Shingle hash → position of its first occurrence. */
  shingles: ShingleTable;
  /** How many shingles (word positions) the text has: positions run from 0 to length − 1. */
  length: number;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Word hashes (FNV-1a) and the padded word text of a text, in one pass. */
function scan(text: string): { hashes: number[]; padded: string } {
  const lower = text.toLowerCase();
  const hashes: number[] = [];
  const parts: string[] = [];
  let start = -1;
  let h = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const isWordChar =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && NON_ASCII_WORD_CHAR.test(lower[i]!));
    if (isWordChar) {
      if (start === -1) {
        start = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 16777619);
    } else if (start !== -1) {
      hashes.push(h >>> 0);
      parts.push(lower.slice(start, i));
      start = -1;
    }
  }
  return { hashes, padded: ` ${parts.join(' ')} ` };
}

export function toWords(text: string): string[] {
  const padded = scan(text).padded.trim();
  return padded ? padded.split(' ') : [];
}

export function indexText(text: string, shingleSize: number): TextIndex {
  const { hashes, padded } = scan(text);
  const shingles = combineShingles(hashes, shingleSize);
  const table = new ShingleTable(shingles.length);
  for (let i = 0; i < shingles.length; i++) table.addFirst(shingles[i]!, i);
  return { padded, shingles: table, length: shingles.length };
}

/** The shingle hashes of a text (for units: computed once per case). */
export function textShingles(text: string, size: number): number[] {
  return combineShingles(scan(text).hashes, size);
}

/**
 * Hashes of every run of `size` consecutive words; a text shorter than that gives one shingle of
 * all its words, so short units ("Net 30 days") are still recognised.
 */
function combineShingles(wordHashes: readonly number[], size: number): number[] {
  if (wordHashes.length === 0) return [];
  const n = Math.min(size, wordHashes.length);
  const out: number[] = [];
  for (let i = 0; i + n <= wordHashes.length; i++) {
    let h = n;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ wordHashes[i + j]!, 0x5bd1e995) ^ (h >>> 13);
    // 0 marks an empty slot in the table.
    out.push(h >>> 0 || 1);
  }
  return out;
}

/** Hash → first position, open addressing with linear probing. */
export class ShingleTable {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  addFirst(key: number, value: number): void {
    let i = key & this.mask;
    while (this.keys[i] !== 0) {
      if (this.keys[i] === key) return;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** The position, or -1 when absent. */
  get(key: number): number {
    let i = key & this.mask;
    while (this.keys[i] !== 0) {
      if (this.keys[i] === key) return this.values[i]!;
      i = (i + 1) & this.mask;
    }
    return -1;
  }
}

/** Occurrences of a phrase (already reduced to words) in a padded text, on word boundaries. */
export function countPhrase(padded: string, phraseWords: readonly string[]): number {
  if (phraseWords.length === 0) return 0;
  const needle = ` ${phraseWords.join(' ')} `;
  let count = 0;
  let at = padded.indexOf(needle);
  while (at !== -1) {
    count++;
    at = padded.indexOf(needle, at + needle.length - 1);
  }
  return count;
}
