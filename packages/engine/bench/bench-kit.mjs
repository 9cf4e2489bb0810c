// Helpers the engine's benchmarks share (not a benchmark itself: bench.mjs runs *.bench.mjs only).

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median of `repeats` timed runs of fn after one warm-up run, in ms (GC between runs when exposed). */
export async function medianMs(fn, repeats) {
  await fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}
