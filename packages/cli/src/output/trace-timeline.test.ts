import type { StepTrace } from '@reps/engine';
import type { TraceRecord } from '../run/trace-record.js';
import { renderTrace } from './trace-timeline.js';

const usage = (calls = 0) => ({
  calls,
  input_tokens: calls * 10,
  output_tokens: calls * 2,
  cost_usd: calls * 1e-6,
});

function record(steps: StepTrace[], status: TraceRecord['status'] = 'ok'): TraceRecord {
  return {
    format: 'reps-trace/1',
    case_id: 'public-1',
    challenge: { slug: 'demo', version: 2 },
    pipeline: 'p.yaml',
    saved_at: '2026-01-01T00:00:00.000Z',
    status,
    score: status === 'ok' ? 1 : 0,
    reason: '',
    input: { text: 'x' },
    expected: 1,
    output: status === 'ok' ? 1 : null,
    cost_usd: 0,
    latency_ms: 1200,
    trace: { status, latency_ms: 1200, usage: usage(2), steps },
  };
}

const call = (sample: number, start: number, end: number) => ({
  attempt: 1,
  sample,
  model: 'sim-mini',
  messages: [{ role: 'user' as const, content: `Rate item ${sample}` }],
  text: `answer ${sample}`,
  input_tokens: 10,
  output_tokens: 2,
  cost_usd: 1e-6,
  start_ms: start,
  end_ms: end,
});

