import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { type GraphNode, kindLabel } from '../utils/build-graph';
import { MAX_TOOL_LINES } from '../utils/layout';

export type StepNodeData = GraphNode & { inCycle: boolean };
export type StepFlowNode = Node<StepNodeData, 'step'>;

const MAX_INNER = 3;

/**
 * One top-level step: its kind, its id, one line of detail, an agent's tools (name and body) and,
 * for blocks, the steps inside.
 */
export function StepNode({ data }: NodeProps<StepFlowNode>) {
  const inner = data.inner ?? [];
  const tools = data.tools ?? [];
  return (
    <div className={`graph-node${data.inCycle ? ' graph-node--cycle' : ''}`} data-kind={data.kind}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="graph-node__kind">{kindLabel(data.kind)}</span>
      <span className="graph-node__id">{data.stepId ?? <em>no id</em>}</span>
      {data.detail && (
        <span className="graph-node__detail" title={data.detail}>
          {data.detail}
        </span>
      )}
      {tools.length > 0 && (
        <ul className="graph-node__tools" aria-label="Tools">
          {tools.slice(0, MAX_TOOL_LINES).map((tool, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two tools may share a name while it is typed
            <li key={i} title={`${tool.name}: ${tool.body}`}>
              <span className="graph-node__tool">{tool.name}</span> {tool.body}
            </li>
          ))}
          {tools.length > MAX_TOOL_LINES && <li>+ {tools.length - MAX_TOOL_LINES} more</li>}
        </ul>
      )}
      {inner.length > 0 && (
        <span className="graph-node__inner" title={inner.join(', ')}>
          <span className="graph-node__count">{inner.length} inside</span>
          {inner.slice(0, MAX_INNER).join(' · ')}
          {inner.length > MAX_INNER && ' …'}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
