import type { GradingReviewView } from '@reps/shared';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDateTime, formatPct, formatScore } from '../../../lib/format';
import { useDecideReview, usePendingReviews } from '../api/instructor';

/**
 * Gradings of your challenges held back from the leaderboards because the grader could not score
 * too many hidden cases: read why, then accept (ranked as if just graded) or reject (stays unranked).
 */
export function GradingReviews() {
  const { data, isPending, isError, error, refetch } = usePendingReviews();
  if (isPending) return <Loading label="Loading gradings to review" lines={2} />;
  if (isError)
    return (
      <ErrorState title="Gradings to review could not be loaded" error={error} onRetry={() => refetch()} />
    );
  if (data.items.length === 0)
    return (
      <p className="empty empty--small">
        Nothing to review: no grading of your challenges had more than 2% of its hidden cases unscored.
      </p>
    );
  return (
    <ul className="review-list">
      {data.items.map((review) => (
        <HeldGrading key={review.submission_id} review={review} />
      ))}
    </ul>
  );
}

function HeldGrading({ review }: { review: GradingReviewView }) {
  const decide = useDecideReview();
  const busy = decide.isPending;
  return (
    <li className="panel review-list__item">
      <div className="review-list__head">
        <div>
          <strong>@{review.handle}</strong> on <code>{review.slug}</code> v{review.version}
          <p className="muted small">
            Graded {formatDateTime(review.graded_at)} · correctness{' '}
            {formatScore(review.correctness, review.standard_error)} on the cases scored ·{' '}
            <span className="warn">
              {review.grader_errors} of {review.cases} hidden cases unscored (
              {formatPct(review.grader_error_rate * 100)})
            </span>
          </p>
        </div>
        <div className="review-list__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => decide.mutate({ id: review.submission_id, decision: 'accept' })}
          >
            Accept
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            onClick={() => decide.mutate({ id: review.submission_id, decision: 'reject' })}
          >
            Reject
          </button>
        </div>
      </div>
      {review.grader_error_cases.length > 0 && (
        <details className="disclosure">
          <summary>Why the grader failed ({review.grader_error_cases.length} shown)</summary>
          <ul className="review-list__reasons small">
            {review.grader_error_cases.map((c) => (
              <li key={c.id}>
                <code>{c.id}</code> {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {decide.error && <ErrorState title="The decision was not saved" error={decide.error} />}
    </li>
  );
}
