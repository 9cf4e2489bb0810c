import { z } from 'zod';
import { brief, canonicalJson, kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { isRecord } from './json-path.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';

const params = z.strictObject({
  path: pathParam,
  /** Only the top k positions of the output count. */
  k: z.int().positive().default(10),
  /** When ranked items are objects, the field naming them. */
  id: z.string().min(1).default('id'),
  /** In an expected list of objects, the field holding the graded relevance. */
  relevance: z.string().min(1).default('relevance'),
});
type Params = z.output<typeof params>;

/**
 * NDCG@k for rankings, gain 2^rel − 1. The output is a ranked list of ids (or objects with `id`).
 * The expected value gives relevance as a list of `{ id, relevance }`, a map id → relevance, or an
 * ideal ranking of ids (the first most relevant: relevance n − position, so order matters).
 * A repeated id counts once, at its first position; unknown ids earn nothing.
 */
export const ndcgScorer = defineScorer({
  name: 'ndcg',
  params,
  create: (p) => (output, expected) => {
    const picked = pick(output, expected, p.path);
    if ('result' in picked) return picked.result;
    const relevance = relevanceOf(picked.expected, p);
    if (!Array.isArray(picked.output)) return zero(`Expected a ranked list, got ${kindOf(picked.output)}.`);
    const ideal = idealDcg(relevance, p.k);
    if (ideal === 0) return { score: 1, reason: 'Nothing is relevant, so any ranking is ideal.' };
    const ranked = rankedIds(picked.output, p);
    const dcg = dcgOf(
      ranked.map((id) => relevance.get(id) ?? 0),
      p.k,
    );
    const score = Math.min(1, dcg / ideal);
    const hits = ranked.slice(0, p.k).filter((id) => (relevance.get(id) ?? 0) > 0).length;
    return { score, reason: `NDCG@${p.k} ${score.toFixed(3)}: ${hits} relevant item(s) in the top ${p.k}.` };
  },
});

function idKey(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : canonicalJson(value);
}

function relevanceOf(expected: unknown, p: Params): Map<string, number> {
  const relevance = new Map<string, number>();
  if (isRecord(expected)) {
    for (const [id, rel] of Object.entries(expected)) relevance.set(id, checked(rel, id));
    return relevance;
  }
  if (!Array.isArray(expected))
    throw new GraderError(`The expected ranking is ${kindOf(expected)}, not a list or map.`);
  expected.forEach((item, i) => {
    if (isRecord(item)) relevance.set(idKey(item[p.id]), checked(item[p.relevance], brief(item)));
    else relevance.set(idKey(item), expected.length - i);
  });
  return relevance;
}

function checked(rel: unknown, where: string): number {
  if (typeof rel !== 'number' || !Number.isFinite(rel) || rel < 0)
    throw new GraderError(`The expected relevance of ${where} is ${brief(rel)}, not a number ≥ 0.`);
  return rel;
}

function rankedIds(output: unknown[], p: Params): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const item of output) {
    const id = idKey(isRecord(item) ? item[p.id] : item);
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

function dcgOf(gains: number[], k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) dcg += (2 ** gains[i]! - 1) / Math.log2(i + 2);
  return dcg;
}

function idealDcg(relevance: Map<string, number>, k: number): number {
  return dcgOf(
    [...relevance.values()].sort((a, b) => b - a),
    k,
  );
}
