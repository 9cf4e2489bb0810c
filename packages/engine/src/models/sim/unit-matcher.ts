import type { FactUnit } from '@reps/shared';
import { SIM_RULES } from './sim-models.js';
import { countPhrase, type TextIndex, textShingles, toWords } from './text-index.js';

/** What the simulator precomputes once per case about each fact unit. */
export interface IndexedUnit {
  unit: FactUnit;
  /** Position in the case's facts (0-based). */
  ordinal: number;
  /** The shingles no other unit of the case has; presence is judged on these. */
  distinctive: number[];
  padded: string;
  /** "Clause 3" for `clause-3`: how prose refers to the unit. */
  label: string;
  /** A number for the unit: the trailing digits of its id, else its position + 1. */
  number: number;
}

export interface PresentUnit extends IndexedUnit {
  /** First position in the prompt, so answers follow the prompt's order. */
  position: number;
}

// Facts arrays are reused across a case's many calls; index each once.
const cache = new WeakMap<readonly FactUnit[], IndexedUnit[]>();

export function indexUnits(facts: readonly FactUnit[]): IndexedUnit[] {
  const cached = cache.get(facts);
  if (cached) return cached;
  const perUnit = facts.map((unit) => {
    const words = toWords(unit.text);
    return { unit, words, shingles: [...new Set(textShingles(unit.text, SIM_RULES.shingleSize))] };
  });
  const owners = new Map<number, number>();
  for (const { shingles } of perUnit) for (const h of shingles) owners.set(h, (owners.get(h) ?? 0) + 1);
  const indexed = perUnit.map(({ unit, words, shingles }, ordinal) => {
    const own = shingles.filter((h) => owners.get(h) === 1);
    return {
      unit,
      ordinal,
      // Identical texts share everything; fall back to all shingles rather than never matching.
      distinctive: own.length > 0 ? own : shingles,
      padded: ` ${words.join(' ')} `,
      label: labelOf(unit.id),
      number: numberOf(unit.id, ordinal),
    };
  });
  cache.set(facts, indexed);
  return indexed;
}

/** The units most of whose distinctive shingles appear in the prompt, in prompt order. */
export function findPresentUnits(prompt: TextIndex, units: readonly IndexedUnit[]): PresentUnit[] {
  const present: PresentUnit[] = [];
  for (const indexed of units) {
    const total = indexed.distinctive.length;
    if (total === 0) continue;
    const needed = Math.ceil(total * SIM_RULES.unitPresenceThreshold);
    let hits = 0;
    let position = Number.POSITIVE_INFINITY;
    for (let i = 0; i < total; i++) {
      const at = prompt.shingles.get(indexed.distinctive[i]!);
      if (at === -1) {
        // Early exit: too many misses already.
        if (i + 1 - hits > total - needed) break;
        continue;
      }
      hits++;
      if (at < position) position = at;
    }
    if (hits >= needed) present.push({ ...indexed, position });
  }
  return present.sort((a, b) => a.position - b.position || a.ordinal - b.ordinal);
}

/** How often a phrase occurs in the prompt outside the present units' own text. */
export function countOutsideUnits(
  prompt: TextIndex,
  units: readonly PresentUnit[],
  phrase: readonly string[],
): number {
  let count = countPhrase(prompt.padded, phrase);
  if (count === 0) return 0;
  for (const u of units) count -= countPhrase(u.padded, phrase);
  return Math.max(0, count);
}

function labelOf(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function numberOf(id: string, ordinal: number): number {
  const digits = /(\d+)\D*$/.exec(id);
  return digits ? Number(digits[1]) : ordinal + 1;
}
