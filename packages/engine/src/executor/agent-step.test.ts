import type { CompletionRequest, ToolCall } from '../models/types.js';
import { redact } from '../trace/redact.js';
import { pipeline } from './pipeline-fixture.js';
import { runPipeline } from './run-pipeline.js';
import { MAX_TOOL_RESULT_CHARS } from './steps/agent-tools.js';
import { type Reply, TestGateway } from './test-gateway.js';

const call = (name: string, args: unknown, id = ''): ToolCall => ({ id, name, arguments: args });

/** Turn n (1-based) of a conversation is the number of assistant messages sent so far + 1. */
function turnOf(request: CompletionRequest): number {
  return request.messages.filter((m) => m.role === 'assistant').length + 1;
}

/** A gateway that replies per turn of the conversation it is sent (the same for any attempt). */
function byTurn(replies: Record<number, Reply>, otherwise: Reply = { text: 'done' }): TestGateway {
  return new TestGateway((request) => replies[turnOf(request)] ?? otherwise);
}

const adder = (extra = '', stepKeys = '') => `
name: t
budget: {}
steps:
  - id: solve
    ${stepKeys}
    agent:
      model: test-a
      system: You add numbers.
      prompt: "Add {{ input.n }} to something."
      ${extra}
      tools:
        - name: add
          description: Adds x to the case's n.
          input: { type: object, required: [x], properties: { x: { type: number } }, additionalProperties: false }
          code: return args.x + input.n
        - name: shout
          description: Upper-cases a word.
          input: { type: object, required: [word], properties: { word: { type: string } } }
          code: return args.word.toUpperCase()
`;

