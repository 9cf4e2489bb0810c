import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatApproxMs, formatApproxUsd, formatDateTime, formatScore } from '../../../lib/format';
import { useMySubmissions } from '../api/get-submission';
import { shortId } from './submission-panel';

/** The learner's submissions to one challenge, newest first; choosing one shows it. */
export function MySubmissions({
  slug,
  selected,
  onSelect,
}: {
  slug: string;
  selected?: string | null;
  onSelect: (id: string) => void;
}) {
  const { data, isPending, isError, error, refetch } = useMySubmissions(slug);
  if (isPending) return <Loading label="Loading your submissions" lines={2} />;
  if (isError)
    return (
      <ErrorState title="Your submissions could not be loaded" error={error} onRetry={() => refetch()} />
    );
  if (data.items.length === 0)
    return <p className="muted">No submissions yet. Run on the examples, then submit when you are happy.</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <thead>
          <tr>
            <th>Submitted</th>
            <th>Status</th>
            <th className="num">Correctness</th>
            <th className="num">Cost</th>
            <th className="num">p95</th>
            <th className="num">Rank</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.id} className={selected === s.id ? 'row--highlight' : undefined}>
              <td>{formatDateTime(s.created_at)}</td>
              <td>
                <span
                  className={`badge badge--${s.status === 'graded' ? 'ok' : s.status === 'failed' || s.status === 'error' ? 'bad' : 'pending'}`}
                >
                  {s.status}
                </span>
                {s.review?.status === 'pending' && ' '}
                {s.review?.status === 'pending' && <span className="badge badge--pending">in review</span>}
                {s.review?.status === 'rejected' && ' '}
                {s.review?.status === 'rejected' && <span className="badge badge--bad">not ranked</span>}
                {s.leaderboard?.stays === 'solutions_opened' && ' '}
                {s.leaderboard?.stays === 'solutions_opened' && (
                  <span
                    className="badge badge--pending"
                    title="Sent after you opened the solutions of this version"
                  >
                    not ranked
                  </span>
                )}
              </td>
              <td className="num">{formatScore(s.correctness, s.standard_error)}</td>
              <td className="num">{formatApproxUsd(s.cost_usd)}</td>
              <td className="num">{formatApproxMs(s.latency_ms.p95)}</td>
              <td className="num">
                {s.leaderboard?.displayed ? (
                  `#${s.leaderboard.rank}`
                ) : (
                  <span className="muted" title="Not your displayed best">
                    —
                  </span>
                )}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(s.id)}>
                  View<span className="visually-hidden"> submission {shortId(s.id)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
