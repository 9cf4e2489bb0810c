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
 * correctness inside a layer. Quadratic per layer: fine for the hundreds of shared solutions a
 * challenge version gathers.
 */
export function paretoLayers<T extends Tradeoff>(items: readonly T[]): { item: T; layer: number }[] {
  const out: { item: T; layer: number }[] = [];
  let left = [...items];
  for (let layer = 1; left.length > 0; layer++) {
    const front = left.filter((a) => !left.some((b) => b !== a && dominates(b, a)));
    const rest = left.filter((a) => !front.includes(a));
    for (const item of front.sort(byCorrectness)) out.push({ item, layer });
    left = rest;
  }
  return out;
}
