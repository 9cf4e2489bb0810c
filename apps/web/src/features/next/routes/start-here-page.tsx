import { Link, Navigate } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { useStartHere } from '../api/start-here';

/** Where a new learner lands after signing up: the start-here challenge (`startHere` in packages/shared). */
export function StartHerePage() {
  const { data, isPending, isError, error, refetch } = useStartHere();
  if (isPending) return <Loading label="Finding where to start" lines={2} />;
  if (isError)
    return (
      <ErrorState title="The first challenge could not be found" error={error} onRetry={() => refetch()} />
    );
  if (!data.challenge)
    return (
      <div className="empty">
        <h1>No challenges are published yet</h1>
        <p>Once an instructor publishes one, it will be waiting for you here.</p>
        <Link className="button" to="/">
          Back to the catalogue
        </Link>
      </div>
    );
  return <Navigate replace to={`/c/${data.challenge.slug}`} />;
}
