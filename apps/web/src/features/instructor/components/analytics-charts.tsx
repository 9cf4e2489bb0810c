// Recharts: loaded lazily by the analytics page, out of the first-load bundle.
import type { ChallengeAnalytics } from '@reps/shared';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatUsd } from '../../../lib/format';

const AXIS = { fontSize: 12, fill: '#4b5563' };

/** Learners by best correctness, in 10-point bins; bins at or over the pass mark in green. */
export function ScoreDistribution({
  data,
  passMark,
}: {
  data: ChallengeAnalytics['score_distribution'];
  passMark?: number;
}) {
  const bins = data.map((b) => ({ ...b, label: `${b.from}–${b.to}` }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} interval={0} />
        <YAxis allowDecimals={false} tick={AXIS} width={32} />
        <Tooltip formatter={(v) => [v, 'Learners']} labelFormatter={(l) => `Best correctness ${l}`} />
        <Bar dataKey="learners" isAnimationActive={false} radius={[4, 4, 0, 0]}>
          {bins.map((b) => (
            <Cell key={b.from} fill={passMark !== undefined && b.from >= passMark ? '#047857' : '#1d4ed8'} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One dot per learner's displayed best. */
export function CostVsCorrectness({ data }: { data: ChallengeAnalytics['cost_vs_correctness'] }) {
  // Code-only pipelines cost nothing: keep the axis short rather than inventing dollars.
  const free = data.every((p) => p.cost_usd === 0);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="cost_usd"
          name="Cost"
          tickFormatter={(v) => formatUsd(Number(v))}
          tick={AXIS}
          domain={free ? [0, 0.01] : [0, 'auto']}
          padding={{ left: 10, right: 10 }}
        />
        <YAxis
          type="number"
          dataKey="correctness"
          name="Correctness"
          domain={[0, 100]}
          padding={{ top: 10, bottom: 4 }}
          tick={AXIS}
          width={36}
        />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => {
            const p = active
              ? (payload?.[0]?.payload as ChallengeAnalytics['cost_vs_correctness'][number] | undefined)
              : undefined;
            if (!p) return null;
            return (
              <div className="chart-tip">
                <strong>@{p.handle}</strong>
                <br />
                {p.correctness.toFixed(1)} correct · {formatUsd(p.cost_usd)}
              </div>
            );
          }}
        />
        <Scatter data={data} fill="#7c3aed" isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** Hidden cases by error code, over every graded submission. */
export function FailureCategories({ data }: { data: ChallengeAnalytics['failure_categories'] }) {
  const rows = [...data].sort((a, b) => b.cases - a.cases);
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 34 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#e5e7eb" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="code" tick={{ fontSize: 12, fill: '#111827' }} width={170} />
        <Tooltip formatter={(v) => [v, 'Cases']} />
        <Bar dataKey="cases" fill="#b91c1c" isAnimationActive={false} radius={[0, 4, 4, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Learners by the number of submissions up to their first passing one. */
export function AttemptsToPass({ data }: { data: ChallengeAnalytics['attempts_to_pass']['distribution'] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="attempts" tick={AXIS} interval={0} />
        <YAxis allowDecimals={false} tick={AXIS} width={32} />
        <Tooltip
          formatter={(v) => [v, 'Learners']}
          labelFormatter={(l) => `${l} ${Number(l) === 1 ? 'attempt' : 'attempts'}`}
        />
        <Bar
          dataKey="learners"
          fill="#047857"
          maxBarSize={56}
          isAnimationActive={false}
          radius={[4, 4, 0, 0]}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
