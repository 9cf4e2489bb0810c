import { STEP_KIND_INFO, STEP_KINDS } from 'virtual:step-kinds';
import { blockGraph, stepIdOf } from '@reps/engine/dependency-graph';
import type { StepKind } from '@reps/shared';
import { parseDocument } from 'yaml';

/** A step's kind, or `unknown` for a step without one (the engine rejects it; the graph still draws it). */
export type GraphStepKind = StepKind | 'unknown';

/** The name shown for a kind on nodes and in the legend. */
export function kindLabel(kind: GraphStepKind): string {
  return kind === 'unknown' ? 'no kind' : STEP_KIND_INFO[kind].label;
}

// A type, not an interface: React Flow's node data must be assignable to Record<string, unknown>.
export type GraphNode = {
  /** The step id when it is unique, else `#<position>`: React Flow needs unique ids. */
  id: string;
  stepId?: string;
  kind: GraphStepKind;
  /** One short line under the id: the model, the skill, the checked step, the output expression… */
  detail?: string;
  /** For the kinds that run steps inside them (map, branch, loop, an agent's tools): those steps' ids, or kinds. */
  inner?: string[];
  /** An agent's tools, in order: each name and what runs when the model calls it. */
  tools?: GraphTool[];
};

export type GraphTool = {
  name: string;
  /** `code`, `skill <name>`, `<n> steps`, or `no body` while it is being written. */
  body: string;
};

/** `needs` and names used in expressions, templates and code; validate and vote name their targets. */
export type GraphEdgeKind = 'data' | 'validate' | 'vote';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
}

export interface PipelineGraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Node ids forming a dependency cycle, when there is one (the engine rejects such a pipeline). */
  cycle?: string[];
}

export type GraphBuild = { ok: true; graph: PipelineGraphData } | { ok: false; message: string };

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The top-level steps of a pipeline as a graph, from the text in the editor. Dependencies come from
 * the engine's own extraction (`blockGraph`), so the picture matches what the executor schedules.
 * Only a YAML syntax error fails: a document the schema would reject still draws what it can.
 */
export function buildPipelineGraph(text: string): GraphBuild {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false, message: doc.errors[0]!.message.split('\n')[0]! };
  const root: unknown = doc.toJS();
  const steps = isObject(root) && Array.isArray(root.steps) ? root.steps : [];

  const counts = new Map<string, number>();
  for (const step of steps) {
    const id = stepIdOf(step);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const nodes = steps.map((step, i): GraphNode => {
    const stepId = stepIdOf(step);
    const id = stepId !== undefined && counts.get(stepId) === 1 ? stepId : `#${i + 1}`;
    return { id, ...(stepId !== undefined && { stepId }), ...describe(step) };
  });

  const { deps, cycle } = blockGraph(steps);
  const edges = deps.flatMap((from, i) =>
    from.map((j): GraphEdge => {
      const source = nodes[j]!.id;
      const target = nodes[i]!.id;
      return { id: `${source}->${target}`, source, target, kind: edgeKind(steps[i], nodes[j]!.stepId) };
    }),
  );
  const graph: PipelineGraphData = { nodes, edges };
  if (cycle) graph.cycle = cycle.map((i) => nodes[i]!.id);
  return { ok: true, graph };
}

function edgeKind(step: unknown, dependencyId: string | undefined): GraphEdgeKind {
  if (!isObject(step) || dependencyId === undefined) return 'data';
  if (step.validate === dependencyId) return 'validate';
  const vote = step.vote;
  if (vote === dependencyId || (Array.isArray(vote) && vote.includes(dependencyId))) return 'vote';
  return 'data';
}

function kindOf(step: unknown): GraphStepKind {
  if (!isObject(step)) return 'unknown';
  return STEP_KINDS.find((kind) => kind in step) ?? 'unknown';
}

const text = (value: unknown) => (typeof value === 'string' ? oneLine(value) : undefined);

