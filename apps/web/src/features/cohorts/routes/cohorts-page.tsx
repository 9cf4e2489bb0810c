import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDate } from '../../../lib/format';
import { useCohorts } from '../api/cohorts';
import { CreateCohortForm, JoinCohortForm } from '../components/cohort-forms';

/** The cohorts the user belongs to or teaches, joining one with a code, and (instructors) creating one. */
export function CohortsPage({ canCreate, handle }: { canCreate: boolean; handle: string }) {
  const { data, isPending, isError, error, refetch } = useCohorts();
  return (
    <div className="stack">
      <header>
        <h1>Cohorts</h1>
        <p className="muted">
          A cohort is a class or a team practising together: its members share a leaderboard, and its
          instructor follows everyone's progress.
        </p>
      </header>

      <section className="panel" aria-labelledby="my-cohorts-title">
        <h2 id="my-cohorts-title">My cohorts</h2>
        {isPending && <Loading label="Loading your cohorts" lines={3} />}
        {isError && (
          <ErrorState title="Your cohorts could not be loaded" error={error} onRetry={() => refetch()} />
        )}
        {data && data.items.length === 0 && (
          <p className="empty empty--small">
            You are not in a cohort yet. {canCreate ? 'Create one below, or join' : 'Join'} one with the code
            your instructor gave you.
          </p>
        )}
        {data && data.items.length > 0 && (
          <ul className="cohort-list">
            {data.items.map((c) => (
              <li key={c.id} className="cohort-list__item">
                <div>
                  <Link to={`/cohorts/${c.id}`} className="cohort-list__name">
                    {c.name}
                  </Link>
                  <p className="muted small">
                    {c.owner === handle ? 'You teach it' : `Instructor @${c.owner}`} · {c.members}{' '}
                    {c.members === 1 ? 'member' : 'members'} · since {formatDate(c.created_at)}
                  </p>
                </div>
                {c.join_code && (
                  <span className="small muted">
                    Join code <code className="join-code join-code--small">{c.join_code}</code>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className={canCreate ? 'two-col' : undefined}>
        <section className="panel" aria-labelledby="join-title">
          <h2 id="join-title">Join with a code</h2>
          <JoinCohortForm />
        </section>
        {canCreate && (
          <section className="panel" aria-labelledby="create-title">
            <h2 id="create-title">Create a cohort</h2>
            <CreateCohortForm />
          </section>
        )}
      </div>
    </div>
  );
}
