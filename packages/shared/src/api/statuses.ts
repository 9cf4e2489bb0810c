/**
 * The lifecycle words API, web and CLI share, as plain data (no zod), so the web can take them at
 * build time (virtual:contracts in apps/web/vite.config.ts) and every part agrees on one list.
 */
export const SUBMISSION_STATUSES = ['queued', 'running', 'graded', 'failed', 'error'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** A submission in one of these is done: nothing will change it but a rejudge. */
export const FINAL_SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['graded', 'failed', 'error'];

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'error'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** A practice run in one of these is done. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['done', 'failed', 'error'];

/** A board covers all time or the current ISO week. */
export const PERIODS = ['all', 'week'] as const;
export type Period = (typeof PERIODS)[number];
