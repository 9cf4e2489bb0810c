import type { CallTrace, StepTrace, ToolCallTrace } from '../types/run-result';
import { summarize, toSpans } from './trace-spans';

const usage = { calls: 1, input_tokens: 1200, output_tokens: 34, cost_usd: 0.0021 };

function call(start: number, end: number, more: Partial<CallTrace> = {}): CallTrace {
  return {
    attempt: 1,
    sample: 0,
    model: 'sim-mini',
    messages: [{ role: 'user', content: 'Where is order A1?' }],
    input_tokens: 1200,
    output_tokens: 34,
    cost_usd: 0.0021,
    start_ms: start,
    end_ms: end,
    ...more,
  };
}

function toolCall(name: string, more: Partial<ToolCallTrace> = {}): ToolCallTrace {
  return {
    id: `c-${name}`,
    name,
    args: { order_id: 'A1' },
    start_ms: 300,
    end_ms: 400,
    status: 'ok',
    ...more,
  };
}

const agent: StepTrace = {
  id: 'support',
  kind: 'agent',
  start_ms: 0,
  end_ms: 900,
  status: 'ok',
  usage,
  turns: [
    {
      turn: 1,
      call: call(0, 300),
      tool_calls: [
        toolCall('lookup_order', { result: { status: 'shipped' } }),
        toolCall('refund', {
          status: 'failed',
          error: { code: 'invalid_output', message: 'args.amount: must be number' },
          steps: [{ id: 'fetch', kind: 'code', start_ms: 300, end_ms: 350, status: 'failed', usage }],
        }),
      ],
    },
    { turn: 2, call: call(400, 900, { text: 'It shipped.' }), tool_calls: [], final: true },
  ],
};

describe('toSpans', () => {
  it("draws an agent's turns with model, tokens and cost, and its tool calls by name and arguments", () => {
    const spans = toSpans({ steps: [agent] });
    expect(spans.map((s) => [s.depth, s.kind, s.label, s.status, s.badge, s.meta])).toEqual([
      [0, 'agent', 'support', 'ok', undefined, undefined],
      [1, 'turn', 'turn 1 · sim-mini', 'ok', undefined, '1,200 → 34 tok · $0.0021'],
      [2, 'tool', 'lookup_order(order_id: "A1")', 'ok', undefined, undefined],
      [2, 'tool', 'refund(order_id: "A1")', 'failed', undefined, undefined],
      [3, 'code', 'fetch', 'failed', undefined, undefined],
      [1, 'turn', 'turn 2 · sim-mini', 'ok', 'final', '1,200 → 34 tok · $0.0021'],
    ]);
    // A turn's detail is its model call's; a failed tool call carries the error its detail shows.
    expect(spans[1]?.call).toBe(agent.turns?.[0]?.call);
    expect(spans[3]?.error?.code).toBe('invalid_output');
    expect(spans[2]?.toolCall?.result).toEqual({ status: 'shipped' });
  });

  it('marks a turn whose model call failed as failed', () => {
    const failing: StepTrace = {
      ...agent,
      turns: [
        {
          turn: 1,
          call: call(0, 10, { error: { code: 'model_error', message: 'upstream 500' } }),
          tool_calls: [],
        },
      ],
    };
    expect(toSpans({ steps: [failing] })[1]).toMatchObject({ kind: 'turn', status: 'failed' });
  });
});

describe('summarize', () => {
  it('writes an object as key: value pairs, keeps unparsed text as given and cuts long values', () => {
    expect(summarize({ a: 1, b: 'x', c: { d: [1] } }, 40)).toBe('a: 1, b: "x", c: {"d":[1]}');
    expect(summarize('{not json', 40)).toBe('{not json');
    expect(summarize([1, 2], 40)).toBe('[1,2]');
    const cut = summarize({ text: 'y'.repeat(100) }, 20);
    expect(cut).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});
