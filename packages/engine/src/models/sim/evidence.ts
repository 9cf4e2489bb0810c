import type { FactUnit } from '@reps/shared';
import { SIM_RULES } from './sim-models.js';
import { type TextIndex, textShingles } from './text-index.js';

/**
 * Evidence spans (docs/sim.md, rule 3): the texts besides a unit's own that an aspect's answer rests
 * on (a policy clause, a ledger entry, the second-hop document, the label definitions). A span is
 * present in a prompt by the units' rule: most of its distinctive shingles, the ones no other span
 * or unit of the case has, appear in it.
 */
export interface IndexedSpan {
  text: string;
  distinctive: number[];
}

const cache = new WeakMap<readonly FactUnit[], Map<string, IndexedSpan>>();

/** Every evidence span of a case, indexed once per facts array. */
export function indexSpans(facts: readonly FactUnit[]): Map<string, IndexedSpan> {
  const cached = cache.get(facts);
  if (cached) return cached;
  const texts = new Set<string>();
  for (const unit of facts)
    for (const spans of Object.values(unit.evidence ?? {})) for (const span of spans) texts.add(span);
  const out = new Map<string, IndexedSpan>();
  if (texts.size > 0) {
    const owners = new Map<number, number>();
    const shinglesOf = new Map<string, number[]>();
    for (const text of new Set([...texts, ...facts.map((u) => u.text)])) {
      const shingles = [...new Set(textShingles(text, SIM_RULES.shingleSize))];
      shinglesOf.set(text, shingles);
      for (const h of shingles) owners.set(h, (owners.get(h) ?? 0) + 1);
    }
    for (const text of texts) {
      const all = shinglesOf.get(text)!;
      const own = all.filter((h) => owners.get(h) === 1);
      out.set(text, { text, distinctive: own.length > 0 ? own : all });
    }
  }
  cache.set(facts, out);
  return out;
}

/** The position of a span in the prompt (first distinctive shingle found), or -1 when it is absent. */
export function spanPosition(prompt: TextIndex, span: IndexedSpan): number {
  const total = span.distinctive.length;
  if (total === 0) return -1;
  const needed = Math.ceil(total * SIM_RULES.evidencePresenceThreshold);
  let hits = 0;
  let position = Number.POSITIVE_INFINITY;
  for (let i = 0; i < total; i++) {
    const at = prompt.shingles.get(span.distinctive[i]!);
    if (at === -1) {
      if (i + 1 - hits > total - needed) return -1;
      continue;
    }
    hits++;
    if (at < position) position = at;
  }
  return hits >= needed ? position : -1;
}