/** The line of detail under a node's id, per kind. */
const DETAILS: { [K in StepKind]: (step: Raw) => string | undefined } = {
  llm: (step) => {
    const llm = isObject(step.llm) ? step.llm : {};
    const samples = typeof llm.samples === 'number' && llm.samples > 1 ? ` × ${llm.samples}` : '';
    return text(llm.model) && `${text(llm.model)}${samples}`;
  },
  agent: (step) => {
    const agent = isObject(step.agent) ? step.agent : {};
    const tools = Array.isArray(agent.tools) ? agent.tools.length : 0;
    return text(agent.model) && `${text(agent.model)}, ${tools} ${tools === 1 ? 'tool' : 'tools'}`;
  },
  code: () => 'JavaScript',
  map: (step) => text(step.map) && `over ${text(step.map)}`,
  branch: (step) => {
    const branch = isObject(step.branch) ? step.branch : {};
    const cases = Array.isArray(branch.cases) ? branch.cases.length : 0;
    return `${cases} ${cases === 1 ? 'case' : 'cases'}${Array.isArray(branch.default) ? ' + default' : ''}`;
  },
  validate: (step) => text(step.validate) && `checks ${text(step.validate)}`,
  vote: (step) => {
    const targets = Array.isArray(step.vote) ? step.vote.filter((t) => typeof t === 'string') : [step.vote];
    const method = text(step.method) ?? 'majority';
    return `${method} of ${targets.filter(Boolean).join(', ')}`;
  },
  loop: (step) => {
    const loop = isObject(step.loop) ? step.loop : {};
    return typeof loop.max_iterations === 'number' ? `up to ${loop.max_iterations}×` : undefined;
  },
  use: (step) => text(step.use),
  output: (step) => text(step.output),
};

function describe(step: unknown): Pick<GraphNode, 'kind' | 'detail' | 'inner' | 'tools'> {
  const kind = kindOf(step);
  if (!isObject(step) || kind === 'unknown') return { kind };
  const { children } = STEP_KIND_INFO[kind];
  const inner = children.flatMap(({ path, single }) =>
    valuesAt(step, path).flatMap((found) => innerLabels(single ? [found] : found)),
  );
  return {
    ...withDetail(kind, DETAILS[kind](step)),
    ...(children.length > 0 && { inner }),
    ...(kind === 'agent' && { tools: agentTools(step) }),
  };
}

/** An agent's tools as the node lists them; an entry without a name yet is left out. */
function agentTools(step: Raw): GraphTool[] {
  const agent = isObject(step.agent) ? step.agent : {};
  const tools = Array.isArray(agent.tools) ? agent.tools : [];
  return tools.flatMap((tool) => {
    if (!isObject(tool) || typeof tool.name !== 'string' || !tool.name) return [];
    return [{ name: tool.name, body: toolBody(tool) }];
  });
}

function toolBody(tool: Raw): string {
  if (tool.code !== undefined) return 'code';
  if (typeof tool.use === 'string') return `skill ${oneLine(tool.use)}`;
  if (Array.isArray(tool.steps)) return `${tool.steps.length} ${tool.steps.length === 1 ? 'step' : 'steps'}`;
  return 'no body';
}

/** What a path of STEP_KIND_INFO's children leads to (`*`: every entry of an array). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [key, ...rest] = path;
  if (key === '*') return Array.isArray(value) ? value.flatMap((entry) => valuesAt(entry, rest)) : [];
  return isObject(value) && value[key!] !== undefined ? valuesAt(value[key!], rest) : [];
}

function withDetail(kind: GraphStepKind, detail: string | undefined): Pick<GraphNode, 'kind' | 'detail'> {
  return detail ? { kind, detail } : { kind };
}

function innerLabels(block: unknown): string[] {
  if (!Array.isArray(block)) return [];
  return block.map((inner) => stepIdOf(inner) ?? kindOf(inner));
}

function oneLine(value: string): string {
  const line = value.trim().replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
