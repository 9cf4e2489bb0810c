import { toWords } from './text-index.js';

/**
 * Words as the simulator compares a tool with a lookup (docs/sim.md, "Tool use"): names split at
 * `_`, `-` and camelCase (`getOrder`, `get_order` → get, order), lowercase, lightly stemmed so that
 * `orders`, `ordered` and `ordering` all meet `order`.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('sses') || w.endsWith('xes')))
    return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The stemmed words of a name or a text (camelCase split first). */
export function stemmedWords(text: string): string[] {
  return toWords(text.replace(/([a-z0-9])([A-Z])/g, '$1 $2')).map(stem);
}

/** The stemmed words of a lookup's word list (each entry may itself be a phrase). */
export function lookupWords(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (const s of stemmedWords(w)) out.add(s);
  return out;
}

/** How many of `wanted` appear in `have`. */
export function overlap(wanted: ReadonlySet<string>, have: ReadonlySet<string>): number {
  let n = 0;
  for (const w of wanted) if (have.has(w)) n++;
  return n;
}
