import { fnv1a } from './prng.js';

/**
 * A text reduced to what the simulator compares: lowercase words (letters and digits only), so
 * whitespace, quoting, punctuation and markup around a unit do not matter, and hashed shingles of
 * consecutive words, so a unit is recognised wherever and however it is pasted into a prompt.
 */
export interface TextIndex {
  words: string[];
  /** " w1 w2 … wn ": padded so a phrase can be found with indexOf(" a b ") on word boundaries. */
  padded: string;
  /** Shingle hash → position of its first occurrence. */
  shingles: Map<number, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function toWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function indexText(text: string, shingleSize: number): TextIndex {
  const words = toWords(text);
  const shingles = new Map<number, number>();
  const hashes = shingleHashes(words, shingleSize);
  for (let i = 0; i < hashes.length; i++) if (!shingles.has(hashes[i]!)) shingles.set(hashes[i]!, i);
  return { words, padded: ` ${words.join(' ')} `, shingles };
}

/**
 * Hashes of every run of `size` consecutive words; a text shorter than that gives one shingle of
 * all its words, so short units ("Net 30 days") are still recognised.
 */
export function shingleHashes(words: readonly string[], size: number): number[] {
  const wordHashes = words.map(fnv1a);
  if (wordHashes.length === 0) return [];
  const n = Math.min(size, wordHashes.length);
  const out: number[] = [];
  for (let i = 0; i + n <= wordHashes.length; i++) {
    let h = n;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ wordHashes[i + j]!, 0x5bd1e995) ^ (h >>> 13);
    out.push(h >>> 0);
  }
  return out;
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
