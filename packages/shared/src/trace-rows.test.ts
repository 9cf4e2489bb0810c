import type { CallTrace, StepTrace } from './trace.js';
import { flattenTrace, type TraceRow } from './trace-rows.js';

const usage = { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };

function step(kind: StepTrace['kind'], start: number, end: number, more: Partial<StepTrace> = {}): StepTrace {
  return { kind, start_ms: start, end_ms: end, status: 'ok', usage, ...more };
}

function call(attempt: number, start: number, end: number): CallTrace {
  return {
    attempt,
    sample: 0,
    model: 'sim-mini',
    messages: [{ role: 'user', content: 'hi' }],
    input_tokens: 1,
    output_tokens: 1,
    cost_usd: 0,
    start_ms: start,
    end_ms: end,
  };
}

/** One line per row: type, depth and what names it, to compare orders at a glance. */
const outline = (rows: TraceRow[]) =>
  rows.map((row) => {
    const name =
      row.type === 'step'
        ? (row.step.id ?? row.step.kind)
        : row.type === 'call'
          ? `attempt ${row.call.attempt}`
          : row.type === 'item'
            ? `${row.item.index}`
            : row.type === 'round'
              ? `${row.round.round}`
              : `${row.iteration.iteration}`;
    return `${'  '.repeat(row.depth)}${row.type} ${name} ${row.start_ms}-${row.end_ms}`;
  });

describe('flattenTrace', () => {
  it('walks map items, branch arms, validate rounds and loop iterations in reading order, each a level deeper', () => {
    const trace = {
      steps: [
        step('map', 0, 900, {
          id: 'rated',
          items: [0, 1].map((index) => ({
            index,
            start_ms: 0,
            end_ms: 400 + index * 500,
            status: 'ok' as const,
            steps: [
              step('llm', 0, 400 + index * 500, {
                calls: [call(1, 0, 300), call(2, 300, 400 + index * 500)],
              }),
            ],
          })),
        }),
        step('branch', 900, 1000, {
          id: 'pick',
          branch: 0,
          steps: [step('code', 900, 1000, { id: 'short' })],
        }),
        step('validate', 1000, 1600, {
          id: 'checked',
          rounds: [
            {
              round: 0,
              failures: [{ reason: 'too long' }],
              redo: [step('llm', 1100, 1600, { id: 'short' })],
            },
          ],
        }),
        step('loop', 1600, 2000, {
          id: 'refine',
          iterations: [
            { iteration: 0, steps: [step('code', 1600, 1700, { id: 'draft' })], done: false },
            { iteration: 1, steps: [], done: true },
          ],
        }),
        step('use', 2000, 2100, { id: 'skill', steps: [step('code', 2000, 2100, { id: 'inside' })] }),
      ],
    };
    expect(outline(flattenTrace(trace))).toEqual([
      'step rated 0-900',
      '  item 0 0-400',
      '    step llm 0-400',
      '      call attempt 1 0-300',
      '      call attempt 2 300-400',
      '  item 1 0-900',
      '    step llm 0-900',
      '      call attempt 1 0-300',
      '      call attempt 2 300-900',
      'step pick 900-1000',
      '  step short 900-1000',
      'step checked 1000-1600',
      '  round 0 1100-1600',
      '    step short 1100-1600',
      'step refine 1600-2000',
      '  iteration 0 1600-1700',
      '    step draft 1600-1700',
      // An iteration that ran no steps spans its loop.
      '  iteration 1 1600-2000',
      'step skill 2000-2100',
      '  step inside 2000-2100',
    ]);
  });

  it('gives every row a distinct path, even for repeated ids and inline steps', () => {
    const inline = step('llm', 0, 10, { calls: [call(1, 0, 10)] });
    const rows = flattenTrace({
      steps: [
        step('validate', 0, 30, {
          id: 'v',
          rounds: [
            {
              round: 0,
              failures: [],
              redo: [step('llm', 0, 10, { id: 'a' }), step('llm', 10, 20, { id: 'a' })],
            },
          ],
        }),
        inline,
        inline,
      ],
    });
    const paths = rows.map((row) => row.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/v#0/round0/a#1');
  });

  it('a call row points at its llm step and a round at its validate step', () => {
    const llm = step('llm', 0, 10, { id: 'ask', calls: [call(1, 0, 10)] });
    const rows = flattenTrace({ steps: [llm] });
    expect(rows[1]).toMatchObject({ type: 'call', depth: 1, step: llm });
  });

  it('stops at the limit, keeping the first rows in order', () => {
    const steps = Array.from({ length: 10 }, (_, i) =>
      step('map', i, i + 1, {
        id: `s${i}`,
        items: [{ index: 0, start_ms: i, end_ms: i + 1, status: 'ok', steps: [step('code', i, i + 1)] }],
      }),
    );
    const rows = flattenTrace({ steps }, { limit: 7 });
    expect(rows).toHaveLength(7);
    expect(outline(rows).slice(0, 4)).toEqual([
      'step s0 0-1',
      '  item 0 0-1',
      '    step code 0-1',
      'step s1 1-2',
    ]);
  });

  it('an empty trace has no rows', () => {
    expect(flattenTrace({ steps: [] })).toEqual([]);
  });
});