describe('renderTrace', () => {
  it('indents map items under their step and calls under their items', () => {
    const text = renderTrace(
      record([
        {
          id: 'rated',
          kind: 'map',
          start_ms: 0,
          end_ms: 1200,
          status: 'ok',
          usage: usage(2),
          items: [0, 1].map((index) => ({
            index,
            start_ms: 0,
            end_ms: 600 * (index + 1),
            status: 'ok' as const,
            steps: [
              {
                kind: 'llm' as const,
                start_ms: 0,
                end_ms: 600,
                status: 'ok' as const,
                usage: usage(1),
                calls: [call(0, 0, 600)],
              },
            ],
          })),
        },
      ]),
      { full: false, width: 80 },
    );
    const lines = text.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const indentOf = (i: number) => /^\s*[\d,]+–\s*[\d,]+\s+/.exec(lines[i]!)![0].length;
    const map = at(/rated · map · ok · 2 calls/);
    const item = at(/item 1 · ok/);
    const llm = at(/\(inline\) · llm · ok/);
    const callLine = at(/call attempt 1 · sim-mini/);
    expect(map).toBeGreaterThan(0);
    expect(indentOf(item)).toBe(indentOf(map) + 2);
    expect(indentOf(llm)).toBe(indentOf(item) + 2);
    expect(indentOf(callLine)).toBe(indentOf(llm) + 2);
    expect(lines[item]).toMatch(/^\s*0–1,200/);
  });

  it('numbers samples only when a step drew several', () => {
    const text = renderTrace(
      record([
        {
          id: 'votes',
          kind: 'llm',
          start_ms: 0,
          end_ms: 600,
          status: 'ok',
          usage: usage(2),
          calls: [call(0, 0, 600), call(1, 0, 600)],
        },
      ]),
      { full: false, width: 80 },
    );
    expect(text).toMatch(/call sample 1 attempt 1 · sim-mini/);
    expect(text).toMatch(/call sample 2 attempt 1 · sim-mini/);
  });

  it('shows steps that never ran (a dependency failed) as not run, not as ok', () => {
    const text = renderTrace(
      record(
        [
          {
            id: 'parse',
            kind: 'code',
            start_ms: 0,
            end_ms: 0,
            status: 'failed',
            error: { code: 'code_error', message: 'boom' },
            usage: usage(),
          },
          { id: 'result', kind: 'output', start_ms: 0, end_ms: 0, status: 'ok', usage: usage() },
        ],
        'code_error',
      ),
      { full: false, width: 80 },
    );
    expect(text).toMatch(/parse · code · failed · code_error: boom/);
    expect(text).toMatch(/result · output · not run/);
  });

  it('shows what a step produced after everything it held, at the depth of its contents', () => {
    const inner = (id: string, start: number, output: unknown): StepTrace => ({
      id,
      kind: 'code',
      start_ms: start,
      end_ms: start + 100,
      status: 'ok',
      output,
      usage: usage(),
    });
    const text = renderTrace(
      record([
        {
          id: 'checked',
          kind: 'validate',
          start_ms: 0,
          end_ms: 300,
          status: 'flagged',
          output: 'kept',
          usage: usage(),
          rounds: [
            { round: 1, failures: [{ index: 2, reason: 'too short' }], redo: [inner('fix', 0, 'longer')] },
          ],
          flagged: [{ reason: 'still short' }],
        },
        {
          id: 'refine',
          kind: 'loop',
          start_ms: 300,
          end_ms: 500,
          status: 'ok',
          output: 'refined',
          usage: usage(),
          iterations: [{ iteration: 0, steps: [inner('draft', 300, 'first')], done: true }],
        },
      ]),
      { full: false, width: 80 },
    );
    const lines = text.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const order = [
      /checked · validate · flagged/,
      /^\s+round 1 · 1 failing/,
      /✗ item 2: too short/,
      /fix · code · ok/,
      /→ longer/,
      /flagged still short/,
      /→ kept/,
      /refine · loop · ok/,
      /iteration 0 · done/,
      /draft · code · ok/,
      /→ first/,
      /→ refined/,
    ].map(at);
    expect(order.every((line) => line > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const indentOf = (line: number) => /^\s*[^\s]/.exec(lines[line]!.slice(19))![0].length;
    // The round and the step's own result sit one level under the step.
    expect(indentOf(order[1]!)).toBe(indentOf(order[6]!));
  });

  it("indents an agent's turns under it, tool calls under their turn and a tool's steps under the call", () => {
    const prompt = { role: 'user' as const, content: 'Where is order A1?' };
    const asked = {
      role: 'assistant' as const,
      content: '',
      tool_calls: [{ id: 'c1', name: 'lookup_order', arguments: { id: 'A1' } }],
    };
    const answered = {
      role: 'tool' as const,
      content: '{"status":"shipped"}',
      tool_call_id: 'c1',
      name: 'lookup_order',
    };
    const agent = (): StepTrace => ({
      id: 'support',
      kind: 'agent',
      start_ms: 0,
      end_ms: 1200,
      status: 'ok',
      output: 'It shipped.',
      usage: usage(2),
      turns: [
        {
          turn: 1,
          call: { ...call(0, 0, 400), messages: [prompt], text: '' },
          tool_calls: [
            {
              id: 'c1',
              name: 'lookup_order',
              args: { id: 'A1' },
              start_ms: 400,
              end_ms: 600,
              status: 'ok',
              result: { status: 'shipped' },
              steps: [
                {
                  id: 'fetch',
                  kind: 'code',
                  start_ms: 400,
                  end_ms: 600,
                  status: 'ok',
                  output: 1,
                  usage: usage(),
                },
              ],
            },
            {
              id: 'c2',
              name: 'refund',
              args: 'not json',
              start_ms: 400,
              end_ms: 400,
              status: 'failed',
              error: { code: 'invalid_output', message: 'arguments must be JSON' },
            },
          ],
        },
        {
          turn: 2,
          call: { ...call(0, 600, 1200), messages: [prompt, asked, answered], text: 'It shipped.' },
          tool_calls: [],
          final: true,
        },
      ],
    });
    const short = renderTrace(record([agent()]), { full: false, width: 80 });
    const lines = short.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const order = [
      /support · agent · ok · 2 calls/,
      /turn 1 · sim-mini · 10→2 tok · .* · 2 tool calls/,
      /prompt Where is order A1\?/,
      /tool lookup_order · ok/,
      /args {"id":"A1"}/,
      /→ {"status":"shipped"}/,
      /fetch · code · ok/,
      /tool refund · failed · invalid_output: arguments must be JSON/,
      /turn 2 · sim-mini .* · final/,
      /output It shipped\./,
    ].map(at);
    expect(order.every((line) => line > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const indentOf = (line: number) => /^\s*[\d,]+–\s*[\d,]+\s+/.exec(lines[line]!)![0].length;
    expect(indentOf(order[1]!)).toBe(indentOf(order[0]!) + 2);
    expect(indentOf(order[3]!)).toBe(indentOf(order[1]!) + 2);
    expect(indentOf(order[6]!)).toBe(indentOf(order[3]!) + 2);
    // The turn spans the tool calls it asked for; the prompt is not repeated on later turns.
    expect(lines[order[1]!]).toMatch(/^\s*0–\s*600/);
    expect(lines.filter((l) => /prompt Where is order/.test(l))).toHaveLength(1);
    // The answer is on the final turn, not repeated as the step's output.
    expect(lines.filter((l) => /It shipped\./.test(l))).toHaveLength(1);

    // --full shows each turn's new messages: the tool calls asked for and the results sent back.
    const full = renderTrace(record([agent()]), { full: true, width: 80 });
    expect(full).toMatch(/assistant:\n\s+→ lookup_order\({"id":"A1"}\)/);
    expect(full).toMatch(/tool lookup_order:\n\s+{"status":"shipped"}/);
    expect(full.match(/Where is order A1\?/g)).toHaveLength(1);
  });
});
