import type { CaseSet, Rng } from './generator-api.js';

/**
 * Text helpers for challenge generators (`import { typo } from '@reps/engine/generator-kit'`):
 * the calendar names, number words, ordinals, lists, typos and paraphrase tables the catalogue's
 * generators share.
 * Generators are bundled into the QuickJS sandbox, so this module imports types only: bundling it
 * pulls in nothing of the engine. Every function is pure; those that draw take the case's `Rng`,
 * and each states the order of its draws, since a generator's cases depend on it.
 */

export const MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const WEEKDAYS: readonly string[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** "a", "a and b", "a, b and c" (no Oxford comma); an empty list is "". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "st", "nd", "rd" or "th": 1st, 12th, 22nd, 113th. */
export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** A number with its ordinal suffix: "21st". */
export function ordinal(n: number): string {
  return `${n}${ordinalSuffix(n)}`;
}

/** Rounded to cents (two decimals), the way the generators' expected amounts are. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The first letter upper-cased, the rest as it was. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export interface NumberWordsOptions {
  /** "two thousand and five" (true) or "two thousand five" (false, the default). */
  andAfterThousand?: boolean;
}

/** A whole number ≥ 0 in British words: "forty-five", "three hundred and six", "two thousand ten". */
export function numberWords(n: number, options: NumberWordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`numberWords(${n}): needs a whole number ≥ 0`);
  if (n < 20) return SMALL_NUMBERS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${SMALL_NUMBERS[n % 10]}` : '');
  if (n < 1000)
    return `${SMALL_NUMBERS[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${numberWords(n % 100)}` : ''}`;
  const rest = n % 1000;
  const joint = options.andAfterThousand && rest < 100 ? ' and ' : ' ';
  return `${numberWords(Math.floor(n / 1000), options)} thousand${rest ? joint + numberWords(rest, options) : ''}`;
}

/** The name of one digit: "seven". */
export function digitWord(digit: number): string {
  const word = digit >= 0 && digit <= 9 ? SMALL_NUMBERS[digit] : undefined;
  if (word === undefined) throw new RangeError(`digitWord(${digit}): needs a digit 0-9`);
  return word;
}

// ---------------------------------------------------------------------------------------------
// Typos

/** One change of a word at letter `at` (1 or more: the first letter is kept). */
export type LetterEdit = (word: string, at: number) => string;

/** "recieve": the letter at `at` and the next one trade places. */
export const swapLetters: LetterEdit = (w, at) => w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
/** "recive": the letter at `at` is left out. */
export const dropLetter: LetterEdit = (w, at) => w.slice(0, at) + w.slice(at + 1);
/** "receeive": the letter at `at` is typed twice. */
export const doubleLetter: LetterEdit = (w, at) => w.slice(0, at) + w[at] + w.slice(at);
/** The letter at `at` becomes its neighbour on the keyboard, as `keys` maps it (else it stays). */
export function neighbourKey(keys: Readonly<Record<string, string>>): LetterEdit {
  return (w, at) => w.slice(0, at) + (keys[w[at]!] ?? w[at]) + w.slice(at + 1);
}

export interface TypoOptions {
  /** Which words (split on single spaces) may take the typo. Default: 5+ lower-case letters. */
  word?: RegExp;
  /** The kinds of change, one drawn per typo. Default: swap, drop, double. */
  edits?: readonly LetterEdit[];
  /** The position is drawn from 1 to word length - `margin`. Default 3. */
  margin?: number;
}

/**
 * One typo in one word of `text`, or `text` as it was when no word qualifies. Draws: the word
 * (`pick` over the qualifying positions), the letter (`int(1, length - margin)`), then the kind of
 * change (`int` over `edits`).
 */
export function typo(rng: Rng, text: string, options: TypoOptions = {}): string {
  const { word = /^[a-z]{5,}$/, edits = [swapLetters, dropLetter, doubleLetter], margin = 3 } = options;
  const words = text.split(' ');
  const candidates = words.map((w, i) => (word.test(w) ? i : -1)).filter((i) => i >= 0);
  if (!candidates.length) return text;
  const i = rng.pick(candidates);
  const w = words[i]!;
  const at = rng.int(1, w.length - margin);
  words[i] = edits[rng.int(0, edits.length - 1)]!(w, at);
  return words.join(' ');
}

/**
 * Letters swapped inside some longer lower-case words: each word of 6+ letters not matching
 * `keep` changes with probability `rate`. Draws per such word (`keep` or not): `chance(rate)`,
 * then, when it changes, `int(1, length - 3)`.
 */
export function scatterSwaps(rng: Rng, text: string, rate: number, keep: RegExp): string {
  return text.replace(/\b([a-z]{6,})\b/g, (w) => {
    if (!rng.chance(rate) || keep.test(w)) return w;
    return swapLetters(w, rng.int(1, w.length - 3));
  });
}

/** A slip that draws where it falls in the word. */
export type Slip = (rng: Rng, word: string) => string;

const NEAR_KEYS: Readonly<Record<string, string>> = {
  a: 's',
  e: 'r',
  i: 'o',
  o: 'p',
  u: 'y',
  n: 'm',
  t: 'r',
  s: 'd',
  r: 't',
  l: 'k',
};

/**
 * Kinds of slip, as a list for `set.families` (public cases usually show only the first): a swap,
 * a dropped letter, a doubled letter, a neighbouring key (a word with no such letter after the
 * first is left as it was).
 */
export const SLIPS: readonly Slip[] = [
  (rng, w) => swapLetters(w, rng.int(1, w.length - 3)),
  (rng, w) => dropLetter(w, rng.int(1, w.length - 2)),
  (rng, w) => doubleLetter(w, rng.int(1, w.length - 2)),
  (rng, w) => {
    const spots = [...w].map((c, i) => (i > 0 && NEAR_KEYS[c] ? i : -1)).filter((i) => i >= 0);
    if (spots.length === 0) return w;
    const i = rng.pick(spots);
    return w.slice(0, i) + NEAR_KEYS[w[i]!] + w.slice(i + 1);
  },
];

/** One slip in one word of 5+ lower-case letters. Draws: the word (`pick`), the slip (`pick`), then the slip's own. */
export function slipTypo(rng: Rng, text: string, slips: readonly Slip[] = SLIPS.slice(0, 1)): string {
  const words = text.split(' ');
  const long = words.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (long.length === 0) return text;
  const at = rng.pick(long);
  words[at] = rng.pick(slips)(rng, words[at]!);
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Paraphrases

/** Whole-word patterns, each with the alternatives this case set may use for it. */
export type ParaphraseTable = [RegExp, string[]][];

/**
 * A paraphrase table from rows `[phrase, alternative, …]`: public cases get each row's first
 * alternative, hidden ones the families the hidden seed picks (`set.families('paraphrase-<i>')`).
 */
export function paraphraser(set: CaseSet, rows: readonly (readonly string[])[]): ParaphraseTable {
  return rows.map((row, i) => [
    new RegExp(`\\b${row[0]!.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}\\b`, 'g'),
    set.families(`paraphrase-${i}`, row.slice(1), { public: 1 }),
  ]);
}

/**
 * Each occurrence of each pattern replaced, with probability `rate`, by one of its alternatives.
 * Draws per occurrence, table order then text order: `chance(rate)`, then `pick` when it changes.
 */
export function paraphrase(rng: Rng, table: ParaphraseTable, text: string, rate: number): string {
  let out = text;
  for (const [pattern, alternatives] of table)
    out = out.replace(pattern, (m) => (rng.chance(rate) ? rng.pick(alternatives) : m));
  return out;
}
