import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { RatingTable } from '../../../components/rating-table';
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
  return <RatingTable board={data} busy={isPlaceholderData} />;
}
