import type { LeaderboardEntry } from '@reps/shared';
import { lazy, useState } from 'react';
import { Link } from 'react-router';
import { ChartFrame } from '../../../components/chart-frame';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatApproxMs, formatApproxUsd, formatDate, formatScore } from '../../../lib/format';
import { type Period, useLeaderboard } from '../api/get-leaderboard';
import { PeriodToggle } from './period-toggle';

const ParetoChart = lazy(() => import('./pareto-chart'));

/** Best per learner on one challenge, with the signed-in learner's row highlighted (or added below). */
export function ChallengeLeaderboard({ slug, title }: { slug: string; title?: string }) {
  const [period, setPeriod] = useState<Period>('all');
  const { data, isPending, isError, error, refetch, isPlaceholderData } = useLeaderboard(slug, period);
  const mine = data?.me?.handle;
  const meShown = data?.entries.some((e) => e.handle === mine);
  return (
    <div className="board">
      <div className="board__head">
        {title && <h3 className="board__title">{title}</h3>}
        <PeriodToggle value={period} onChange={setPeriod} />
      </div>
      {isPending && <Loading label="Loading the leaderboard" lines={3} />}
      {isError && (
        <ErrorState title="The leaderboard could not be loaded" error={error} onRetry={() => refetch()} />
      )}
      {data && data.entries.length === 0 && (
        <p className="empty empty--small">
          {period === 'week' ? 'Nobody has a graded submission this week yet.' : 'No graded submissions yet.'}{' '}
          Be the first.
        </p>
      )}
      {data && data.entries.length > 0 && (
        <div className="table-scroll">
          <table className="table board__table" aria-busy={isPlaceholderData || undefined}>
            <thead>
              <tr>
                <th className="num">Rank</th>
                <th>Learner</th>
                <th className="num">Correctness</th>
                <th className="num">Cost</th>
                <th className="num">p95 latency</th>
                <th>Graded</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <BoardRow key={entry.handle} entry={entry} mine={entry.handle === mine} />
              ))}
              {data.me && !meShown && (
                <>
                  <tr className="board__gap">
                    <td colSpan={6}>⋯</td>
                  </tr>
                  <BoardRow entry={data.me} mine />
                </>
              )}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > data.entries.length && (
        <p className="muted small">
          Showing the top {data.entries.length} of {data.total}.
        </p>
      )}
      {data && data.entries.length > 0 && (
        <figure className="chart" aria-label="Cost against correctness">
          <figcaption className="chart__caption">
            Cost against correctness{data.me ? ': your best is the large blue dot' : ''}. Points on the dashed
            Pareto front are not beaten on both at once.
          </figcaption>
          <ChartFrame label="cost and correctness chart" height={260}>
            <ParetoChart
              entries={data.me && !meShown ? [...data.entries, data.me] : data.entries}
              mine={mine}
            />
          </ChartFrame>
        </figure>
      )}
    </div>
  );
}

function BoardRow({ entry, mine }: { entry: LeaderboardEntry; mine: boolean }) {
  return (
    <tr className={mine ? 'row--highlight' : undefined} aria-current={mine ? 'true' : undefined}>
      <td className="num">
        <span className={`rank rank--${entry.rank <= 3 ? entry.rank : 'n'}`}>{entry.rank}</span>
      </td>
      <td>
        <Link to={`/u/${entry.handle}`}>@{entry.handle}</Link>
        {mine && <span className="chip chip--you">you</span>}
      </td>
      <td className="num">{formatScore(entry.correctness, entry.standard_error)}</td>
      <td className="num">{formatApproxUsd(entry.cost_usd)}</td>
      <td className="num">{formatApproxMs(entry.latency_p95_ms)}</td>
      <td>{formatDate(entry.graded_at)}</td>
    </tr>
  );
}
