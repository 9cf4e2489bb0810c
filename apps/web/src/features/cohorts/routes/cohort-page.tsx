import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { RatingTable } from '../../../components/rating-table';
import { Segmented } from '../../../components/segmented';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { type Period, useCohort, useCohortBoard } from '../api/cohorts';
import { CohortLearnersTable } from '../components/cohort-learners-table';

const PERIODS = [
  ['all', 'All time'],
  ['week', 'This week'],
] as const;

/** One cohort: its ratings board and, for its instructor, the per-learner table. */
export function CohortPage({ id, scopes }: { id: string; scopes: { skills: string[]; domains: string[] } }) {
  const cohort = useCohort(id);
  const [scope, setScope] = useState('global');
  const [period, setPeriod] = useState<Period>('all');

  if (cohort.isPending) return <Loading label="Loading the cohort" lines={5} />;
  if (cohort.isError) {
    if (cohort.error instanceof ApiError && cohort.error.status === 404)
      return (
        <div className="empty">
          <h1>No such cohort</h1>
          <p>It does not exist, or you are not one of its members.</p>
          <Link className="button" to="/cohorts">
            Back to my cohorts
          </Link>
        </div>
      );
    return (
      <ErrorState
        title="The cohort could not be loaded"
        error={cohort.error}
        onRetry={() => cohort.refetch()}
      />
    );
  }
  const c = cohort.data;
  const teaches = c.is_owner;
  return (
    <div className="stack">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/cohorts">Cohorts</Link> / {c.name}
      </nav>
      <header className="cohort-head">
        <div>
          <h1>{c.name}</h1>
          <p className="muted">
            Instructor @{c.owner} · {c.members} {c.members === 1 ? 'member' : 'members'} · since{' '}
            {formatDate(c.created_at)}
          </p>
        </div>
        {teaches && (
          <div className="cohort-head__code">
            <span className="stat__label">Join code</span>
            <code className="join-code">{c.join_code}</code>
          </div>
        )}
      </header>

      <section className="panel" aria-labelledby="cohort-board-title">
        <div className="board__head">
          <h2 id="cohort-board-title">Ratings</h2>
          <label className="filters__select">
            <span>Scope</span>
            <select aria-label="Scope" value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="global">Global</option>
              {scopes.skills.length > 0 && (
                <optgroup label="Skill">
                  {scopes.skills.map((s) => (
                    <option key={s} value={`skill:${s}`}>
                      {s}
                    </option>
                  ))}
                </optgroup>
              )}
              {scopes.domains.length > 0 && (
                <optgroup label="Domain">
                  {scopes.domains.map((d) => (
                    <option key={d} value={`domain:${d}`}>
                      {d}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <Segmented legend="Period" options={PERIODS} value={period} onChange={setPeriod} />
        </div>
        <CohortBoard id={id} scope={scope} period={period} />
      </section>

      {teaches && (
        <section className="panel" aria-labelledby="learners-title">
          <h2 id="learners-title">Learners</h2>
          <CohortLearnersTable id={id} />
        </section>
      )}
    </div>
  );
}

function CohortBoard({ id, scope, period }: { id: string; scope: string; period: Period }) {
  const { data, isPending, isError, error, refetch, isPlaceholderData } = useCohortBoard(id, scope, period);
  if (isPending) return <Loading label="Loading the ratings" lines={4} />;
  if (isError)
    return <ErrorState title="The ratings could not be loaded" error={error} onRetry={() => refetch()} />;
  if (data.entries.length === 0)
    return (
      <p className="empty empty--small">No members yet: the board fills as learners join with the code.</p>
    );
  return <RatingTable board={data} busy={isPlaceholderData} />;
}
