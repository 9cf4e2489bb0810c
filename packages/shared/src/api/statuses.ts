/**
 * The lifecycle words API, web and CLI share, as plain data (no zod), so the web can take them at
 * build time (virtual:contracts in apps/web/vite.config.ts) and every part agrees on one list; the
 * submission event stream's shape and event names with them.
 */
export const SUBMISSION_STATUSES = ['queued', 'running', 'graded', 'failed', 'error'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** A submission in one of these is done: nothing will change it but a rejudge. */
export const FINAL_SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['graded', 'failed', 'error'];

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'error'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/**
 * What GET /api/submissions/:id/events sends (server-sent events): the stored state first, then each
 * change, as `progress` events and one `final` event once the status is final.
 */
export interface SubmissionEvent {
  id: string;
  status: SubmissionStatus;
  cases_done: number;
  cases_total: number;
}
export const SUBMISSION_EVENT_TYPES = ['progress', 'final'] as const;
export type SubmissionEventType = (typeof SUBMISSION_EVENT_TYPES)[number];

/** The event a status goes out as: `final` once nothing will change, `progress` before. */
export function submissionEventType(status: SubmissionStatus): SubmissionEventType {
  return FINAL_SUBMISSION_STATUSES.includes(status) ? 'final' : 'progress';
}

/** A practice run in one of these is done. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['done', 'failed', 'error'];

/** A board covers all time or the current ISO week. */
export const PERIODS = ['all', 'week'] as const;
export type Period = (typeof PERIODS)[number];
