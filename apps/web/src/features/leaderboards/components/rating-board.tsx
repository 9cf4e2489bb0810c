import type { RatingEntry } from '@reps/shared';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { type Period, useRatings } from '../api/get-leaderboard';

/** Ratings (difficulty-weighted best correctness) in one scope: global, a skill or a domain. */
export function RatingBoard({ scope, period }: { scope: string; period: Period }) {
  const { data, isPending, isError, error, refetch, isPlaceholderData } = useRatings(scope, period);
  if (isPending) return <Loading label="Loading the ratings" lines={4} />;
  if (isError)
    return <ErrorState title="The ratings could not be loaded" error={error} onRetry={() => refetch()} />;
  if (data.entries.length === 0)
    return (
      <p className="empty empty--small">No rated learners here yet: ratings come from graded submissions.</p>
    );
  const mine = data.me?.handle;
  const meShown = data.entries.some((e) => e.handle === mine);
  const top = Math.max(...data.entries.map((e) => e.rating), 1);
  return (
    <table className="table board__table" aria-busy={isPlaceholderData || undefined}>
      <thead>
        <tr>
          <th className="num">Rank</th>
          <th>Learner</th>
          <th className="board__bar-col">Rating</th>
          <th className="num">Challenges</th>
        </tr>
      </thead>
      <tbody>
        {data.entries.map((entry) => (
          <RatingRow key={entry.handle} entry={entry} mine={entry.handle === mine} top={top} />
        ))}
        {data.me && !meShown && (
          <>
            <tr className="board__gap">
              <td colSpan={4}>⋯</td>
            </tr>
            <RatingRow entry={data.me} mine top={top} />
          </>
        )}
      </tbody>
    </table>
  );
}

function RatingRow({ entry, mine, top }: { entry: RatingEntry; mine: boolean; top: number }) {
  return (
    <tr className={mine ? 'row--highlight' : undefined} aria-current={mine ? 'true' : undefined}>
      <td className="num">
        <span className={`rank rank--${entry.rank <= 3 ? entry.rank : 'n'}`}>{entry.rank}</span>
      </td>
      <td>
        <Link to={`/u/${entry.handle}`}>@{entry.handle}</Link>
        {mine && <span className="chip chip--you">you</span>}
      </td>
      <td className="board__bar-col">
        <span className="meter">
          <span className="meter__fill" style={{ width: `${(entry.rating / top) * 100}%` }} />
        </span>
        <strong>{entry.rating.toFixed(1)}</strong>
      </td>
      <td className="num">{entry.challenges}</td>
    </tr>
  );
}
