import {
  Controls,
  type EdgeTypes,
  MarkerType,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { STEP_KINDS } from 'virtual:step-kinds';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import {
  buildPipelineGraph,
  type GraphEdgeKind,
  type GraphNode,
  kindLabel,
  type PipelineGraphData,
} from '../utils/build-graph';
import { type Laidout, layoutGraph, nodeSize } from '../utils/layout';
import { RoutedEdge, type RoutedFlowEdge } from './routed-edge';
import { type StepFlowNode, StepNode } from './step-node';

export interface PipelineGraphProps {
  /** The pipeline's YAML as it is in the editor. */
  text: string;
}

const nodeTypes: NodeTypes = { step: StepNode };
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

const EDGE_COLOURS: Record<GraphEdgeKind | 'cycle', string> = {
  data: '#64748b',
  validate: '#15803d',
  vote: '#7e22ce',
  cycle: '#b91c1c',
};

const DASHES: Record<GraphEdgeKind, string | undefined> = { data: undefined, validate: '6 4', vote: '2 4' };

const EDGE_LEGEND: { kind: GraphEdgeKind; label: string }[] = [
  { kind: 'data', label: 'uses / needs' },
  { kind: 'validate', label: 'validates' },
  { kind: 'vote', label: 'votes on' },
];

interface Laid extends Laidout {
  graph: PipelineGraphData;
}

/**
 * A live picture of the pipeline: one node per top-level step, laid out left to right by what
 * each step waits for. Redrawn a moment after the learner stops typing; while the YAML does not
 * parse, the last graph that did stays up.
 */
export default function PipelineGraph({ text }: PipelineGraphProps) {
  const settled = useDebounced(text, 300);
  const build = useMemo(() => buildPipelineGraph(settled), [settled]);
  const [laid, setLaid] = useState<Laid | null>(null);
  const [layoutError, setLayoutError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the layout after a failure.
  useEffect(() => {
    if (!build.ok) return;
    let current = true;
    layoutGraph(build.graph).then(
      (layout) => {
        if (!current) return;
        setLaid({ graph: build.graph, ...layout });
        setLayoutError(null);
      },
      (error: unknown) => current && setLayoutError(error),
    );
    return () => {
      current = false;
    };
  }, [build, attempt]);

  const stale = !build.ok;
  const body = (() => {
    if (layoutError)
      return (
        <ErrorState
          title="The graph could not be laid out"
          error={layoutError}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      );
    if (!laid)
      return stale ? (
        <div className="pipeline-graph__empty">
          <p>The graph appears once the YAML parses.</p>
        </div>
      ) : (
        <div
          className="pipeline-graph__skeleton"
          role="status"
          aria-busy="true"
          aria-label="Drawing the graph"
        />
      );
    if (laid.graph.nodes.length === 0)
      return (
        <div className="pipeline-graph__empty">
          <p>
            <strong>No steps yet.</strong>
          </p>
          <p className="muted small">
            Add a step under <code>steps:</code> and it appears here, joined to the steps it uses.
          </p>
        </div>
      );
    return (
      <div className="pipeline-graph__flow">
        <ReactFlowProvider>
          <Flow laid={laid} />
        </ReactFlowProvider>
      </div>
    );
  })();

  return (
    <div className="pipeline-graph">
      {stale && (
        <p className="pipeline-graph__note" role="status">
          Fix the YAML to update the graph{laid ? '; this is the last version that parsed.' : '.'}
        </p>
      )}
      {laid?.graph.cycle && (
        <p className="pipeline-graph__note pipeline-graph__note--cycle" role="status">
          These steps wait for each other in a cycle, so none can start:{' '}
          <code>{[...laid.graph.cycle, laid.graph.cycle[0]].join(' → ')}</code>
        </p>
      )}
      <div className={`pipeline-graph__canvas${stale ? ' pipeline-graph__canvas--stale' : ''}`}>{body}</div>
      {laid && laid.graph.nodes.length > 0 && <Legend graph={laid.graph} />}
      {laid && <TextSummary graph={laid.graph} />}
    </div>
  );
}

function Flow({ laid }: { laid: Laid }) {
  const { nodes, edges, shape } = useMemo(() => toFlow(laid), [laid]);
  const { fitView } = useReactFlow();

  // Refit when steps or links come or go, not on every keystroke inside a prompt.
  useEffect(() => {
    if (!shape) return;
    const frame = requestAnimationFrame(() => fitView({ padding: 0.12, maxZoom: 1, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [shape, fitView]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      fitView
      fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
      minZoom={0.25}
      maxZoom={1.75}
      zoomOnScroll={false}
      panOnScroll
      aria-label="Pipeline graph"
    >
      <Controls
        showInteractive={false}
        position="bottom-right"
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
      />
    </ReactFlow>
  );
}

function toFlow({ graph, positions, routes }: Laid): {
  nodes: StepFlowNode[];
  edges: RoutedFlowEdge[];
  shape: string;
} {
  const inCycle = new Set(graph.cycle ?? []);
  const nodes = graph.nodes.map((node): StepFlowNode => {
    const at = positions.get(node.id) ?? { x: 0, y: 0 };
    return {
      id: node.id,
      type: 'step',
      position: at,
      ...nodeSize(node),
      data: { ...node, inCycle: inCycle.has(node.id) },
      ariaLabel: `${node.stepId ?? 'step without an id'}: ${kindLabel(node.kind)}${node.detail ? `, ${node.detail}` : ''}${toolsText(node)}`,
    };
  });
  const edges = graph.edges.map((edge): RoutedFlowEdge => {
    const cyclic = inCycle.has(edge.source) && inCycle.has(edge.target);
    const colour = EDGE_COLOURS[cyclic ? 'cycle' : edge.kind];
    return {
      id: edge.id,
      type: 'routed',
      source: edge.source,
      target: edge.target,
      data: { route: routes.get(edge.id) },
      className: `graph-edge graph-edge--${cyclic ? 'cycle' : edge.kind}`,
      style: { stroke: colour, strokeWidth: 1.75, strokeDasharray: DASHES[edge.kind] },
      markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 18, height: 18 },
      ariaLabel: `${edge.target} ${edgeVerb(edge.kind)} ${edge.source}`,
    };
  });
  const shape = [
    ...graph.nodes.map((n) => n.id),
    '|',
    ...graph.edges.map((e) => e.id),
    ...[...positions.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`),
  ].join(' ');
  return { nodes, edges, shape };
}

/** An agent's tools in words, for the node's label and the text summary. */
function toolsText(node: GraphNode): string {
  if (!node.tools?.length) return '';
  return `; tools: ${node.tools.map((tool) => `${tool.name} (${tool.body})`).join(', ')}`;
}

function edgeVerb(kind: GraphEdgeKind): string {
  return kind === 'validate' ? 'validates' : kind === 'vote' ? 'votes on' : 'uses';
}

function Legend({ graph }: { graph: PipelineGraphData }) {
  const kinds = STEP_KINDS.filter((kind) => graph.nodes.some((n) => n.kind === kind));
  const edgeKinds = EDGE_LEGEND.filter(({ kind }) => graph.edges.some((e) => e.kind === kind));
  return (
    <ul className="graph-legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <span className="graph-legend__swatch" data-kind={kind} aria-hidden="true" />
          {kindLabel(kind)}
        </li>
      ))}
      {edgeKinds.map(({ kind, label }) => (
        <li key={kind}>
          <svg className="graph-legend__line" width="26" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="25"
              y2="5"
              stroke={EDGE_COLOURS[kind]}
              strokeWidth="2"
              strokeDasharray={DASHES[kind]}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The same graph as text, for screen readers (the canvas is a picture). */
function TextSummary({ graph }: { graph: PipelineGraphData }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <ul className="visually-hidden" aria-label="Steps and what they wait for">
      {graph.nodes.map((node) => {
        const waits = graph.edges
          .filter((e) => e.target === node.id)
          .map((e) => `${edgeVerb(e.kind)} ${byId.get(e.source)?.stepId ?? e.source}`);
        return (
          <li key={node.id}>
            {node.stepId ?? 'A step without an id'} ({kindLabel(node.kind)}
            {node.detail ? `, ${node.detail}` : ''}
            {toolsText(node)}){waits.length > 0 ? `: ${waits.join(', ')}` : ': starts first'}
          </li>
        );
      })}
    </ul>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
