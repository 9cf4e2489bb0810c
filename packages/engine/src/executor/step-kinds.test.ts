import { pipeline } from './pipeline-fixture.js';
import { runPipeline } from './run-pipeline.js';
import { rules, TestGateway } from './test-gateway.js';

const echo = new TestGateway((_r, prompt) => ({ text: `echo:${prompt}` }));

describe('step kinds', () => {
  it('code: runs a body with input and earlier outputs, output gives the result', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: words
    code: return input.text.split(' ')
  - id: count
    code: return words.length
  - id: result
    output: "({ n: count, first: words[0] })"
`);
    const run = await runPipeline(p, { input: { text: 'a b c' }, gateway: echo });
    expect(run.status).toBe('ok');
    expect(run.output).toEqual({ n: 3, first: 'a' });
    expect(run.latency_ms).toBe(0);
  });

  it('without an output step the last step gives the result', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 41\n  - id: b\n    code: return a + 1\n',
    );
    expect((await runPipeline(p, { input: null, gateway: echo })).output).toBe(42);
  });

  it('llm: renders system and prompt templates (objects as JSON) and returns the text', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: ask
    llm:
      model: test-a
      system: "You are {{ input.role }}."
      prompt: "Data: {{ input.data }} n={{ input.n }}"
`);
    const gateway = new TestGateway((_r, prompt) => ({ text: prompt.toUpperCase() }));
    const run = await runPipeline(p, { input: { role: 'kind', data: { a: 1 }, n: 2 }, gateway });
    expect(run.output).toBe('DATA: {"A":1} N=2');
    expect(gateway.requests[0]!.messages).toEqual([
      { role: 'system', content: 'You are kind.' },
      { role: 'user', content: 'Data: {"a":1} n=2' },
    ]);
    expect(gateway.requests[0]!.temperature).toBe(0);
    expect(run.trace.steps[0]!.calls![0]).toMatchObject({ model: 'test-a', start_ms: 0, end_ms: 100 });
  });

  it('llm: JSON output is validated against the schema; a mismatch is invalid_output', async () => {
    const yaml = (retry: string) => `
name: t
budget: {}
steps:
  - id: ask
    llm:
      model: test-a
      prompt: rate it
      output: { json: { type: object, required: [risk], properties: { risk: { enum: [low, high] } } } }
      ${retry}
`;
    const gateway = new TestGateway((_r, _p, i) => ({
      json: i === 0 ? { risk: 'medium' } : { risk: 'low' },
    }));
    const failed = await runPipeline(pipeline(yaml('')), { input: null, gateway });
    expect(failed.status).toBe('invalid_output');
    expect(failed.error!.message).toMatch(/risk/);
    const fixed = await runPipeline(pipeline(yaml('retry: { attempts: 2 }')), {
      input: null,
      gateway: new TestGateway((_r, _p, i) => ({ json: i === 0 ? { risk: 'medium' } : { risk: 'low' } })),
    });
    expect(fixed.output).toEqual({ risk: 'low' });
  });

  it('llm: text that is not JSON is invalid_output', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: test-a, prompt: x, output: { json: { type: object } } }\n',
    );
    const run = await runPipeline(p, { input: null, gateway: new TestGateway(() => ({ text: 'Sure! {' })) });
    expect(run.status).toBe('invalid_output');
  });

  it('llm: samples > 1 gives an array, one call per sample index, in parallel', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: test-a, prompt: x, samples: 3, temperature: 0.7 }\n',
    );
    const gateway = new TestGateway((r) => ({
      text: `s${r.sampleIndex}`,
      latency_ms: 100 + (r.sampleIndex ?? 0) * 10,
    }));
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.output).toEqual(['s0', 's1', 's2']);
    expect(run.latency_ms).toBe(120);
    expect(run.usage.calls).toBe(3);
  });

  it('map: runs the inner step per item with item and index, keeping order', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: rated
    map: input.items
    step:
      llm: { model: test-a, prompt: "{{ index }}:{{ item }}" }
`);
    const gateway = new TestGateway((_r, prompt) => ({
      text: prompt,
      latency_ms: prompt.startsWith('0') ? 500 : 100,
    }));
    const run = await runPipeline(p, { input: { items: ['x', 'y', 'z'] }, gateway });
    expect(run.output).toEqual(['0:x', '1:y', '2:z']);
    expect(run.latency_ms).toBe(500);
    expect(run.trace.steps[0]!.items!.map((i) => i.end_ms)).toEqual([500, 100, 100]);
  });

  it('map: concurrency limits items in flight in virtual time', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1,2,3,4,5]"\n    concurrency: 2\n    step:\n      llm: { model: test-a, prompt: "{{ item }}" }\n',
    );
    const run = await runPipeline(p, { input: null, gateway: echo });
    expect(run.latency_ms).toBe(300);
  });

  it('map: inner steps lists see item, outer steps and each other', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: base
    code: return 10
  - id: m
    map: "[1, 2]"
    steps:
      - id: doubled
        code: return item * 2
      - id: plus
        code: return doubled + base
`);
    expect((await runPipeline(p, { input: null, gateway: echo })).output).toEqual([12, 14]);
  });

  it('map: on_item_error skip drops failed items, null keeps a null, fail fails the map', async () => {
    const yaml = (mode: string, pct = 50) => `
name: t
budget: {}
steps:
  - id: m
    map: "[1, 2, 3, 4]"
    on_item_error: ${mode}
    tolerated_failure_pct: ${pct}
    step:
      code: "if (item % 2 === 0) throw new Error('even ' + item); return item"
`;
    expect((await runPipeline(pipeline(yaml('skip')), { input: null, gateway: echo })).output).toEqual([
      1, 3,
    ]);
    expect((await runPipeline(pipeline(yaml('null')), { input: null, gateway: echo })).output).toEqual([
      1,
      null,
      3,
      null,
    ]);
    const failed = await runPipeline(pipeline(yaml('fail', 25)), { input: null, gateway: echo });
    expect(failed.status).toBe('code_error');
    expect(failed.error!.message).toMatch(/item 1: .*even 2.*and 1 more/);
  });

  it('map: an expression that is not an array is a code_error', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: input\n    step: { code: return 1 }\n',
    );
    expect((await runPipeline(p, { input: 5, gateway: echo })).status).toBe('code_error');
  });

  it('branch: runs the first matching case, else the default, else no_branch_matched', async () => {
    const yaml = (withDefault: boolean) => `
name: t
budget: {}
steps:
  - id: b
    branch:
      cases:
        - when: input > 10
          steps: [{ id: big, code: "return 'big'" }]
        - when: input > 5
          steps: [{ id: mid, code: "return 'mid'" }]
${withDefault ? '      default: [{ id: small, code: "return \'small\'" }]' : ''}
`;
    expect((await runPipeline(pipeline(yaml(true)), { input: 20, gateway: echo })).output).toBe('big');
    expect((await runPipeline(pipeline(yaml(true)), { input: 7, gateway: echo })).output).toBe('mid');
    expect((await runPipeline(pipeline(yaml(true)), { input: 1, gateway: echo })).output).toBe('small');
    const none = await runPipeline(pipeline(yaml(false)), { input: 1, gateway: echo });
    expect(none.status).toBe('no_branch_matched');
    expect(none.error!.step).toBe('b');
  });

  it('vote: majority over samples, unanimous, and mean over steps', async () => {
    const answers = ['a', 'b', 'a'];
    const gateway = new TestGateway((r) => ({ text: answers[r.sampleIndex ?? 0]! }));
    const majority = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: s\n    llm: { model: test-a, prompt: x, samples: 3, temperature: 1 }\n  - id: v\n    vote: s\n',
    );
    expect((await runPipeline(majority, { input: null, gateway })).output).toBe('a');
    const unanimous = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: s\n    llm: { model: test-a, prompt: x, samples: 3, temperature: 1 }\n  - id: v\n    vote: s\n    method: unanimous\n',
    );
    expect((await runPipeline(unanimous, { input: null, gateway })).status).toBe('invalid_output');
    const mean = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: b\n    code: return 2\n  - id: v\n    vote: [a, b]\n    method: mean\n',
    );
    expect((await runPipeline(mean, { input: null, gateway })).output).toBe(1.5);
  });

  it('loop: repeats until the condition holds, with iteration and previous in scope', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: refine
    loop:
      steps:
        - id: next
          code: return (previous ?? 0) + iteration + 1
      until: value >= 6
      max_iterations: 10
`);
    const run = await runPipeline(p, { input: null, gateway: echo });
    expect(run.output).toBe(6);
    expect(run.trace.steps[0]!.iterations).toHaveLength(3);
  });

  it('loop: stops at max_iterations with the last value', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps: [{ id: x, code: return iteration }]\n      until: "false"\n      max_iterations: 4\n',
    );
    expect((await runPipeline(p, { input: null, gateway: echo })).output).toBe(3);
  });

  it('use: runs a saved skill with its inputs', async () => {
    const skill = pipeline(
      'name: shout\nbudget: {}\ninputs: { text: { type: string } }\nsteps:\n  - id: up\n    code: return input.text.toUpperCase()\n',
    );
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: s\n    use: shout\n    inputs: { text: input.name }\n',
    );
    const run = await runPipeline(p, {
      input: { name: 'ada' },
      gateway: echo,
      skills: (n) => (n === 'shout' ? skill : undefined),
    });
    expect(run.output).toBe('ADA');
    const missing = await runPipeline(p, { input: { name: 'ada' }, gateway: echo });
    expect(missing.status).toBe('code_error');
  });

  it('validate: a passing check returns the value', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 5\n  - id: v\n    validate: a\n    check: value > 1\n',
    );
    expect((await runPipeline(p, { input: null, gateway: echo })).output).toBe(5);
  });

  it('validate: redo re-runs the target with the feedback until the check passes', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: a
    llm: { model: test-a, prompt: "Give a number" }
  - id: v
    validate: a
    check: "Number(value) > 10 || 'too small'"
    on_fail: { redo: true, rounds: 2, feedback: "You said {{ value }}: {{ reason }}" }
`);
    const gateway = rules([
      [/You said 5: too small/, { text: '50' }],
      [/Give a number/, { text: '5' }],
    ]);
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.output).toBe('50');
    expect(gateway.requests[1]!.messages[0]!.content).toBe('Give a number\n\nYou said 5: too small');
    expect(run.trace.steps[1]!.rounds).toHaveLength(2);
  });

  it('validate: a later round still carries the feedback of the earlier rounds', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: a
    llm: { model: test-a, prompt: "Give a number" }
  - id: v
    validate: a
    check: "Number(value) > 10 || 'too small'"
    on_fail: { redo: true, rounds: 3, feedback: "You said {{ value }}: {{ reason }}" }
`);
    const gateway = rules([
      [/You said 7: too small/, { text: '70' }],
      [/You said 5: too small/, { text: '7' }],
      [/Give a number/, { text: '5' }],
    ]);
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.output).toBe('70');
    expect(gateway.requests[2]!.messages[0]!.content).toBe(
      'Give a number\n\nYou said 5: too small\n\nYou said 7: too small',
    );
  });

  it('validate: a map target re-runs only the failing items', async () => {
    const p = pipeline(`
name: t
budget: {}
steps:
  - id: m
    map: "['a', 'b', 'c']"
    step:
      llm: { model: test-a, prompt: "item {{ item }}" }
  - id: v
    validate: m
    check: "value !== 'bad'"
    on_fail: { redo: true, rounds: 1 }
`);
    const gateway = rules([
      [/item b\n\nYour previous answer bad/, { text: 'fixed' }],
      [/item b/, { text: 'bad' }],
      [/item/, { text: 'good' }],
    ]);
    const run = await runPipeline(p, { input: null, gateway });
    expect(run.output).toEqual(['good', 'fixed', 'good']);
    expect(gateway.requests).toHaveLength(4);
  });

  it('validate: then fail, flag and keep after the last round', async () => {
    const yaml = (then: string) =>
      `name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: value > 1\n    on_fail: { then: ${then} }\n`;
    expect((await runPipeline(pipeline(yaml('fail')), { input: null, gateway: echo })).status).toBe(
      'invalid_output',
    );
    const flagged = await runPipeline(pipeline(yaml('flag')), { input: null, gateway: echo });
    expect(flagged.output).toBe(1);
    expect(flagged.trace.steps[1]!.status).toBe('flagged');
    expect((await runPipeline(pipeline(yaml('keep')), { input: null, gateway: echo })).status).toBe('ok');
  });

  it('validate: a JSON Schema check', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: "return { n: \'x\' }"\n  - id: v\n    validate: a\n    schema: { type: object, properties: { n: { type: number } } }\n',
    );
    const run = await runPipeline(p, { input: null, gateway: echo });
    expect(run.status).toBe('invalid_output');
    expect(run.error!.message).toMatch(/value\/n must be number/);
  });
});
