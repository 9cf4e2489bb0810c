import { blockGraph, stepIdOf } from '@reps/engine/dependency-graph';
import { parseDocument } from 'yaml';

export const STEP_KIND_ORDER = [
  'llm',
  'code',
  'map',
  'branch',
  'validate',
  'vote',
  'loop',
  'use',
  'output',
] as const;
export type GraphStepKind = (typeof STEP_KIND_ORDER)[number] | 'unknown';

// A type, not an interface: React Flow's node data must be assignable to Record<string, unknown>.
export type GraphNode = {
  /** The step id when it is unique, else `#<position>`: React Flow needs unique ids. */
  id: string;
  stepId?: string;
  kind: GraphStepKind;
  /** One short line under the id: the model, the skill, the checked step, the output expression… */
  detail?: string;
  /** For map, branch and loop: the ids (or kinds) of the steps they run inside. */
  inner?: string[];
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
  return STEP_KIND_ORDER.find((kind) => kind in step) ?? 'unknown';
}

function describe(step: unknown): Pick<GraphNode, 'kind' | 'detail' | 'inner'> {
  const kind = kindOf(step);
  if (!isObject(step)) return { kind };
  const text = (value: unknown) => (typeof value === 'string' ? oneLine(value) : undefined);
  switch (kind) {
    case 'llm': {
      const llm = isObject(step.llm) ? step.llm : {};
      const samples = typeof llm.samples === 'number' && llm.samples > 1 ? ` × ${llm.samples}` : '';
      return withDetail(kind, text(llm.model) && `${text(llm.model)}${samples}`);
    }
    case 'code':
      return withDetail(kind, 'JavaScript');
    case 'map':
      return {
        ...withDetail(kind, text(step.map) && `over ${text(step.map)}`),
        inner: innerLabels(step.step !== undefined ? [step.step] : step.steps),
      };
    case 'branch': {
      const branch = isObject(step.branch) ? step.branch : {};
      const cases = Array.isArray(branch.cases) ? branch.cases : [];
      const blocks = [...cases.map((c) => (isObject(c) ? c.steps : undefined)), branch.default];
      const label = `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}${Array.isArray(branch.default) ? ' + default' : ''}`;
      return { ...withDetail(kind, label), inner: blocks.flatMap((b) => innerLabels(b)) };
    }
    case 'validate':
      return withDetail(kind, text(step.validate) && `checks ${text(step.validate)}`);
    case 'vote': {
      const targets = Array.isArray(step.vote) ? step.vote.filter((t) => typeof t === 'string') : [step.vote];
      const method = text(step.method) ?? 'majority';
      return withDetail(kind, `${method} of ${targets.filter(Boolean).join(', ')}`);
    }
    case 'loop': {
      const loop = isObject(step.loop) ? step.loop : {};
      const max = typeof loop.max_iterations === 'number' ? `up to ${loop.max_iterations}×` : undefined;
      return { ...withDetail(kind, max), inner: innerLabels(loop.steps) };
    }
    case 'use':
      return withDetail(kind, text(step.use));
    case 'output':
      return withDetail(kind, text(step.output));
    default:
      return { kind };
  }
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
