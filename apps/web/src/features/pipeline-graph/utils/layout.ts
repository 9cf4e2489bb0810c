import type { ELK as ElkApi, ElkExtendedEdge } from 'elkjs/lib/elk-api';
import type { GraphNode, PipelineGraphData } from './build-graph';

export interface Size {
  width: number;
  height: number;
}

export interface Placed {
  x: number;
  y: number;
}

export interface Laidout {
  /** Top-left corner of every node. */
  positions: Map<string, Placed>;
  /** ELK's orthogonal route of every edge (start, bends, end), around the nodes in between. */
  routes: Map<string, Placed[]>;
}

export const NODE_WIDTH = 160;
/** An agent node lists this many tools at most; one more line says how many are left out. */
export const MAX_TOOL_LINES = 4;
/** Height of one line of an agent's tool list (11px monospace at 1.35 line height). */
const TOOL_LINE = 15;
/** Steps in a row before a long chain wraps onto the next. */
const MAX_ROW = 4;

/** The node's box, from what it shows; the step node renders at exactly this size. */
export function nodeSize(node: GraphNode): Size {
  let height = 50; // kind badge and id
  if (node.detail) height += 18;
  if (node.inner && node.inner.length > 0) height += 26;
  const tools = node.tools?.length ?? 0;
  if (tools > 0)
    height += 6 + TOOL_LINE * (Math.min(tools, MAX_TOOL_LINES) + (tools > MAX_TOOL_LINES ? 1 : 0));
  return { width: NODE_WIDTH, height };
}

// The bundled build runs ELK on the main thread (no worker file to serve); it is large, so it
// is fetched the first time a graph is laid out, in a chunk of its own.
let elk: Promise<ElkApi> | undefined;
function loadElk(): Promise<ElkApi> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

/** ELK's layered layout, left to right; a long chain wraps onto further rows to stay readable. */
export async function layoutGraph(graph: PipelineGraphData): Promise<Laidout> {
  const engine = await loadElk();
  const result = await engine.layout({
    id: 'pipeline',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '20',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      'elk.edgeRouting': 'ORTHOGONAL',
      // A short pipeline reads best on one row; a long chain would shrink to illegible on one.
      ...(longestChain(graph) > MAX_ROW
        ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': '1.4' }
        : {}),
    },
    children: graph.nodes.map((node) => ({ id: node.id, ...nodeSize(node) })),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions = new Map(
    (result.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
  const routes = new Map<string, Placed[]>();
  for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (section) routes.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  }
  return { positions, routes };
}

/** Steps on the longest dependency chain (the number of layers); a cycle counts each step once. */
function longestChain(graph: PipelineGraphData): number {
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges)
    incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = 1 + Math.max(0, ...(incoming.get(id) ?? []).map(depthOf));
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  return Math.max(0, ...graph.nodes.map((n) => depthOf(n.id)));
}
