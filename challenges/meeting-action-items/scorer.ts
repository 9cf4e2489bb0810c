import type { CustomScore } from '@reps/engine';

/**
 * Action-item F1 with partial credit. Each expected item is matched to at most one output item by
 * task wording (word overlap F1 of at least 0.5, best first). A matched pair earns its quality:
 * 0.4 × task word F1 + 0.3 × owner right + 0.3 × due date right. Precision is the summed quality
 * over the items output, recall over the items expected, and the case scores their F1; no items
 * expected and none output is a perfect 1.
 */
interface Item {
  owner?: unknown;
  task?: unknown;
  due?: unknown;
}

function words(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function wordF1(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      common++;
      left.set(w, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || a === '') return b === null || b === undefined || b === '';
  return typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const score: CustomScore<{ action_items?: unknown }, { action_items: Item[] }> = (
  output,
  expected,
) => {
  const want = expected.action_items;
  const raw = output && typeof output === 'object' ? output.action_items : undefined;
  if (!Array.isArray(raw)) return { score: 0, reason: 'The output has no action_items list.' };
  const got = raw.filter((x): x is Item => !!x && typeof x === 'object');
  if (want.length === 0 && got.length === 0)
    return { score: 1, reason: 'No action items expected and none given.' };
  const pairs: Array<{ e: number; g: number; f1: number }> = [];
  const wantWords = want.map((e) => words(e.task));
  const gotWords = got.map((g) => words(g.task));
  wantWords.forEach((ew, ei) => {
    gotWords.forEach((gw, gi) => {
      const f1 = wordF1(gw, ew);
      if (f1 >= 0.5) pairs.push({ e: ei, g: gi, f1 });
    });
  });
  pairs.sort((x, y) => y.f1 - x.f1 || x.e - y.e || x.g - y.g);
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  let quality = 0;
  const notes: string[] = [];
  for (const p of pairs) {
    if (usedE.has(p.e) || usedG.has(p.g)) continue;
    usedE.add(p.e);
    usedG.add(p.g);
    const e = want[p.e]!;
    const g = got[p.g]!;
    const owner = same(g.owner, e.owner);
    const due = same(g.due, e.due);
    quality += 0.4 * p.f1 + (owner ? 0.3 : 0) + (due ? 0.3 : 0);
    if (!owner)
      notes.push(`"${e.task}": owner ${JSON.stringify(g.owner)}, expected ${JSON.stringify(e.owner)}`);
    if (!due) notes.push(`"${e.task}": due ${JSON.stringify(g.due)}, expected ${JSON.stringify(e.due)}`);
  }
  const missed = want.length - usedE.size;
  const extra = got.length - usedG.size;
  if (missed) notes.push(`${missed} expected item(s) missing`);
  if (extra) notes.push(`${extra} item(s) not agreed in the meeting`);
  const precision = got.length ? quality / got.length : 0;
  const recall = want.length ? quality / want.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    score: f1,
    reason: `F1 ${f1.toFixed(3)} (precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)})${notes.length ? `: ${notes.slice(0, 5).join('; ')}` : ''}.`,
  };
};