describe('agent step', () => {
  it('runs the tools a turn asks for, sends the results back, and ends on a final answer', async () => {
    const gateway = byTurn({
      1: { text: 'let me add', toolCalls: [call('add', { x: 2 }, 'c1')] },
      2: { text: 'the sum is 7' },
    });
    const run = await runPipeline(pipeline(adder()), { input: { n: 5 }, gateway });
    expect(run.status).toBe('ok');
    expect(run.output).toBe('the sum is 7');
    const [first, second] = gateway.requests;
    expect(first!.tools!.map((t) => t.name)).toEqual(['add', 'shout']);
    expect(first!.tools![0]!.input_schema).toMatchObject({ required: ['x'] });
    expect(first!.toolChoice).toBe('auto');
    expect(first!.messages).toEqual([
      { role: 'system', content: 'You add numbers.' },
      { role: 'user', content: 'Add 5 to something.' },
    ]);
    expect(second!.messages.slice(2)).toEqual([
      { role: 'assistant', content: 'let me add', tool_calls: [call('add', { x: 2 }, 'c1')] },
      { role: 'tool', tool_call_id: 'c1', name: 'add', content: '7' },
    ]);
    const step = run.trace.steps[0]!;
    expect(step.turns).toHaveLength(2);
    expect(step.turns![0]).toMatchObject({
      turn: 1,
      call: { start_ms: 0, end_ms: 100, text: 'let me add' },
      tool_calls: [{ id: 'c1', name: 'add', args: { x: 2 }, status: 'ok', result: 7 }],
    });
    expect(step.turns![0]!.final).toBeUndefined();
    // After the first turn the trace keeps only the messages added since the turn before.
    expect(step.turns![1]!.call.messages).toEqual(second!.messages.slice(2));
    expect(step.turns![1]).toMatchObject({ turn: 2, final: true, call: { output: 'the sum is 7' } });
    expect(step.usage.calls).toBe(2);
    expect(run.usage.calls).toBe(2);
  });

  it("gives ids to the provider's calls that lack one: call_<turn>_<index>", async () => {
    const gateway = byTurn({ 1: { toolCalls: [call('add', { x: 1 }), call('add', { x: 2 })] } });
    const run = await runPipeline(pipeline(adder()), { input: { n: 0 }, gateway });
    expect(run.trace.steps[0]!.turns![0]!.tool_calls.map((c) => c.id)).toEqual(['call_1_0', 'call_1_1']);
    expect(gateway.requests[1]!.messages.filter((m) => m.role === 'tool').map((m) => m.tool_call_id)).toEqual(
      ['call_1_0', 'call_1_1'],
    );
  });

  it("runs a turn's tool calls in parallel and returns their results in the model's order", async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: research
    agent:
      model: test-a
      prompt: research
      tools:
        - name: ask
          description: Asks a model.
          input: { type: object, required: [q], properties: { q: { type: string } } }
          steps:
            - id: inner
              llm: { model: test-b, prompt: "{{ args.q }}" }
`);
    const gateway = new TestGateway((request, prompt) => {
      if (request.model === 'test-b')
        return { text: `answer to ${prompt}`, latency_ms: prompt === 'slow' ? 300 : 50 };
      return turnOf(request) === 1
        ? { toolCalls: [call('ask', { q: 'slow' }, 'a'), call('ask', { q: 'fast' }, 'b')] }
        : { text: 'done' };
    });
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.status).toBe('ok');
    const turn = run.trace.steps[0]!.turns![0]!;
    expect(turn.tool_calls.map((c) => [c.id, c.start_ms, c.end_ms])).toEqual([
      ['a', 100, 400],
      ['b', 100, 150],
    ]);
    expect(run.trace.steps[0]!.turns![1]!.call.start_ms).toBe(400);
    expect(run.latency_ms).toBe(500);
    const tools = gateway.requests.at(-1)!.messages.filter((m) => m.role === 'tool');
    expect(tools.map((m) => m.content)).toEqual(['"answer to slow"', '"answer to fast"']);
    expect(turn.tool_calls[0]!.steps![0]).toMatchObject({
      kind: 'llm',
      status: 'ok',
      output: 'answer to slow',
    });
    // The inner model calls count in the step's usage and the case's.
    expect(run.trace.steps[0]!.usage.calls).toBe(4);
    expect(run.usage.calls).toBe(4);
  });

  it('sends unknown tools and bad arguments back as tool errors, and the agent recovers', async () => {
    const gateway = byTurn({
      1: {
        toolCalls: [
          call('nope', {}, 'u'),
          call('add', { x: 'two' }, 'b'),
          call('add', '{"x": 2', 'j'),
          call('add', [2], 'r'),
        ],
      },
      2: { toolCalls: [call('add', { x: 2 }, 'ok')] },
      3: { text: 'it is 7' },
    });
    const run = await runPipeline(pipeline(adder()), { input: { n: 5 }, gateway });
    expect(run.status).toBe('ok');
    expect(run.output).toBe('it is 7');
    const errors = gateway.requests[1]!.messages.filter((m) => m.role === 'tool').map((m) => m.content);
    expect(errors[0]).toBe('Error: no tool named "nope"; the tools are add, shout');
    expect(errors[1]).toMatch(
      /^Error: the arguments do not match the tool's input schema: args\/x must be number$/,
    );
    expect(errors[2]).toBe('Error: the arguments are not JSON: {"x": 2');
    expect(errors[3]).toBe('Error: the arguments must be a JSON object, not an array');
    const first = run.trace.steps[0]!.turns![0]!.tool_calls;
    expect(first.map((c) => [c.status, c.error?.code])).toEqual([
      ['failed', 'invalid_output'],
      ['failed', 'invalid_output'],
      ['failed', 'invalid_output'],
      ['failed', 'invalid_output'],
    ]);
    expect(gateway.requests[2]!.messages.at(-1)).toMatchObject({ role: 'tool', content: '7' });
  });

  it("a hidden case's trace shows an agent's turns and tool calls as counts, none of their text", async () => {
    const gateway = byTurn({
      1: { toolCalls: [call('nope', { secret: 'input-derived' }), call('add', { x: 3 })] },
      2: { text: 'the secret answer' },
    });
    const run = await runPipeline(pipeline(adder()), { input: { n: 5 }, gateway });
    const hidden = redact(run.trace);
    expect(hidden.steps[0]).toMatchObject({ kind: 'agent', turns: 2, tool_calls: 2, failed_tool_calls: 1 });
    expect(hidden.steps[0]!.usage.calls).toBe(2);
    expect(JSON.stringify(hidden)).not.toMatch(/secret|nope|Add 5/);
  });

  it('sends a throwing tool back as a tool error, not a step failure', async () => {
    const p = pipeline(
      adder().replace('code: return args.word.toUpperCase()', 'code: throw new Error("no shouting today")'),
    );
    const gateway = byTurn({ 1: { toolCalls: [call('shout', { word: 'hi' }, 's')] }, 2: { text: 'fine' } });
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    expect(run.status).toBe('ok');
    const sent = gateway.requests[1]!.messages.at(-1)!;
    expect(sent.content).toMatch(/^Error: .*no shouting today/);
    expect(run.trace.steps[0]!.turns![0]!.tool_calls[0]).toMatchObject({
      status: 'failed',
      error: { code: 'code_error' },
    });
  });

  it('cuts a long tool result and says so in the message', async () => {
    const p = pipeline(
      adder().replace('code: return args.word.toUpperCase()', 'code: return args.word.repeat(20000)'),
    );
    const gateway = byTurn({ 1: { toolCalls: [call('shout', { word: 'ab' }, 's')] } });
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    const content = gateway.requests[1]!.messages.at(-1)!.content;
    expect(content).toHaveLength(MAX_TOOL_RESULT_CHARS + '… (truncated, 40002 chars)'.length);
    expect(content.endsWith('… (truncated, 40002 chars)')).toBe(true);
    // The trace keeps what the model read, not the whole result (a case's trace stays bounded).
    expect(run.trace.steps[0]!.turns![0]!.tool_calls[0]!.result).toBe(content);
  });

  it('a tool stopped by a sandbox limit fails the step, charged its whole deadline, instead of looping', async () => {
    const p = pipeline(adder().replace('code: return args.word.toUpperCase()', 'code: while (true) {}'));
    const gateway = new TestGateway(() => ({ toolCalls: [call('shout', { word: 'hi' })] }));
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    expect(run.status).toBe('sandbox_limit');
    expect(gateway.requests).toHaveLength(1);
    const tool = run.trace.steps[0]!.turns![0]!.tool_calls[0]!;
    expect(tool.end_ms - tool.start_ms).toBeGreaterThanOrEqual(1000);
  });

  it("charges stop_when's CPU as virtual time, every turn", async () => {
    const heavy =
      'stop_when: "(() => { let s = 0; for (let i = 0; i < 5e5; i++) s += i; return turn > 5 && s > 0; })()"';
    const latency = async (extra: string) => {
      const gateway = byTurn({
        1: { toolCalls: [call('add', { x: 1 })] },
        2: { toolCalls: [call('add', { x: 2 })] },
      });
      const run = await runPipeline(pipeline(adder(extra)), { input: { n: 0 }, gateway });
      expect(run.status).toBe('ok');
      return run.trace.latency_ms;
    };
    const light = await latency('stop_when: "turn > 5"');
    expect(await latency(heavy)).toBeGreaterThan(light + 20);
  });

  it('fails with agent_max_turns when the turns run out without an answer', async () => {
    const gateway = new TestGateway(() => ({ toolCalls: [call('add', { x: 1 })] }));
    const run = await runPipeline(pipeline(adder('max_turns: 3')), { input: { n: 0 }, gateway });
    expect(run.status).toBe('agent_max_turns');
    expect(run.error!.message).toMatch(/its 3 turns/);
    expect(run.error!.step).toBe('solve');
    expect(gateway.requests).toHaveLength(3);
    expect(run.trace.steps[0]!.turns).toHaveLength(3);
    expect(run.usage.calls).toBe(3);
  });

  it('stop_when makes the next turn the last: tools offered with toolChoice none', async () => {
    const gateway = new TestGateway((request) =>
      request.toolChoice === 'none'
        ? { text: 'final' }
        : { toolCalls: [call('add', { x: turnOf(request) })] },
    );
    const p = pipeline(adder('stop_when: "turn >= 2 && calls.length === 2 && calls[1].result === 2"'));
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    expect(run.status).toBe('ok');
    expect(run.output).toBe('final');
    expect(gateway.requests.map((r) => r.toolChoice)).toEqual(['auto', 'auto', 'none']);
    expect(gateway.requests[2]!.tools).toHaveLength(2);
    expect(run.trace.steps[0]!.turns![2]!.final).toBe(true);
  });

  it('stop_when sees failed calls with their error', async () => {
    const gateway = new TestGateway((request) =>
      request.toolChoice === 'none' ? { text: 'gave up' } : { toolCalls: [call('nope', {})] },
    );
    const p = pipeline(adder('stop_when: "calls.some((c) => c.error !== null && c.result === null)"'));
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    expect(run.output).toBe('gave up');
    expect(gateway.requests).toHaveLength(2);
  });

  it('on the last turn, tool calls with text answer with the text; without text it is invalid_output', async () => {
    const last = (text: string) =>
      new TestGateway((request) =>
        request.toolChoice === 'none'
          ? { text, toolCalls: [call('add', { x: 1 })] }
          : { toolCalls: [call('add', { x: 1 })] },
      );
    const p = pipeline(adder('stop_when: "turn >= 1"'));
    const answered = await runPipeline(p, { input: { n: 0 }, gateway: last('my answer') });
    expect(answered.output).toBe('my answer');
    const failed = await runPipeline(p, { input: { n: 0 }, gateway: last('') });
    expect(failed.status).toBe('invalid_output');
    expect(failed.error!.message).toMatch(/last turn.*asked for tools \(add\)/);
  });

  it('counts every turn against the budget: max_calls hit mid-loop is budget_exceeded', async () => {
    const gateway = new TestGateway(() => ({ toolCalls: [call('add', { x: 1 })] }));
    const p = pipeline(adder().replace('budget: {}', 'budget: { max_calls: 2 }'));
    const run = await runPipeline(p, { input: { n: 0 }, gateway });
    expect(run.status).toBe('budget_exceeded');
    expect(gateway.requests).toHaveLength(2);
    expect(run.usage.calls).toBe(2);
    expect(run.trace.steps[0]!.status).toBe('failed');
  });

  it('a budget_exceeded inside a tool ends the step instead of going back to the model', async () => {
    const p = pipeline(`
name: t
budget: { max_calls: 1 }
steps:
  - id: a
    agent:
      model: test-a
      prompt: go
      tools:
        - name: ask
          description: Asks a model.
          input: { type: object }
          steps:
            - id: inner
              llm: { model: test-b, prompt: inner }
`);
    const gateway = byTurn({ 1: { toolCalls: [call('ask', {})] } });
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.status).toBe('budget_exceeded');
    expect(gateway.requests).toHaveLength(1);
  });

  it('use tools run the skill with args as its input; steps tools see args and the frame', async () => {
    const skill = pipeline(`
name: shout
budget: {}
steps:
  - id: up
    code: return input.word.toUpperCase() + '!'
`);
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: base
    code: return 10
  - id: a
    agent:
      model: test-a
      prompt: go
      tools:
        - name: shout
          description: Shouts a word.
          input: { type: object, required: [word], properties: { word: { type: string } } }
          use: shout
        - name: plus
          description: Adds to the base.
          input: { type: object, required: [x], properties: { x: { type: number } } }
          steps:
            - id: sum
              code: return base + args.x
            - id: twice
              code: return sum * 2
`);
    const gateway = byTurn({
      1: { toolCalls: [call('shout', { word: 'hey' }, 's'), call('plus', { x: 1 }, 'p')] },
    });
    const run = await runPipeline(p, {
      input: null,
      gateway,
      skills: (n) => (n === 'shout' ? skill : undefined),
    });
    expect(run.status).toBe('ok');
    const [shout, plus] = run.trace.steps[1]!.turns![0]!.tool_calls;
    expect(shout).toMatchObject({
      status: 'ok',
      result: 'HEY!',
      steps: [{ id: 'up', kind: 'code', status: 'ok' }],
    });
    expect(plus).toMatchObject({
      status: 'ok',
      result: 22,
      steps: [
        { id: 'sum', output: 11 },
        { id: 'twice', output: 22 },
      ],
    });
    const sent = gateway.requests[1]!.messages.filter((m) => m.role === 'tool').map((m) => m.content);
    expect(sent).toEqual(['"HEY!"', '22']);
  });

  it('a failing step inside a steps tool goes back as a tool error with its code', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: a
    agent:
      model: test-a
      prompt: go
      tools:
        - name: pick
          description: Picks a branch.
          input: { type: object }
          steps:
            - id: choose
              branch: { cases: [{ when: "false", steps: [{ id: one, code: "return 1" }] }] }
`);
    const gateway = byTurn({ 1: { toolCalls: [call('pick', {})] } });
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.status).toBe('ok');
    expect(run.trace.steps[0]!.turns![0]!.tool_calls[0]!.error!.code).toBe('no_branch_matched');
  });

  it('checks a JSON final answer against output.json, and retry starts the conversation over', async () => {
    const yaml = (retry: string) =>
      adder(
        'output: { json: { type: object, required: [sum], properties: { sum: { type: number } } } }',
        retry,
      );
    let attempts = 0;
    const gateway = () =>
      new TestGateway((request) => {
        if (turnOf(request) === 1) {
          attempts++;
          return { toolCalls: [call('add', { x: 1 })] };
        }
        return { json: attempts === 1 ? { sum: 'six' } : { sum: 6 } };
      });
    attempts = 0;
    const failed = await runPipeline(pipeline(yaml('')), { input: { n: 5 }, gateway: gateway() });
    expect(failed.status).toBe('invalid_output');
    expect(failed.error!.message).toMatch(/sum/);
    attempts = 0;
    const second = gateway();
    const fixed = await runPipeline(pipeline(yaml('retry: { attempts: 2, feedback: true }')), {
      input: { n: 5 },
      gateway: second,
    });
    expect(fixed.status).toBe('ok');
    expect(fixed.output).toEqual({ sum: 6 });
    expect(second.requests[2]!.output).toMatchObject({ kind: 'json' });
    expect(second.requests[2]!.messages[1]!.content).toMatch(
      /previous answer was rejected \(invalid_output\)/,
    );
    const turns = fixed.trace.steps[0]!.turns!;
    expect(turns.map((t) => [t.turn, t.call.attempt, t.final ?? false])).toEqual([
      [1, 1, false],
      [2, 1, false],
      [1, 2, false],
      [2, 2, true],
    ]);
    expect(turns[1]!.call.error).toMatchObject({ code: 'invalid_output' });
    expect(fixed.usage.calls).toBe(4);
    expect(fixed.trace.steps[0]!.usage.calls).toBe(4);
  });

  it("validate's redo re-runs the agent with the feedback appended to its prompt", async () => {
    const p = pipeline(`${adder()}
  - id: v
    validate: solve
    check: "value.includes('7') || 'show the sum'"
    on_fail: { redo: true, rounds: 2, feedback: "You said {{ value }}: {{ reason }}" }
`);
    const gateway = new TestGateway((request) => {
      const prompt = request.messages[1]!.content;
      if (turnOf(request) === 1) return { toolCalls: [call('add', { x: 2 })] };
      return { text: prompt.includes('show the sum') ? 'it is 7' : 'done' };
    });
    const run = await runPipeline(p, { input: { n: 5 }, gateway });
    expect(run.status).toBe('ok');
    expect(run.output).toBe('it is 7');
    expect(gateway.requests[2]!.messages[1]!.content).toBe(
      'Add 5 to something.\n\nYou said done: show the sum',
    );
    const redo = run.trace.steps[1]!.rounds![0]!.redo[0]!;
    expect(redo).toMatchObject({ kind: 'agent', output: 'it is 7' });
    expect(redo.turns).toHaveLength(2);
    expect(run.usage.calls).toBe(4);
  });

  it('a timeout stops the agent while its tools run', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: a
    timeout_ms: 250
    agent:
      model: test-a
      prompt: go
      tools:
        - name: ask
          description: Asks a model.
          input: { type: object }
          steps:
            - id: inner
              llm: { model: test-b, prompt: inner }
`);
    const gateway = new TestGateway((request) =>
      request.model === 'test-b' ? { text: 'x', latency_ms: 1000 } : { toolCalls: [call('ask', {})] },
    );
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.status).toBe('timeout');
    expect(run.latency_ms).toBe(250);
  });

  it('gives the same trace for the same case, whatever order real responses arrive in', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: a
    agent:
      model: test-a
      prompt: go
      tools:
        - name: ask
          description: Asks a model.
          input: { type: object, required: [q], properties: { q: { type: string } } }
          steps:
            - id: inner
              llm: { model: test-b, prompt: "{{ args.q }}" }
`);
    const traces: string[] = [];
    for (const seed of [1, 2, 3]) {
      const gateway = new TestGateway(
        (request, prompt) =>
          request.model === 'test-b'
            ? { text: prompt, latency_ms: 10 * prompt.length }
            : turnOf(request) < 3
              ? {
                  toolCalls: ['a', 'bbb', 'cc'].map((q, i) =>
                    call('ask', { q: q + turnOf(request) }, `${i}`),
                  ),
                }
              : { text: 'done' },
        (request) =>
          request.model === 'test-b' ? ((request.messages[0]!.content.length * seed) % 7) + 1 : 0,
      );
      const run = await runPipeline(p, { input: null, gateway });
      expect(run.status).toBe('ok');
      traces.push(JSON.stringify(run.trace));
    }
    expect(traces[1]).toBe(traces[0]);
    expect(traces[2]).toBe(traces[0]);
  });
});
