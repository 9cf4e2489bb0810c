import type { CallTrace, StepTrace, ToolCallTrace } from './trace.js';
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

function toolCall(id: string, name: string, start: number, end: number, more: Partial<ToolCallTrace> = {}) {
  return { id, name, args: {}, start_ms: start, end_ms: end, status: 'ok' as const, ...more };
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
              : row.type === 'turn'
                ? `${row.turn.turn}${row.turn.final ? ' final' : ''}`
                : row.type === 'tool_call'
                  ? row.toolCall.name
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

  it("walks an agent's turns, each turn's tool calls and the steps a tool ran, each a level deeper", () => {
    const agent = step('agent', 0, 1000, {
      id: 'support',
      turns: [
        {
          turn: 1,
          call: call(1, 0, 200),
          tool_calls: [
            toolCall('c1', 'lookup_order', 200, 260),
            toolCall('c2', 'refund_policy', 200, 500, {
              steps: [
                step('code', 200, 300, { id: 'fetch' }),
                step('llm', 300, 500, { calls: [call(1, 300, 500)] }),
              ],
            }),
          ],
        },
        { turn: 2, call: call(1, 500, 1000), tool_calls: [], final: true },
      ],
    });
    const rows = flattenTrace({ steps: [agent, step('output', 1000, 1000, { id: 'answer' })] });
    expect(outline(rows)).toEqual([
      'step support 0-1000',
      // A turn spans its model call and the tool calls it asked for.
      '  turn 1 0-500',
      '    tool_call lookup_order 200-260',
      '    tool_call refund_policy 200-500',
      '      step fetch 200-300',
      '      step llm 300-500',
      '        call attempt 1 300-500',
      '  turn 2 final 500-1000',
      'step answer 1000-1000',
    ]);
    expect(rows[1]).toMatchObject({ type: 'turn', step: agent, resent: 0 });
    expect(rows[2]).toMatchObject({ type: 'tool_call', step: agent, turn: agent.turns?.[0] });
    const paths = rows.map((row) => row.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/support#0/turn1/tool1/fetch#0');
  });

  it('counts the messages a turn resent from the turn before, so only what it added need be shown', () => {
    const asked = { role: 'user' as const, content: 'Where is A1?' };
    const first = { ...call(1, 0, 5), messages: [asked] };
    const second = {
      ...call(1, 5, 10),
      messages: [
        asked,
        { role: 'assistant' as const, content: '', tool_calls: [{ id: 'c1', name: 't', arguments: {} }] },
        { role: 'tool' as const, content: '"shipped"', tool_call_id: 'c1', name: 't' },
      ],
    };
    const trimmed = { ...call(1, 10, 15), messages: [{ role: 'user' as const, content: 'summary so far' }] };
    const rows = flattenTrace({
      steps: [
        step('agent', 0, 15, {
          turns: [
            { turn: 1, call: first, tool_calls: [toolCall('c1', 't', 5, 5)] },
            { turn: 2, call: second, tool_calls: [] },
            { turn: 3, call: trimmed, tool_calls: [], final: true },
          ],
        }),
      ],
    });
    expect(rows.flatMap((row) => (row.type === 'turn' ? [row.resent] : []))).toEqual([0, 1, 0]);
  });

  it('gives the same tool called twice in one turn, and the same steps inside, distinct paths', () => {
    const inner = () => [step('code', 0, 5, { id: 'x' })];
    const rows = flattenTrace({
      steps: [
        step('agent', 0, 10, {
          id: 'a',
          turns: [
            {
              turn: 1,
              call: call(1, 0, 5),
              tool_calls: [
                toolCall('c1', 't', 5, 10, { steps: inner() }),
                toolCall('c2', 't', 5, 10, { steps: inner() }),
              ],
            },
          ],
        }),
      ],
    });
    const paths = rows.map((row) => row.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(rows).toHaveLength(6);
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
