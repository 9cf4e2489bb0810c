import type { SubmissionView } from '@reps/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { ProgressBar } from '../../../components/progress-bar';
import { type HiddenAggregates, ResultSummary } from '../../../components/result-summary';
import { formatDateTime } from '../../../lib/format';
import { FINAL_STATUSES, useSubmission } from '../api/get-submission';
import { useRefreshWhenFinal, useSubmissionEvents } from '../api/submission-events';
import { ReviewNotice } from './review-notice';

interface SubmissionResult {
  hidden?: HiddenAggregates;
  public?: unknown;
}

const statusText: Record<string, string> = {
  queued: 'Queued: waiting for a grader…',
  running: 'Grading on the hidden cases and the public examples…',
  graded: 'Graded',
  failed: 'Failed',
  error: 'Could not be graded',
};

/**
 * One submission from queue to result: a live progress bar from the event stream, then the
 * hidden-set aggregates, the place on the leaderboard and the verification id. The public cases'
 * full results are drawn by `renderPublic` (the runs feature, composed by the page).
 */
export function SubmissionPanel({
  id,
  passMark,
  handle,
  renderPublic,
}: {
  id: string;
  passMark: number;
  handle?: string;
  renderPublic?: (result: unknown) => ReactNode;
}) {
  const submission = useSubmission(id);
  const view = submission.data;
  const final = view ? FINAL_STATUSES.has(view.status) : false;
  const live = useSubmissionEvents(id, Boolean(view) && !final);
  useRefreshWhenFinal(id, final);

  if (submission.isPending) return <Loading label="Loading the submission" lines={2} />;
  if (submission.isError)
    return (
      <ErrorState
        title="The submission could not be loaded"
        error={submission.error}
        onRetry={() => submission.refetch()}
      />
    );
  if (!view) return null;

  if (!final) {
    const status = live?.status ?? view.status;
    const done = live?.cases_done ?? view.cases_done;
    const total = live?.cases_total ?? view.cases_total;
    return (
      <section className="panel submission" aria-label="Submission progress" aria-live="polite">
        <h3 className="submission__title">Submission {shortId(view.id)}</h3>
        <ProgressBar label={statusText[status] ?? status} done={done} total={total} />
        <p className="muted small">
          The count covers the hidden cases and the public examples; the score is the hidden cases' alone. You
          can keep editing meanwhile: scores appear here when grading ends.
        </p>
      </section>
    );
  }
  return <SubmissionResultView view={view} passMark={passMark} handle={handle} renderPublic={renderPublic} />;
}

function SubmissionResultView({
  view,
  passMark,
  handle,
  renderPublic,
}: {
  view: SubmissionView;
  passMark: number;
  handle?: string;
  renderPublic?: (result: unknown) => ReactNode;
}) {
  const result = (view.result ?? {}) as SubmissionResult;
  if (view.status !== 'graded') {
    return (
      <section className="panel submission submission--failed" aria-label="Submission result">
        <h3 className="submission__title">
          Submission {shortId(view.id)}: {statusText[view.status]}
        </h3>
        <p className="form-error">
          {view.error ? (
            <>
              <code>{view.error.code}</code> {view.error.message}
            </>
          ) : (
            'The grader stopped without a result.'
          )}
        </p>
      </section>
    );
  }
  const aggregates: HiddenAggregates = result.hidden ?? {
    correctness: view.correctness,
    standard_error: view.standard_error,
    cost_usd: view.cost_usd,
    latency_ms: view.latency_ms,
    calls_per_case: view.calls_per_case,
    tokens_per_case: view.tokens_per_case,
  };
  const board = view.leaderboard;
  return (
    <section className="panel submission" aria-label="Submission result">
      <header className="submission__head">
        <h3 className="submission__title">Graded on {aggregates.cases ?? view.cases_total} hidden cases</h3>
        <span className="muted small">{formatDateTime(view.graded_at)}</span>
      </header>
      {view.review && <ReviewNotice review={view.review} cases={aggregates.cases ?? view.cases_total} />}
      <ResultSummary result={aggregates} passMark={passMark} costLabel="Cost (hidden set)" />
      <div className="submission__facts">
        <div>
          <span className="stat__label">Leaderboard</span>
          {board ? (
            board.displayed ? (
              <p className="submission__rank">
                #{board.rank} <span className="muted">of {board.of}</span>
              </p>
            ) : board.stays === 'solutions_opened' ? (
              <p className="submission__rank">
                <strong className="small">
                  Not ranked: sent after you opened the solutions of this version.
                </strong>{' '}
                <span className="muted small">
                  Your best
                  {board.best_correctness !== undefined && <> ({board.best_correctness.toFixed(1)})</>} stays
                  at #{board.rank} of {board.of}.
                </span>
              </p>
            ) : (
              <p className="submission__rank">
                <span className="muted small">Not displayed. Your best</span>
                {board.best_correctness !== undefined && <> ({board.best_correctness.toFixed(1)})</>} stays at
                #{board.rank} <span className="muted">of {board.of}</span>
                <span className="muted small"> · {STAYS[board.stays ?? 'not_ahead']}</span>
              </p>
            )
          ) : (
            <p className="muted">
              {view.review?.status === 'pending'
                ? 'Not on the board until the review.'
                : view.review?.status === 'rejected'
                  ? 'Not ranked (rejected in review).'
                  : 'Not on the board.'}
            </p>
          )}
        </div>
        {/* Held or rejected in review, the record cannot be verified yet: no id to share. */}
        {view.verification_id && (!view.review || view.review.status === 'accepted') && (
          <div>
            <span className="stat__label">Verification id</span>
            <p>
              <code className="verification-id">{view.verification_id}</code>
              {/* The profile lists the displayed best's record only: say so when this is another one. */}
              {handle &&
                (board?.displayed ? (
                  <>
                    {' · '}
                    <Link to={`/u/${handle}`}>on your public profile</Link>
                  </>
                ) : (
                  <span className="muted small">
                    {' · '}verifiable, but <Link to={`/u/${handle}`}>your public profile</Link> lists your
                    best submission's record, not this one
                  </span>
                ))}
            </p>
          </div>
        )}
      </div>
      {result.public !== undefined && renderPublic && (
        <details className="disclosure">
          <summary>Public examples in this submission</summary>
          {renderPublic(result.public)}
        </details>
      )}
    </section>
  );
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** Why a submission is not the displayed best, in the Ladder rule's words (docs/grading.md). */
const STAYS = {
  lower: 'this one scored lower.',
  within_error: 'this one scored higher, but by no more than the standard error, so it may be noise.',
  not_ahead: 'this one is not ahead of it: as correct, and not cheaper or faster.',
} as const;
