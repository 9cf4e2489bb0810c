import type { SubmissionView } from '@reps/shared';
import { formatApprox, formatCounts, formatInt } from './format.js';
import { renderPairs } from './table.js';

export interface SummaryContext {
  /** The server's base URL, for the profile link. */
  url: string;
  /** The submitter's handle, when /api/me could tell. */
  handle?: string;
}

/**
 * The human view of a finished submission: the numbers the leaderboard ranks by, where it placed,
 * and how anyone can check it (the verification id and the public profile). Hidden-set figures
 * come rounded from the API (docs/grading.md) and are printed at that resolution: correctness to
 * 0.1, cost and latency as `~` 2 significant figures, calls and tokens per case.
 */
export function renderSubmissionSummary(view: SubmissionView, context: SummaryContext): string {
  const head: [string, string][] = [
    ['submission', view.id],
    ['challenge', `${view.slug} v${view.version}`],
    ['status', view.status],
  ];
  if (view.status !== 'graded') {
    const error = view.error
      ? `${view.error.code}: ${view.error.message}`
      : 'the grader stopped without a result';
    return renderPairs([...head, ['error', error]]);
  }
  const hidden = view.result?.hidden;
  const pairs: [string, string][] = [
    ...head,
    ['correctness', correctness(view, hidden?.cases)],
    ['cost', view.cost_usd === null ? 'n/a' : cost(view.cost_usd)],
    ['latency', `p50 ${ms(view.latency_ms.p50)} · p95 ${ms(view.latency_ms.p95)}`],
    ['calls', view.calls_per_case === null ? 'n/a' : `${view.calls_per_case.toFixed(1)} per case`],
    ['tokens', tokens(view.tokens_per_case)],
    ['statuses', hidden?.statuses ? formatCounts(hidden.statuses) : 'n/a'],
    ['failures', hidden?.failures ? formatCounts(hidden.failures) : 'n/a'],
    ['leaderboard', leaderboard(view.leaderboard)],
  ];
  if (view.verification_id)
    pairs.push(['verification', `${view.verification_id} (check: reps verify ${view.verification_id})`]);
  if (context.handle) pairs.push(['profile', `${context.url}/u/${context.handle}`]);
  return renderPairs(pairs);
}

function correctness(view: SubmissionView, cases: number | undefined): string {
  if (view.correctness === null) return 'n/a';
  const error = view.standard_error === null ? '' : ` ± ${view.standard_error.toFixed(1)}`;
  const over = cases ?? view.cases_total;
  return `${view.correctness.toFixed(1)}${error} (${formatInt(over)} hidden cases)`;
}

function leaderboard(board: SubmissionView['leaderboard']): string {
  if (!board) return 'not ranked';
  const place = `#${board.rank} of ${board.of}`;
  return board.displayed
    ? `${place} (your displayed best)`
    : `${place} (your displayed best stays: this one did not beat it by more than the standard error)`;
}

function cost(usd: number): string {
  return usd === 0 ? '$0' : `~$${formatApprox(usd).slice(1)}`;
}

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${formatApprox(value)} ms`;
}

function tokens(perCase: SubmissionView['tokens_per_case']): string {
  if (perCase.input === null || perCase.output === null) return 'n/a';
  return `${formatApprox(perCase.input)} in · ${formatApprox(perCase.output)} out per case`;
}
