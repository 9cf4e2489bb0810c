import type { ProgressChallenge } from '@reps/shared';
import { Link } from 'react-router';
import { formatApproxMs, formatApproxUsd, formatDate, formatScore } from '../../../lib/format';

/** Each attempted challenge with the learner's best graded result and how many attempts it took. */
export function PersonalBests({ challenges }: { challenges: ProgressChallenge[] }) {
  const rows = [...challenges].sort((a, b) => (b.best?.correctness ?? -1) - (a.best?.correctness ?? -1));
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th>Challenge</th>
            <th className="num">Best</th>
            <th className="num">Cost</th>
            <th className="num">p95</th>
            <th className="num">Attempts</th>
            <th>Last attempt</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.slug}>
              <td>
                <Link to={`/c/${c.slug}`}>{c.title}</Link>
                <span className="muted small"> · {c.domain}</span>
              </td>
              <td className="num">{formatScore(c.best?.correctness)}</td>
              <td className="num">{formatApproxUsd(c.best?.cost_usd)}</td>
              <td className="num">{formatApproxMs(c.best?.latency_p95_ms)}</td>
              <td className="num">{c.attempts.length}</td>
              <td>{formatDate(c.attempts.at(-1)?.at)}</td>
              <td>
                {c.best?.passed ? (
                  <span className="badge badge--ok">passed</span>
                ) : c.best ? (
                  <span className="badge badge--pending">not yet</span>
                ) : (
                  <span className="badge badge--bad">no graded result</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
