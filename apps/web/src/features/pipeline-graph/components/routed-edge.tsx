import { BaseEdge, type Edge, type EdgeProps, getBezierPath } from '@xyflow/react';
import type { Placed } from '../utils/layout';

export type RoutedFlowEdge = Edge<{ route?: Placed[] }, 'routed'>;

const CORNER = 8;

/** An edge along ELK's orthogonal route, corners rounded; a plain curve when there is no route. */
export function RoutedEdge({ data, markerEnd, style, ...props }: EdgeProps<RoutedFlowEdge>) {
  const route = data?.route;
  const path = route && route.length >= 2 ? roundedPath(route) : getBezierPath(props)[0];
  return <BaseEdge path={path} markerEnd={markerEnd} style={style} />;
}

function roundedPath(points: Placed[]): string {
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  rest.forEach((point, i) => {
    const next = rest[i + 1];
    const prev = i === 0 ? first! : rest[i - 1]!;
    if (!next) {
      d += ` L ${point.x} ${point.y}`;
      return;
    }
    const r = Math.min(CORNER, distance(prev, point) / 2, distance(point, next) / 2);
    const a = towards(point, prev, r);
    const b = towards(point, next, r);
    d += ` L ${a.x} ${a.y} Q ${point.x} ${point.y} ${b.x} ${b.y}`;
  });
  return d;
}

const distance = (a: Placed, b: Placed) => Math.hypot(a.x - b.x, a.y - b.y);

function towards(from: Placed, to: Placed, length: number): Placed {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}
