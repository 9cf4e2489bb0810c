// Loaded lazily by the challenge leaderboard: recharts stays out of the first-load bundle.
import type { LeaderboardEntry } from '@reps/shared';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatApproxUsd, formatUsd } from '../../../lib/format';

interface Point {
  handle: string;
  cost: number;
  correctness: number;
}

/**
 * Cost against correctness, one dot per learner's best, with the Pareto front (nobody is both
 * cheaper and more correct) drawn as a line and the signed-in learner's dot highlighted.
 */
export default function ParetoChart({ entries, mine }: { entries: LeaderboardEntry[]; mine?: string }) {
  const points: Point[] = entries.map((e) => ({
    handle: e.handle,
    cost: e.cost_usd,
    correctness: e.correctness,
  }));
  const front = paretoFront(points);
  const others = points.filter((p) => p.handle !== mine);
  const me = points.filter((p) => p.handle === mine);
  // Code-only pipelines cost nothing: keep the axis short rather than inventing dollars.
  const free = points.every((p) => p.cost === 0);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="cost"
          name="Cost"
          tickFormatter={(v) => formatUsd(Number(v))}
          tick={{ fontSize: 12, fill: '#4b5563' }}
          domain={free ? [0, 0.01] : [0, 'auto']}
          padding={{ left: 12, right: 12 }}
          label={{
            value: 'cost per run of the hidden set',
            position: 'insideBottom',
            offset: -10,
            fontSize: 12,
            fill: '#4b5563',
          }}
        />
        <YAxis
          type="number"
          dataKey="correctness"
          name="Correctness"
          domain={[0, 100]}
          padding={{ top: 12, bottom: 4 }}
          tick={{ fontSize: 12, fill: '#4b5563' }}
          width={40}
        />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => {
            const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
            if (!p?.handle) return null;
            return (
              <div className="chart-tip">
                <strong>@{p.handle}</strong>
                <br />
                {p.correctness.toFixed(1)} correct · {formatApproxUsd(p.cost)}
              </div>
            );
          }}
        />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 13 }} />
        <Line
          data={front}
          dataKey="correctness"
          name="Pareto front"
          stroke="#94a3b8"
          strokeDasharray="4 3"
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          legendType="plainline"
        />
        <Scatter name="Learners" data={others} fill="#94a3b8" isAnimationActive={false} />
        {me.length > 0 && (
          <Scatter
            name="You"
            data={me}
            fill="#1d4ed8"
            shape={youDot}
            legendType="circle"
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** The signed-in learner's point: larger, ringed in white so it stands out over the others. */
function youDot(props: { cx?: number; cy?: number }) {
  return <circle cx={props.cx} cy={props.cy} r={7} fill="#1d4ed8" stroke="#fff" strokeWidth={2} />;
}

/** The points no other point beats on both cost (lower) and correctness (higher), by cost. */
function paretoFront(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.correctness - a.correctness);
  const front: Point[] = [];
  for (const p of sorted) if (front.length === 0 || p.correctness > front.at(-1)!.correctness) front.push(p);
  return front;
}
