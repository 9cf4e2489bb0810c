import { lazy, useState } from 'react';
import { Link } from 'react-router';
import { ChartFrame } from '../../../components/chart-frame';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { Stat, StatGrid } from '../../../components/stat';
import { ApiError } from '../../../lib/api-client';
import { formatInt } from '../../../lib/format';
import { useAnalytics } from '../api/instructor';

const charts = () => import('../components/analytics-charts');
const ScoreDistribution = lazy(() => charts().then((m) => ({ default: m.ScoreDistribution })));
const CostVsCorrectness = lazy(() => charts().then((m) => ({ default: m.CostVsCorrectness })));
const FailureCategories = lazy(() => charts().then((m) => ({ default: m.FailureCategories })));
const AttemptsToPass = lazy(() => charts().then((m) => ({ default: m.AttemptsToPass })));

/** How learners do on one challenge version: scores, cost against correctness, failures, attempts to pass. */
export function AnalyticsPage({ slug }: { slug: string }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const analytics = useAnalytics(slug, version);
  const published = analytics.data?.versions ?? [];
  const title = analytics.data?.title ?? slug;

  return (
    <div className="stack">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/instructor">Instructor console</Link> / {title}
      </nav>
      <header className="board__head">
        <div>
          <h1>Analytics: {title}</h1>
          <p className="muted">
            <code>{slug}</code>
            {analytics.data && ` · version ${analytics.data.version}`} ·{' '}
            <Link to={`/c/${slug}`}>open the challenge</Link>
          </p>
          {analytics.data && <ScopeLine data={analytics.data} />}
        </div>
        {published.length > 1 && (
          <label className="filters__select">
            <span>Version</span>
            <select
              aria-label="Version"
              value={version ?? published[0]!}
              onChange={(e) => setVersion(Number(e.target.value))}
            >
              {published.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>

      {analytics.isPending && <Loading label="Loading the analytics" lines={6} />}
      {analytics.isError &&
        (analytics.error instanceof ApiError && analytics.error.status === 404 ? (
          <div className="empty">
            <h3>No analytics for {slug}</h3>
            <p>{analytics.error.message}</p>
          </div>
        ) : (
          <ErrorState
            title="The analytics could not be loaded"
            error={analytics.error}
            onRetry={() => analytics.refetch()}
          />
        ))}
      {analytics.data && <AnalyticsBody data={analytics.data} />}
    </div>
  );
}

type Analytics = NonNullable<ReturnType<typeof useAnalytics>['data']>;

/** Whose work the figures cover: the learners of the reader's cohorts, or everyone. */
function ScopeLine({ data }: { data: Analytics }) {
  if (data.scope === 'all')
    return (
      <p className="small" data-testid="analytics-scope">
        <strong>Scope: every learner</strong> ({formatInt(data.scope_learners)} accounts on Reps).
      </p>
    );
  const cohorts = data.scope_cohorts ?? 0;
  return (
    <p className="small" data-testid="analytics-scope">
      <strong>Scope: your cohorts</strong>
      {cohorts === 0 ? (
        <>
          {' '}
          — you run no cohort yet, so nobody is counted. <Link to="/cohorts">Create a cohort</Link> and share
          its join code.
        </>
      ) : (
        <>
          {' '}
          ({formatInt(data.scope_learners)} {data.scope_learners === 1 ? 'learner' : 'learners'} in {cohorts}{' '}
          {cohorts === 1 ? 'cohort' : 'cohorts'}); learners outside them are neither counted nor named.
        </>
      )}
    </p>
  );
}

function AnalyticsBody({ data }: { data: Analytics }) {
  const rate = data.learners ? Math.round((data.passed / data.learners) * 100) : 0;
  return (
    <>
      <section className="panel" aria-label="Summary">
        <StatGrid>
          <Stat label="Learners" value={formatInt(data.learners)} />
          <Stat label="Submissions" value={formatInt(data.submissions)} />
          <Stat
            label="Passed"
            value={formatInt(data.passed)}
            hint={data.learners ? `${rate}% of learners` : undefined}
          />
          <Stat
            label="Attempts to pass"
            value={data.attempts_to_pass.median === null ? '—' : `${data.attempts_to_pass.median} median`}
            hint={
              data.attempts_to_pass.mean === null
                ? undefined
                : `${data.attempts_to_pass.mean.toFixed(1)} mean`
            }
          />
        </StatGrid>
      </section>
      {data.submissions === 0 ? (
        <div className="empty">
          <h3>No graded submissions on this version yet</h3>
          <p>
            {data.scope === 'cohorts'
              ? 'The charts fill in as the learners of your cohorts submit.'
              : 'The charts fill in as learners submit. Share the challenge with a cohort to get started.'}
          </p>
        </div>
      ) : (
        <>
          <div className="two-col">
            <section className="panel" aria-labelledby="dist-title">
              <h2 id="dist-title">Score distribution</h2>
              <p className="muted small">Learners by best correctness.</p>
              <ChartFrame label="score distribution" height={240}>
                <ScoreDistribution data={data.score_distribution} passMark={data.pass_mark} />
              </ChartFrame>
            </section>
            <section className="panel" aria-labelledby="cost-title">
              <h2 id="cost-title">Cost vs correctness</h2>
              <p className="muted small">One dot per learner's displayed best.</p>
              <ChartFrame label="cost and correctness chart" height={240}>
                <CostVsCorrectness data={data.cost_vs_correctness} />
              </ChartFrame>
            </section>
          </div>
          <div className="two-col">
            <section className="panel" aria-labelledby="fail-title">
              <h2 id="fail-title">Failure categories</h2>
              <p className="muted small">Hidden cases by error, over every graded submission in scope.</p>
              {data.failure_categories.length === 0 ? (
                <p className="empty empty--small">No failed cases: every hidden case ran to an answer.</p>
              ) : (
                <ChartFrame label="failure categories" height={160}>
                  <FailureCategories data={data.failure_categories} />
                </ChartFrame>
              )}
            </section>
            <section className="panel" aria-labelledby="attempts-title">
              <h2 id="attempts-title">Attempts to pass</h2>
              <p className="muted small">Submissions a learner made up to their first passing one.</p>
              {data.attempts_to_pass.distribution.length === 0 ? (
                <p className="empty empty--small">Nobody has passed yet.</p>
              ) : (
                <ChartFrame label="attempts to pass" height={220}>
                  <AttemptsToPass data={data.attempts_to_pass.distribution} />
                </ChartFrame>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
