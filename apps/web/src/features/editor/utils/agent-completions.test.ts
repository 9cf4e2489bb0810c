import { pipelineJsonSchema } from '@reps/shared';
import { agentToolsAt } from './agent-tools-at';
import { type JsonSchema, keysOf, schemaAt } from './schema-walk';
import { inAgent, scopeOptions } from './scope-options';
import { yamlPosition } from './yaml-context';

const root = pipelineJsonSchema() as JsonSchema;
const keysAt = (path: string[]) => keysOf(schemaAt(root, path), root).map((k) => k.name);

const pipeline = `name: support
steps:
  - id: support
    agent:
      model: sim-mini
      system: You answer order questions.
      prompt: |
        Order {{ input.order_id }}: use lookup_order first.
      tools:
        - name: lookup_order
          description: Finds an order.
          input: { type: object }
          code: |
            return args.order_id
        - name: refund_policy
          description: The refund rules.
          input: { type: object }
          steps:
            - id: rules
              code: return 1
      stop_when: calls.some(c => c.name === 'lookup_order')
  - id: other
    agent:
      model: sim-mini
      prompt: Ask.
      tools:
        - name: search
          description: Searches.
          input: { type: object }
          use: web-search
  - id: answer
    output: support
`;

/** Where the cursor is when it stands right after the first `marker` of the document. */
function at(marker: string) {
  const offset = pipeline.indexOf(marker) + marker.length;
  const upTo = pipeline.slice(0, offset).split('\n');
  const before = upTo.at(-1)!;
  return { offset, where: yamlPosition(upTo, before, offset - before.length) };
}

describe('agent completions', () => {
  it("offers an agent's keys and a tool's keys from the DSL's JSON Schema, and steps inside a tool", () => {
    expect(keysAt(['steps', '*', 'agent']).sort()).toEqual(
      [
        'max_output_tokens',
        'max_turns',
        'model',
        'output',
        'prompt',
        'stop_when',
        'system',
        'temperature',
        'tools',
      ].sort(),
    );
    expect(keysAt(['steps', '*', 'agent', 'tools', '*']).sort()).toEqual(
      ['code', 'description', 'input', 'name', 'steps', 'use'].sort(),
    );
    // A tool's inline steps are steps like any other: every kind is offered.
    expect(keysAt(['steps', '*', 'agent', 'tools', '*', 'steps', '*'])).toEqual(
      expect.arrayContaining(['llm', 'code', 'agent', 'id']),
    );
  });

  it('reads the cursor inside an agent from indentation: model, prompt text, stop_when, a tool body', () => {
    expect(at('      model: sim').where).toMatchObject({
      kind: 'value',
      key: 'model',
      path: ['steps', '*', 'agent'],
    });
    expect(at('        Order {{ input.order_id }}: use lookup').where).toMatchObject({
      kind: 'scalar',
      path: ['steps', '*', 'agent', 'prompt'],
      word: 'lookup',
    });
    expect(at("c.name === 'look").where).toMatchObject({ kind: 'value', key: 'stop_when', word: 'look' });
    expect(at('            return ar').where).toMatchObject({
      kind: 'scalar',
      path: ['steps', '*', 'agent', 'tools', '*', 'code'],
    });
    expect(at('          use: web').where).toMatchObject({ kind: 'value', key: 'use' });
  });

  it("names the tools of the agent around the cursor, not another agent's", () => {
    expect(agentToolsAt(pipeline, at("c.name === 'look").offset)).toEqual(['lookup_order', 'refund_policy']);
    expect(agentToolsAt(pipeline, at('      prompt: Ask').offset)).toEqual(['search']);
    expect(agentToolsAt(pipeline, at('    output: supp').offset)).toEqual([]);
  });

  it('keeps naming tools while a line is half-typed', () => {
    const typing = pipeline.replace(
      "stop_when: calls.some(c => c.name === 'lookup_order')",
      "stop_when: calls.some(c => c.name === '",
    );
    const offset = typing.indexOf("=== '") + 5;
    expect(agentToolsAt(typing, offset)).toEqual(['lookup_order', 'refund_policy']);
  });

  it('offers tools in the prompt, calls and turn in stop_when, args inside a tool, and nothing extra elsewhere', () => {
    const labels = (path: string[]) =>
      scopeOptions(
        ['support'],
        inAgent(path, () => ['lookup_order']),
      ).map((o) => o.label);
    const agent = ['steps', '*', 'agent'];
    expect(labels([...agent, 'prompt'])).toEqual(
      expect.arrayContaining(['lookup_order', 'support', 'input']),
    );
    expect(labels([...agent, 'prompt'])).not.toContain('calls');
    expect(labels([...agent, 'stop_when'])).toEqual(
      expect.arrayContaining(['lookup_order', 'calls', 'turn']),
    );
    const inTool = labels([...agent, 'tools', '*', 'code']);
    expect(inTool).toContain('args');
    expect(inTool).not.toContain('lookup_order');
    expect(labels(['steps', '*', 'code'])).toEqual([
      'support',
      'input',
      'item',
      'index',
      'value',
      'iteration',
    ]);
  });
});
