import {
  FINAL_SUBMISSION_STATUSES,
  SUBMISSION_STATUSES,
  type SubmissionEvent,
  type SubmissionView,
  submissionEventType,
} from '@reps/shared';
import { CliError } from '../cli-error.js';
import type { ProgressBar } from '../output/progress-bar.js';
import type { ApiClient } from './api-client.js';

export interface FollowOptions {
  progress: ProgressBar;
  /** Consecutive failed reconnects before giving up (a network error, exit 2). */
  maxReconnects?: number;
  /** Pause between reconnects. */
  retryDelayMs?: number;
}

/**
 * Follows a submission's event stream until a final status, then returns the full view. The stream
 * is transient by design (Redis pub/sub on the server), so a stream that ends without `final` or a
 * dropped connection is not trusted: the stored state is read, and the stream reopened if grading
 * is still going.
 */
export async function followSubmission(
  api: ApiClient,
  id: string,
  { progress, maxReconnects = 5, retryDelayMs = 1000 }: FollowOptions,
): Promise<SubmissionView> {
  const path = `/api/submissions/${encodeURIComponent(id)}`;
  let failures = 0;
  for (;;) {
    try {
      const events = await api.events(`${path}/events`);
      for await (const message of events) {
        const event = parseEvent(message.data);
        if (!event) continue;
        failures = 0;
        progress.update(event.cases_done, event.cases_total);
        if (message.event === 'final' || submissionEventType(event.status) === 'final') break;
      }
    } catch (error) {
      // A refusal (404, 401) will not change on retry; only a lost connection is retried.
      if (!(error instanceof CliError) || error.code !== 'service_unavailable') throw error;
      if (++failures > maxReconnects) throw error;
    }
    const view = await api.get<SubmissionView>(path);
    progress.update(view.cases_done, view.cases_total);
    if (FINAL_SUBMISSION_STATUSES.includes(view.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
}

function parseEvent(data: string): SubmissionEvent | undefined {
  try {
    const event = JSON.parse(data) as Partial<SubmissionEvent>;
    if (typeof event.status !== 'string' || !SUBMISSION_STATUSES.includes(event.status)) return undefined;
    return {
      id: String(event.id),
      status: event.status,
      cases_done: Number(event.cases_done) || 0,
      cases_total: Number(event.cases_total) || 0,
    };
  } catch {
    return undefined;
  }
}
