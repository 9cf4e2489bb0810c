import type { AttemptView } from '@reps/shared';
import { formatApproxMs, formatApproxUsd, formatMs, formatScore, formatUsd } from '../../../lib/format';

export function KindBadge({ kind }: { kind: AttemptView['kind'] }) {
  return (
    <span className={`badge attempt-kind attempt-kind--${kind}`}>
      {kind === 'run' ? 'Run' : 'Submission'}
    </span>
  );
}

export function StatusBadge({ status }: { status: AttemptView['status'] }) {
  const tone =
    status === 'done' || status === 'graded'
      ? 'ok'
      : status === 'failed' || status === 'error'
        ? 'bad'
        : 'pending';
  return <span className={`badge badge--${tone}`}>{status}</span>;
}

/**
 * A figure the way its set is told: a run's public figures exact, a submission's hidden ones at the
 * resolution they come in (marked `~`).
 */
export const usd = (attempt: AttemptView, value: number | null) =>
  attempt.set === 'hidden' ? formatApproxUsd(value) : formatUsd(value);
export const ms = (attempt: AttemptView, value: number | null) =>
  attempt.set === 'hidden' ? formatApproxMs(value) : formatMs(value);

/** Score, cost and latency of one attempt, labelled, as the list shows them. */
export function AttemptFigures({ attempt }: { attempt: AttemptView }) {
  const over = attempt.cases
    ? `${attempt.cases} ${attempt.set === 'hidden' ? 'hidden cases' : 'public examples'}`
    : null;
  return (
    <dl className="attempt__figures">
      <div>
        <dt>Score</dt>
        <dd title={over ?? undefined}>{formatScore(attempt.correctness, attempt.standard_error)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{usd(attempt, attempt.cost_usd)}</dd>
      </div>
      <div>
        <dt>p95</dt>
        <dd>{ms(attempt, attempt.latency_ms.p95)}</dd>
      </div>
    </dl>
  );
}
