import { dominates, paretoLayers, type Tradeoff } from './pareto.js';

const t = (id: string, correctness: number, cost_usd: number, latency_p95_ms: number) => ({
  id,
  correctness,
  cost_usd,
  latency_p95_ms,
});

describe('Pareto layers over correctness, cost and latency', () => {
  it('a solution dominates another only when no worse on every figure and better on one', () => {
    expect(dominates(t('a', 95, 0.01, 100), t('b', 94, 0.01, 100))).toBe(true);
    expect(dominates(t('a', 95, 0.01, 100), t('b', 95, 0.01, 100))).toBe(false);
    expect(dominates(t('a', 95, 0.02, 100), t('b', 94, 0.01, 100))).toBe(false);
  });

  it('puts the front first, ordered by correctness, then the front of what is left, and so on', () => {
    const items = [
      t('cheap', 91, 0.001, 900),
      t('dominated', 92, 0.02, 2000),
      t('accurate', 98, 0.05, 3000),
      t('fast', 93, 0.01, 400),
      t('worst', 90, 0.06, 3100),
    ];
    const ranked = paretoLayers(items).map(({ item, layer }) => [item.id, layer]);
    expect(ranked).toEqual([
      ['accurate', 1],
      ['fast', 1],
      ['cheap', 1],
      ['dominated', 2],
      ['worst', 3],
    ]);
  });

  it('keeps equal solutions in the same layer and handles none', () => {
    const twins: Tradeoff[] = [t('a', 95, 0.01, 100), t('b', 95, 0.01, 100)];
    expect(paretoLayers(twins).map((r) => r.layer)).toEqual([1, 1]);
    expect(paretoLayers([])).toEqual([]);
  });

  it('gives a chain of dominated solutions one layer each', () => {
    const chain = [t('c', 90, 0.03, 300), t('a', 96, 0.01, 100), t('b', 93, 0.02, 200)];
    expect(paretoLayers(chain).map(({ item, layer }) => `${item.id}${layer}`)).toEqual(['a1', 'b2', 'c3']);
  });

  it('agrees with peeling front after front, on random figures with many ties', () => {
    // The definition, peeled layer by layer (cubic): what the one-pass version must equal.
    const peel = (items: Tradeoff[]) => {
      const layerOf = new Map<Tradeoff, number>();
      let left = [...items];
      for (let layer = 1; left.length > 0; layer++) {
        const front = left.filter((a) => !left.some((b) => b !== a && dominates(b, a)));
        for (const a of front) layerOf.set(a, layer);
        left = left.filter((a) => !front.includes(a));
      }
      return layerOf;
    };
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: 1 + next(40) }, (_, i) =>
        t(String(i), 80 + next(5), next(4) / 100, 100 * next(4)),
      );
      const expected = peel(items);
      const got = paretoLayers(items);
      expect(got.map((r) => r.layer)).toEqual([...got.map((r) => r.layer)].sort((a, b) => a - b));
      for (const { item, layer } of got) expect(layer).toBe(expected.get(item));
    }
  });
});
