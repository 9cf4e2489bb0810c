/** What the Pareto front ranks: correctness is maximised, cost and latency p95 minimised. */
export interface Tradeoff {
  correctness: number;
  cost_usd: number;
  latency_p95_ms: number;
}

/** `a` is at least as good as `b` on every figure and better on one. */
export function dominates(a: Tradeoff, b: Tradeoff): boolean {
  const noWorse =
    a.correctness >= b.correctness && a.cost_usd <= b.cost_usd && a.latency_p95_ms <= b.latency_p95_ms;
  const better =
    a.correctness > b.correctness || a.cost_usd < b.cost_usd || a.latency_p95_ms < b.latency_p95_ms;
  return noWorse && better;
}

/** Inside a layer: correctness, then cost, then latency. */
function byCorrectness(a: Tradeoff, b: Tradeoff): number {
  return b.correctness - a.correctness || a.cost_usd - b.cost_usd || a.latency_p95_ms - b.latency_p95_ms;
}

/**
 * Non-dominated sorting: layer 1 is the Pareto front (no item beats it on every figure), layer 2
 * the front of what is left, and so on. Returns every item with its layer, layer 1 first and by
 * correctness inside a layer. In correctness-then-cost-then-latency order an item's dominators all
 * come before it, and its layer is one more than the deepest of theirs: one pass, quadratic.
 */
export function paretoLayers<T extends Tradeoff>(items: readonly T[]): { item: T; layer: number }[] {
  const sorted = [...items].sort(byCorrectness);
  const layers: number[] = [];
  sorted.forEach((item, i) => {
    let layer = 1;
    for (let j = 0; j < i; j++)
      if (layers[j]! >= layer && dominates(sorted[j]!, item)) layer = layers[j]! + 1;
    layers.push(layer);
  });
  return sorted.map((item, i) => ({ item, layer: layers[i]! })).sort((a, b) => a.layer - b.layer);
}
