import { jsonFieldsScorer } from '../scorers/json-fields.scorer.js';
import { breakdown } from './breakdown.js';
import type { CaseResult } from './grade.js';

function result(partial: Partial<CaseResult>): CaseResult {
  return {
    id: 'c',
    status: 'ok',
    score: 1,
    reason: '',
    cost_usd: 0,
    latency_ms: 0,
    output: null,
    trace: { usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 } } as CaseResult['trace'],
    ...partial,
  };
}

describe('where the points went', () => {
  it('reports per-field scores from json_fields, record fields under their list', async () => {
    const score = jsonFieldsScorer.create(
      {
        fields: [
          {
            path: 'team',
            weight: 1,
            compare: 'exact',
            case_sensitive: false,
            strip_punctuation: false,
            strip_accents: false,
          },
          {
            path: 'items',
            weight: 1,
            compare: 'records',
            key: 'id',
            case_sensitive: false,
            strip_punctuation: false,
            strip_accents: false,
            fields: [
              {
                path: 'risk',
                weight: 1,
                compare: 'exact',
                case_sensitive: false,
                strip_punctuation: false,
                strip_accents: false,
              },
            ],
          },
        ],
      },
      {},
    );
    const scored = await score(
      {
        team: 'billing',
        items: [
          { id: 1, risk: 'high' },
          { id: 2, risk: 'low' },
        ],
      },
      {
        team: 'technical',
        items: [
          { id: 1, risk: 'high' },
          { id: 2, risk: 'high' },
          { id: 3, risk: 'low' },
        ],
      },
      { id: 'c', input: {} },
    );
    expect(scored.fields).toEqual({ team: 0, items: 1 / 3, 'items.risk': 1 / 3 });
  });

  it('aggregates fields, sizes and failures over at least five cases, with hints', () => {
    const cases = [
      ...Array.from({ length: 6 }, (_, i) =>
        result({ units: 2 + (i % 2), score: 1, fields: { team: 1, priority: i < 3 ? 1 : 0 } }),
      ),
      ...Array.from({ length: 5 }, () => result({ units: 9, score: 0.5, fields: { team: 1, priority: 0 } })),
      result({ units: 20, status: 'invalid_output', score: 0 }),
      result({ units: 3, status: 'grader_error', score: null }),
    ];
    const b = breakdown(cases)!;
    expect(b.fields).toEqual([
      { path: 'priority', accuracy: 25, cases: 12 },
      { path: 'team', accuracy: 91.67, cases: 12 },
    ]);
    // Units 2 (3 cases) and 3 (3 cases) merge; 9 (5) stands; 20 (1) joins 9.
    expect(b.sizes).toEqual([
      { from: 2, to: 3, cases: 6, correctness: 100 },
      { from: 9, to: 20, cases: 6, correctness: 41.67 },
    ]);
    expect(b.failures.map((f) => [f.code, f.cases])).toEqual([
      ['invalid_output', 1],
      ['grader_error', 1],
    ]);
    expect(b.failures[0]!.hint).toMatch(/strict: true/);
    expect(b.hints[0]).toMatch(/^priority is right 25% of the time/);
    expect(b.hints[1]).toMatch(/Large cases \(9–20 units\) score 58 points below small ones/);
  });

  it('gives agents that ran out of turns their own hint', () => {
    const cases = [
      ...Array.from({ length: 4 }, () => result({})),
      result({ status: 'agent_max_turns', score: 0 }),
    ];
    expect(breakdown(cases)!.failures).toEqual([
      { code: 'agent_max_turns', cases: 1, hint: expect.stringMatching(/stop_when.*max_turns/) },
    ]);
  });

  it('says nothing about fewer than five cases, and never shows a bucket under five', () => {
    expect(breakdown([result({ units: 1 }), result({ units: 2 })])).toBeUndefined();
    const b = breakdown(Array.from({ length: 7 }, (_, i) => result({ units: i, fields: { a: 1 } })))!;
    expect(b.sizes.every((s) => s.cases >= 5)).toBe(true);
    expect(b.sizes).toEqual([{ from: 0, to: 6, cases: 7, correctness: 100 }]);
  });
});
