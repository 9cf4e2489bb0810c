import { isClientError } from '../lib/query-client';
import { describeError } from './describe-error';

/**
 * A failed load or action. A 403 reads "You do not have access" and a 404 "Not found", whatever
 * the caller's title; "Try again" is not offered for a 4xx (other than 429), which another try would not change.
 */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const shown = describeError(title, error);
  return (
    <div className="error-state" role="alert">
      <h3>{shown.title}</h3>
      <p>{shown.message}</p>
      {onRetry && !isClientError(error) && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
