import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { useMe } from '../../auth/api/me';
import { useCohorts } from '../../cohorts/api/cohorts';
import { usePublishedChallenges } from '../api/instructor';

/** Whose work the analytics of a challenge the reader did not write cover, in words. */
export function ScopeNote() {
  const me = useMe();
  const cohorts = useCohorts();
  if (me.data?.role === 'admin')
    return <p className="muted small">As an admin, you see every learner in each challenge’s analytics.</p>;
  if (!cohorts.data) return null;
  const owned = cohorts.data.items.filter((c) => c.is_owner);
  const members = owned.reduce((n, c) => n + c.members, 0);
  if (owned.length === 0)
    return (
      <p className="muted small">
        Analytics of a challenge you did not write cover the learners of your cohorts, and you run none yet:{' '}
        <Link to="/cohorts">create a cohort</Link> and share its join code.
      </p>
    );
  return (
    <p className="muted small">
      Analytics of a challenge you did not write cover the learners of your {owned.length}{' '}
      {owned.length === 1 ? 'cohort' : 'cohorts'} ({members} {members === 1 ? 'membership' : 'memberships'});
      nobody else is counted or named. Your own uploads show every learner.
    </p>
  );
}

/** Every published challenge, each with a link to its analytics (scoped to the reader's cohorts). */
export function PublishedChallenges() {
  const { data, isPending, isError, error, refetch } = usePublishedChallenges();
  if (isPending) return <Loading label="Loading the published challenges" lines={4} />;
  if (isError)
    return (
      <ErrorState
        title="The published challenges could not be loaded"
        error={error}
        onRetry={() => refetch()}
      />
    );
  if (data.items.length === 0) return <p className="empty empty--small">Nothing is published yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Published challenges">
        <thead>
          <tr>
            <th>Challenge</th>
            <th>Domain</th>
            <th className="num">Difficulty</th>
            <th className="num">Version</th>
            <th>Analytics</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((c) => (
            <tr key={c.slug}>
              <td>
                <Link to={`/c/${c.slug}`}>{c.title}</Link> <code className="muted small">{c.slug}</code>
              </td>
              <td>{c.domain}</td>
              <td className="num">{c.difficulty}</td>
              <td className="num">v{c.version}</td>
              <td>
                <Link to={`/instructor/${c.slug}`} aria-label={`Analytics of ${c.title}`}>
                  Analytics
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
