import { readFileSync } from 'node:fs';
import { type Pipeline, pipelineJsonSchema } from '@reps/shared';
import { inputPathReads, writePath } from './input-paths.js';
import { type ParseOptions, parsePipeline } from './parse-pipeline.js';
import { snippetsOf } from './step-parts.js';

// The agent step (docs/dsl.md, "agent"): what the parser checks beyond its schema. The errors, each
// at its line and column, are rows of the invalid-pipeline corpus; here, what must parse.
const fixture = readFileSync(new URL('./fixtures/agent-tools.pipeline.yaml', import.meta.url), 'utf8');

const shout = {
  name: 'shout',
  budget: {},
  inputs: { text: { type: 'string' } },
  steps: [],
} as unknown as Pipeline;
const options: ParseOptions = {
  knownModels: (id) => id.startsWith('sim-'),
  skills: (name) => (name === 'shout' ? shout : undefined),
};

/** A pipeline of `steps` (YAML lines indented as list entries of `steps:`). */
const pipeline = (...lines: string[]) => ['name: t', 'steps:', ...lines].join('\n');

const messages = (source: string) => {
  const result = parsePipeline(source, options);
  return result.ok ? [] : result.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
};

describe('parsePipeline on agent steps', () => {
  it('accepts tools with code, steps and use bodies, stop_when and a JSON output', () => {
    const result = parsePipeline(fixture, options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const agent = result.pipeline.steps[2]!;
    expect('agent' in agent && agent.agent.tools.map((t) => t.name)).toEqual([
      'find_lines',
      'to_eur',
      'shout',
    ]);
  });

  it('makes the agent wait for the steps its tools use: in code, in tool steps and in stop_when', () => {
    const result = parsePipeline(fixture, options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // lines (prompt and find_lines' code), rates (only inside to_eur's steps); result waits for answer.
    expect(result.graph.deps).toEqual([[], [], [0, 1], [2]]);
    const source = pipeline(
      '  - id: limit',
      '    code: return 3',
      '  - id: a',
      '    agent:',
      '      model: sim-mini',
      '      prompt: go',
      '      stop_when: turn >= limit',
      '      tools:',
      '        - { name: t, description: d, input: { type: object }, code: return 1 }',
    );
    const only = parsePipeline(source, options);
    if (!only.ok) throw new Error(JSON.stringify(only.issues));
    expect(only.graph.deps).toEqual([[], [0]]);
  });

  it('puts args in scope of tool bodies at any depth, and turn and calls in scope of stop_when only', () => {
    const source = pipeline(
      '  - id: a',
      '    agent:',
      '      model: sim-mini',
      '      prompt: "{{ args }}"',
      '      stop_when: calls.length > 3 && args',
      '      tools:',
      '        - name: deep',
      '          description: d',
      '          input: { type: object }',
      '          steps:',
      '            - id: each',
      '              map: args.list',
      '              step: { code: "return [args.x, item, turn]" }',
    );
    expect(messages(source)).toEqual([
      `6:19 "args" is only in scope in an agent tool's body (its code or steps), not here`,
      `7:38 "args" is only in scope in an agent tool's body (its code or steps), not here`,
      `15:52 "turn" is only in scope in an agent's stop_when, not here`,
    ]);
  });

  it('refuses args, turn and calls as step ids', () => {
    for (const id of ['args', 'turn', 'calls'])
      expect(messages(pipeline(`  - id: ${id}`, '    code: return 1'))).toEqual([
        `3:9 "${id}" is a reserved name (a scope variable); choose another id`,
      ]);
  });

  it('does not let a tool body use its own agent’s output (as a map’s inner steps cannot)', () => {
    const source = pipeline(
      '  - id: a',
      '    agent:',
      '      model: sim-mini',
      '      prompt: go',
      '      tools:',
      '        - { name: t, description: d, input: { type: object }, steps: [{ id: s, code: return a }] }',
    );
    expect(messages(source)).toEqual([
      '3:9 dependency cycle: "a" uses its own output; a step can only use steps that can finish before it',
      `8:93 "a" is the step this one is inside; its output does not exist yet here`,
    ]);
  });

  it('lists tool code and stop_when among the step’s snippets, with the names each has in scope', () => {
    const step = {
      agent: {
        prompt: 'p',
        stop_when: 'turn > 1',
        tools: [{ code: 'return args' }, { steps: [{ id: 's', code: 'return 1' }] }],
      },
    };
    expect(snippetsOf(step, ['steps', 0])).toEqual([
      { kind: 'template', text: 'p', path: ['steps', 0, 'agent', 'prompt'] },
      { kind: 'body', text: 'return args', path: ['steps', 0, 'agent', 'tools', 0, 'code'], scope: ['args'] },
      {
        kind: 'expression',
        text: 'turn > 1',
        path: ['steps', 0, 'agent', 'stop_when'],
        scope: ['turn', 'calls'],
      },
    ]);
  });

  it('finds the input paths a tool reads, in its code and its steps', () => {
    const source = pipeline(
      '  - id: a',
      '    agent:',
      '      model: sim-mini',
      '      prompt: "{{ input.question }}"',
      '      tools:',
      '        - name: rate',
      '          description: d',
      '          input: { type: object }',
      '          code: return input.rates[args.currency]',
      '        - name: total',
      '          description: d',
      '          input: { type: object }',
      '          steps: [{ id: s, code: "return input.invoice.total" }]',
    );
    const reads = inputPathReads(source).map(
      (r) => `${r.position.line}:${r.position.column} ${writePath(r.root, r.segments)}`,
    );
    expect(reads).toEqual(['6:19 input.question', '11:24 input.rates', '15:42 input.invoice.total']);
  });
});

describe('the JSON Schema for editors', () => {
  it('describes the agent step, its keys and its tools with their three bodies', () => {
    const text = JSON.stringify(pipelineJsonSchema());
    const schema = JSON.parse(text) as { $defs?: Record<string, unknown> };
    const objects: Record<string, unknown>[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        objects.push(value as Record<string, unknown>);
        Object.values(value).forEach(walk);
      }
    };
    walk(schema);
    const withKeys = (...keys: string[]) =>
      objects.find((o) => {
        const properties = o.properties as Record<string, unknown> | undefined;
        return properties && keys.every((k) => k in properties);
      });
    const agentStep = withKeys('id', 'agent');
    expect(agentStep).toMatchObject({ required: ['agent'], additionalProperties: false });
    const spec = withKeys('model', 'prompt', 'tools', 'max_turns', 'stop_when');
    expect(spec).toMatchObject({ required: expect.arrayContaining(['model', 'prompt', 'tools']) });
    const tool = withKeys('name', 'description', 'input', 'code', 'use', 'steps');
    expect(tool).toMatchObject({
      required: ['name', 'description', 'input'],
      additionalProperties: false,
      properties: { name: { type: 'string', pattern: expect.any(String) } },
    });
  });
});
