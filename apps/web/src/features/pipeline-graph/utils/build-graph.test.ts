import { buildPipelineGraph, type PipelineGraphData } from './build-graph';
import { MAX_TOOL_LINES, nodeSize } from './layout';

function graphOf(text: string): PipelineGraphData {
  const built = buildPipelineGraph(text);
  if (!built.ok) throw new Error(`expected a graph, got: ${built.message}`);
  return built.graph;
}

const edgesOf = (graph: PipelineGraphData) => graph.edges.map((e) => `${e.source}->${e.target}:${e.kind}`);

describe('buildPipelineGraph', () => {
  it('draws one node per step and an edge for each step a template, expression or needs names', () => {
    const graph = graphOf(`name: p
budget: {}
steps:
  - id: answer
    llm:
      model: sim-mini
      samples: 3
      prompt: "{{ input.question }}"
  - id: total
    code: return answer.length
  - id: tally
    vote: answer
  - id: ready
    needs: [total]
    code: return 1
  - id: result
    output: "{ n: total, pick: tally }"
`);
    expect(graph.nodes).toEqual([
      { id: 'answer', stepId: 'answer', kind: 'llm', detail: 'sim-mini × 3' },
      { id: 'total', stepId: 'total', kind: 'code', detail: 'JavaScript' },
      { id: 'tally', stepId: 'tally', kind: 'vote', detail: 'majority of answer' },
      { id: 'ready', stepId: 'ready', kind: 'code', detail: 'JavaScript' },
      { id: 'result', stepId: 'result', kind: 'output', detail: '{ n: total, pick: tally }' },
    ]);
    expect(edgesOf(graph)).toEqual([
      'answer->total:data',
      'answer->tally:vote',
      'total->ready:data',
      'total->result:data',
      'tally->result:data',
    ]);
    expect(graph.cycle).toBeUndefined();
  });

  it('marks the edge to a validated step, and counts the steps inside map, branch and loop', () => {
    const graph = graphOf(`name: p
budget: {}
steps:
  - id: items
    code: return input.items
  - id: each
    map: items
    steps:
      - id: label
        llm: { model: sim-mini, prompt: "{{ item }}" }
      - id: clean
        code: return label.trim()
  - id: checked
    validate: each
    check: value.length > 0
  - id: route
    branch:
      cases:
        - when: checked.length > 3
          steps: [{ id: long, code: return 1 }]
      default: [{ id: short, code: return 0 }]
  - id: polish
    loop: { steps: [{ id: draft, code: return route }], until: value, max_iterations: 3 }
`);
    const byId = Object.fromEntries(graph.nodes.map((n) => [n.id, n]));
    expect(byId.each).toMatchObject({ kind: 'map', detail: 'over items', inner: ['label', 'clean'] });
    expect(byId.checked).toMatchObject({ kind: 'validate', detail: 'checks each' });
    expect(byId.route).toMatchObject({
      kind: 'branch',
      detail: '1 case + default',
      inner: ['long', 'short'],
    });
    expect(byId.polish).toMatchObject({ kind: 'loop', detail: 'up to 3×', inner: ['draft'] });
    // Inner steps are not nodes; what they use becomes their block's dependency.
    expect(graph.nodes.map((n) => n.id)).toEqual(['items', 'each', 'checked', 'route', 'polish']);
    expect(edgesOf(graph)).toEqual([
      'items->each:data',
      'each->checked:validate',
      'checked->route:data',
      'route->polish:data',
    ]);
  });

  it("finds a map's single inner step, and steps inside a block whose body is not a list yet", () => {
    const graph = graphOf(`steps:
  - id: each
    map: input.items
    step: { llm: { model: sim-mini, prompt: "{{ item }}" } }
  - id: half
    branch: { cases: [{ when: "true", steps: [{ id: yes, code: return 1 }] }, "not a case"] }
  - id: soon
    loop: { until: value }
`);
    expect(graph.nodes.map((n) => [n.id, n.inner])).toEqual([
      ['each', ['llm']],
      ['half', ['yes']],
      ['soon', []],
    ]);
  });

  it("shows an agent's model and tool count, lists its tools with their bodies, and its tools' inline steps inside", () => {
    const graph = graphOf(`steps:
  - id: support
    agent:
      model: sim-mini
      prompt: "{{ input.question }}"
      tools:
        - name: lookup_order
          description: Finds an order.
          input: { type: object }
          code: return args.id
        - name: search
          description: Searches the help pages.
          input: { type: object }
          use: web-search
        - name: refund_policy
          description: The refund rules.
          input: { type: object }
          steps:
            - id: rules
              code: return 1
            - llm: { model: sim-mini, prompt: "{{ rules }}" }
        - name: half_written
          description: Not done yet.
        - description: no name yet
  - id: answer
    output: support
`);
    expect(graph.nodes[0]).toEqual({
      id: 'support',
      stepId: 'support',
      kind: 'agent',
      detail: 'sim-mini, 5 tools',
      tools: [
        { name: 'lookup_order', body: 'code' },
        { name: 'search', body: 'skill web-search' },
        { name: 'refund_policy', body: '2 steps' },
        { name: 'half_written', body: 'no body' },
      ],
      inner: ['rules', 'llm'],
    });
    expect(edgesOf(graph)).toEqual(['support->answer:data']);
  });

  it('makes room in an agent node for its tool list, up to a line that says how many more', () => {
    const tools = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `t${i}`, body: 'code' }));
    const bare = nodeSize({ id: 'a', kind: 'agent', detail: 'sim-mini, 0 tools' }).height;
    const one = nodeSize({ id: 'a', kind: 'agent', detail: 'x', tools: tools(1) }).height;
    const full = nodeSize({ id: 'a', kind: 'agent', detail: 'x', tools: tools(MAX_TOOL_LINES) }).height;
    const more = nodeSize({ id: 'a', kind: 'agent', detail: 'x', tools: tools(MAX_TOOL_LINES + 5) }).height;
    expect(one).toBeGreaterThan(bare);
    expect(full).toBeGreaterThan(one);
    expect(more - full).toBe((full - one) / (MAX_TOOL_LINES - 1));
  });

  it('keeps duplicate and missing ids apart and reports a cycle by node id', () => {
    const graph = graphOf(`steps:
  - id: a
    code: return b
  - id: b
    code: return a
  - id: a
    code: return 1
  - code: return 2
`);
    expect(graph.nodes.map((n) => n.id)).toEqual(['#1', 'b', '#3', '#4']);
    expect(graph.nodes[3]).toEqual({ id: '#4', kind: 'code', detail: 'JavaScript' });
    expect(graph.cycle).toEqual(['#1', 'b']);
  });

  it('gives an empty graph for a document without steps, and fails only on a YAML syntax error', () => {
    expect(graphOf('name: p\n')).toEqual({ nodes: [], edges: [] });
    expect(graphOf('')).toEqual({ nodes: [], edges: [] });
    expect(graphOf('steps:\n  - id: x\n    mystery: 1\n').nodes).toEqual([
      { id: 'x', stepId: 'x', kind: 'unknown' },
    ]);
    const broken = buildPipelineGraph('steps:\n  - id: a\n    code: [unclosed\n');
    expect(broken.ok).toBe(false);
  });
});
