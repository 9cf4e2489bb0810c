import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDate, formatDateTime, formatInt } from '../../../lib/format';
import { useCohortLearners } from '../api/cohorts';

/** The instructor's view of each member: practice, results and when they were last active. */
export function CohortLearnersTable({ id }: { id: string }) {
  const { data, isPending, isError, error, refetch } = useCohortLearners(id, true);
  if (isPending) return <Loading label="Loading the learners" lines={4} />;
  if (isError)
    return <ErrorState title="The learners could not be loaded" error={error} onRetry={() => refetch()} />;
  if (data.items.length === 0)
    return (
      <p className="empty empty--small">Nobody has joined yet. Share the join code with your learners.</p>
    );
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th>Learner</th>
            <th className="num">Reps</th>
            <th className="num">Submissions</th>
            <th className="num">Solved</th>
            <th className="num">Rating</th>
            <th>Last active</th>
            <th>Joined</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((l) => (
            <tr key={l.handle}>
              <td className="nowrap">
                <Link to={`/u/${l.handle}`}>@{l.handle}</Link>
                {l.display_name !== l.handle && <span className="muted small"> · {l.display_name}</span>}
              </td>
              <td className="num">{formatInt(l.reps)}</td>
              <td className="num">{formatInt(l.submissions)}</td>
              <td className="num">{formatInt(l.solved)}</td>
              <td className="num">{l.rating.toFixed(1)}</td>
              <td>
                {l.last_active_at ? formatDateTime(l.last_active_at) : <span className="muted">never</span>}
              </td>
              <td>{formatDate(l.joined_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
