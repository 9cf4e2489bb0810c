// Recharts is heavy: this module is loaded lazily (React.lazy) by the progress page, never on first load.
import type { Progress, ProgressChallenge } from '@reps/shared';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatRating } from '../../../lib/format';

const SERIES = ['#1d4ed8', '#7c3aed', '#047857', '#b45309', '#db2777', '#0891b2', '#4b5563', '#65a30d'];
const AXIS = { fontSize: 12, fill: '#4b5563' };
const shortDate = (t: number) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

/** Correctness of every graded attempt over time, one line of dots per challenge. */
export function ScoreOverTime({ challenges }: { challenges: ProgressChallenge[] }) {
  const series = challenges
    .map((c) => ({
      slug: c.slug,
      title: c.title,
      points: c.attempts
        .filter((a) => a.correctness !== null)
        .map((a, i) => ({ t: Date.parse(a.at), correctness: a.correctness, cost: a.cost_usd, n: i + 1 })),
    }))
    .filter((s) => s.points.length > 0);
  if (series.length === 0)
    return <p className="muted">No graded attempts yet: scores appear once a submission is graded.</p>;
  const times = series.flatMap((s) => s.points.map((p) => p.t));
  const pad = Math.max(3_600_000, (Math.max(...times) - Math.min(...times)) * 0.05);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="t"
          name="Graded"
          domain={[Math.min(...times) - pad, Math.max(...times) + pad]}
          tickFormatter={shortDate}
          tick={AXIS}
          scale="time"
        />
        <YAxis
          type="number"
          dataKey="correctness"
          name="Correctness"
          domain={[0, 100]}
          tick={AXIS}
          width={40}
          unit=""
        />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          formatter={(value, name) =>
            name === 'Graded'
              ? formatDateTime(new Date(Number(value)).toISOString())
              : Number(value).toFixed(1)
          }
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {series.map((s, i) => (
          <Scatter
            key={s.slug}
            name={s.title}
            data={s.points}
            fill={SERIES[i % SERIES.length]}
            line={{ stroke: SERIES[i % SERIES.length], strokeWidth: 1.5 }}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** Each skill's points as a share of the points available in the catalogue. */
export function SkillRadar({ skills }: { skills: Progress['skills'] }) {
  const data = Object.entries(skills).map(([skill, s]) => ({
    skill,
    share: s.share,
    rating: s.rating,
    possible: s.possible,
  }));
  if (data.length === 0) return <p className="muted">No skills rated yet.</p>;
  // Early on every share is small: zoom the scale (its ticks say so) so the shape is visible.
  const top = Math.min(100, Math.max(20, Math.ceil(Math.max(...data.map((d) => d.share)) / 10) * 10));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <RadarChart data={data} outerRadius="72%">
        <PolarGrid stroke="#e5e7eb" />
        <PolarAngleAxis dataKey="skill" tick={{ fontSize: 13, fill: '#111827' }} />
        <PolarRadiusAxis
          type="number"
          allowDataOverflow
          domain={[0, top]}
          tick={{ fontSize: 11, fill: '#6b7280' }}
          tickCount={5}
          angle={90}
        />
        <Radar
          name="Share of possible points"
          dataKey="share"
          stroke="#1d4ed8"
          fill="#1d4ed8"
          fillOpacity={0.3}
          dot={{ r: 3, fillOpacity: 1 }}
          isAnimationActive={false}
        />
        <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
      </RadarChart>
    </ResponsiveContainer>
  );
}

/** The global rating after each change. */
export function RatingHistory({ history }: { history: Progress['rating_history'] }) {
  if (history.length === 0)
    return <p className="muted">No rating yet: it starts with your first graded submission.</p>;
  const data = history.map((h) => ({ t: Date.parse(h.at), rating: h.rating }));
  const times = data.map((d) => d.t);
  const pad = Math.max(3_600_000, (Math.max(...times) - Math.min(...times)) * 0.05);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="t"
          domain={[Math.min(...times) - pad, Math.max(...times) + pad]}
          tickFormatter={shortDate}
          tick={AXIS}
          scale="time"
        />
        <YAxis tick={AXIS} width={44} domain={[0, 'auto']} />
        <Tooltip
          labelFormatter={(t) => formatDateTime(new Date(Number(t)).toISOString())}
          formatter={(value) => [formatRating(Number(value)), 'Rating']}
        />
        <Line
          type="stepAfter"
          dataKey="rating"
          stroke="#7c3aed"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
