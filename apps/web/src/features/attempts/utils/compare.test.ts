import type { AttemptView } from '@reps/shared';
import { compareAttempts, costPerCase, formatDelta } from './compare';

const attempt = (over: Partial<AttemptView>): AttemptView => ({
  kind: 'run',
  id: 'id',
  version: 1,
  status: 'done',
  created_at: '2026-11-27T10:00:00.000Z',
  set: 'public',
  cases: 5,
  correctness: 80,
  standard_error: null,
  cost_usd: 0.05,
  latency_ms: { p50: 400, p95: 900 },
  fields: [],
  pipeline_hash: 'h1',
  ...over,
});

describe('compareAttempts', () => {
  const early = attempt({ id: 'early', created_at: '2026-11-27T10:00:00.000Z' });
  const late = attempt({
    id: 'late',
    created_at: '2026-11-27T11:00:00.000Z',
    correctness: 92.5,
    cost_usd: 0.1,
    latency_ms: { p50: 400, p95: 700 },
    pipeline_hash: 'h2',
  });

  it('reads deltas from the earlier attempt to the later, whichever was picked first', () => {
    for (const [x, y] of [
      [early, late],
      [late, early],
    ] as const) {
      const c = compareAttempts(x, y);
      expect([c.before.id, c.after.id]).toEqual(['early', 'late']);
      expect(c.metrics.find((m) => m.key === 'correctness')).toMatchObject({
        before: 80,
        after: 92.5,
        delta: 12.5,
        verdict: 'better',
      });
    }
  });

  it('judges cost and latency lower-is-better, and an unchanged figure the same', () => {
    const byKey = Object.fromEntries(compareAttempts(early, late).metrics.map((m) => [m.key, m]));
    expect(byKey.cost_per_case).toMatchObject({ before: 0.01, after: 0.02, verdict: 'worse' });
    expect(byKey.cost_per_case!.delta).toBeCloseTo(0.01, 12);
    expect(byKey.latency_p95).toMatchObject({ delta: -200, verdict: 'better' });
    expect(byKey.latency_p50).toMatchObject({ delta: 0, verdict: 'same' });
  });

  it('compares cost per case, so a run on 5 examples and a submission on 100 cases line up', () => {
    const run = attempt({ cases: 5, cost_usd: 0.05 });
    const submission = attempt({
      kind: 'submission',
      set: 'hidden',
      cases: 100,
      cost_usd: 1,
      created_at: '2026-11-27T12:00:00.000Z',
    });
    const c = compareAttempts(run, submission);
    expect(c.sameSet).toBe(false);
    expect(c.metrics.find((m) => m.key === 'cost_per_case')).toMatchObject({
      before: 0.01,
      after: 0.01,
      verdict: 'same',
    });
  });

  it('gives no delta where either side has no figure (a failed run, no cases)', () => {
    const failed = attempt({ status: 'failed', correctness: null, cost_usd: null, cases: null });
    expect(costPerCase(failed)).toBeNull();
    const c = compareAttempts(failed, late);
    for (const m of c.metrics.filter((m) => m.key !== 'latency_p50' && m.key !== 'latency_p95'))
      expect([m.key, m.delta, m.verdict]).toEqual([m.key, null, null]);
  });

  it('lines up aspects by field, with a delta only where both attempts have the field', () => {
    const a = attempt({
      fields: [
        { path: 'risk', accuracy: 70 },
        { path: 'type', accuracy: 90 },
      ],
    });
    const b = attempt({
      created_at: '2026-11-27T11:00:00.000Z',
      fields: [
        { path: 'type', accuracy: 85 },
        { path: 'clauses.n', accuracy: 60 },
      ],
    });
    expect(compareAttempts(b, a).aspects).toEqual([
      { path: 'clauses.n', before: null, after: 60, delta: null, verdict: null },
      { path: 'risk', before: 70, after: null, delta: null, verdict: null },
      { path: 'type', before: 90, after: 85, delta: -5, verdict: 'worse' },
    ]);
  });

  it('tells when both ran the same pipeline text', () => {
    expect(compareAttempts(early, attempt({ created_at: late.created_at })).samePipeline).toBe(true);
    expect(compareAttempts(early, late).samePipeline).toBe(false);
  });
});

describe('formatDelta', () => {
  it('signs a difference and leaves a missing one blank', () => {
    const oneDecimal = (v: number) => v.toFixed(1);
    expect(formatDelta(12.5, oneDecimal)).toBe('+12.5');
    expect(formatDelta(-0.4, oneDecimal)).toBe('−0.4');
    expect(formatDelta(0, oneDecimal)).toBe('±0');
    expect(formatDelta(null, oneDecimal)).toBe('—');
  });
});
