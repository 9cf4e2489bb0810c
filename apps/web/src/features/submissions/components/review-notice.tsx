import type { SubmissionReview } from '@reps/shared';
import { formatDateTime, formatPct } from '../../../lib/format';

/**
 * What a learner sees of a grading held for review: the grader could not score too many hidden
 * cases, so the result waits for the challenge's instructor before it counts anywhere public.
 */
export function ReviewNotice({ review, cases }: { review: SubmissionReview; cases: number }) {
  const share = `${review.grader_errors} of ${cases} hidden cases (${formatPct(review.grader_error_rate * 100)})`;
  if (review.status === 'accepted')
    return (
      <p className="review-notice review-notice--accepted small" role="status">
        Reviewed and accepted {formatDateTime(review.reviewed_at)}: this result counts like any other. The
        grader could not score {share}; they are left out of your correctness.
      </p>
    );
  if (review.status === 'rejected')
    return (
      <div className="review-notice review-notice--rejected" role="status">
        <strong>Not ranked</strong>
        <p>
          The instructor reviewed this grading on {formatDateTime(review.reviewed_at)} and did not accept it:
          the grader could not score {share}. The figures below are for your information only; they do not
          count on the leaderboard, in your rating or on your profile. You can submit again.
        </p>
      </div>
    );
  return (
    <div className="review-notice review-notice--pending" role="status">
      <strong>Awaiting review</strong>
      <p>
        The grader could not score {share}. Those cases are left out of your correctness, so the challenge's
        instructor checks this grading before it counts on the leaderboard, in your rating and on your
        profile. Nothing to do on your side: the decision will show here.
      </p>
    </div>
  );
}
