/** Precision, recall and F1 of predicted against expected items (multisets of comparable keys). */
export interface F1 {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  predicted: number;
  expected: number;
}

/**
 * Multiset F1: each expected item can be matched once, so a repeated prediction does not earn
 * double credit. Both empty is a perfect 1: nothing was to be found and nothing was claimed.
 */
export function multisetF1(predicted: readonly string[], expected: readonly string[]): F1 {
  const remaining = new Map<string, number>();
  for (const item of expected) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  let matched = 0;
  for (const item of predicted) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) {
      matched++;
      remaining.set(item, left - 1);
    }
  }
  return f1From(matched, predicted.length, expected.length);
}

export function f1From(matched: number, predicted: number, expected: number): F1 {
  if (predicted === 0 && expected === 0)
    return { precision: 1, recall: 1, f1: 1, matched, predicted, expected };
  const precision = predicted ? matched / predicted : 0;
  const recall = expected ? matched / expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, matched, predicted, expected };
}

export function describeF1(result: F1): string {
  return `${result.matched} of ${result.expected} expected found, ${result.predicted - result.matched} of ${result.predicted} predicted wrong (precision ${round(result.precision)}, recall ${round(result.recall)})`;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
