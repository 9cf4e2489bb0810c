import type { AttemptView } from '@reps/shared';

/** Which way is better for a figure: more correctness, less cost and latency. */
type Better = 'higher' | 'lower';

export interface MetricDelta {
  key: 'correctness' | 'cost_per_case' | 'latency_p50' | 'latency_p95';
  label: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side has no figure. */
  delta: number | null;
  /** Whether the later attempt did better, worse or the same on this figure. */
  verdict: 'better' | 'worse' | 'same' | null;
}

export interface AspectDelta {
  path: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  verdict: MetricDelta['verdict'];
}

export interface Comparison {
  /** The earlier attempt and the later one: deltas read as what the change did. */
  before: AttemptView;
  after: AttemptView;
  metrics: MetricDelta[];
  /** Per output field, where either has it; a delta only where both do. */
  aspects: AspectDelta[];
  /** False when one is over the public examples and the other over the hidden set. */
  sameSet: boolean;
  samePipeline: boolean;
}

/** Below this a difference is rounding, not a change (figures come rounded to 0.1 or 2 digits). */
const EPSILON = 1e-9;

function verdict(delta: number | null, better: Better): MetricDelta['verdict'] {
  if (delta === null) return null;
  if (Math.abs(delta) < EPSILON) return 'same';
  return delta > 0 === (better === 'higher') ? 'better' : 'worse';
}

function metric(
  key: MetricDelta['key'],
  label: string,
  before: number | null,
  after: number | null,
  better: Better,
): MetricDelta {
  const delta = before === null || after === null ? null : after - before;
  return { key, label, before, after, delta, verdict: verdict(delta, better) };
}

/**
 * Cost per case: a run's cost is over the public examples and a submission's over the hidden set,
 * so only the per-case figure compares across the two.
 */
export function costPerCase(attempt: AttemptView): number | null {
  if (attempt.cost_usd === null || !attempt.cases) return null;
  return attempt.cost_usd / attempt.cases;
}

/** Two attempts side by side, the earlier first whatever order they were picked in. */
export function compareAttempts(x: AttemptView, y: AttemptView): Comparison {
  const [before, after] =
    Date.parse(x.created_at) <= Date.parse(y.created_at) ? ([x, y] as const) : ([y, x] as const);
  const metrics = [
    metric('correctness', 'Correctness', before.correctness, after.correctness, 'higher'),
    metric('cost_per_case', 'Cost per case', costPerCase(before), costPerCase(after), 'lower'),
    metric('latency_p50', 'Latency p50', before.latency_ms.p50, after.latency_ms.p50, 'lower'),
    metric('latency_p95', 'Latency p95', before.latency_ms.p95, after.latency_ms.p95, 'lower'),
  ];
  const earlier = new Map(before.fields.map((f) => [f.path, f.accuracy]));
  const later = new Map(after.fields.map((f) => [f.path, f.accuracy]));
  const paths = [...new Set([...earlier.keys(), ...later.keys()])].sort();
  const aspects = paths.map((path): AspectDelta => {
    const a = earlier.get(path) ?? null;
    const b = later.get(path) ?? null;
    const delta = a === null || b === null ? null : b - a;
    return { path, before: a, after: b, delta, verdict: verdict(delta, 'higher') };
  });
  return {
    before,
    after,
    metrics,
    aspects,
    sameSet: before.set === after.set,
    samePipeline: before.pipeline_hash === after.pipeline_hash,
  };
}

/** A signed difference for display: `+1.2`, `−0.4`, `±0`; `—` when there is none. */
export function formatDelta(delta: number | null, format: (value: number) => string): string {
  if (delta === null) return '—';
  if (Math.abs(delta) < EPSILON) return '±0';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}
