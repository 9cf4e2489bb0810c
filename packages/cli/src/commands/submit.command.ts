import { FINAL_SUBMISSION_STATUSES, type Me, type SubmissionView } from '@reps/shared';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../cli-error.js';
import { formatIssue } from '../output/issues.js';
import { createProgressBar } from '../output/progress-bar.js';
import { renderSubmissionSummary } from '../output/submission-summary.js';
import { readInputFile } from '../read-input-file.js';
import { ApiClient, ApiError } from '../remote/api-client.js';
import { followSubmission } from '../remote/follow-submission.js';
import { requireToken, resolveServer } from '../remote/saved-login.js';

export interface SubmitOptions {
  challenge: string;
  /** false with --no-wait. */
  wait: boolean;
  json?: boolean;
  url?: string;
}

/**
 * `reps submit <file> --challenge <slug>`: submits the pipeline for grading on the hidden cases,
 * follows the progress and prints the result. A pipeline the server rejects (422) is reported like
 * `reps validate` does, and a used-up daily allowance (429) as its message; both exit 1, since the
 * learner fixes them. Network and server faults exit 2.
 */
export async function submitCommand(
  file: string,
  options: SubmitOptions,
  ctx: CliContext,
): Promise<ExitCode> {
  const { io, env } = ctx;
  const pipeline = await readInputFile(io.cwd, file, 'the pipeline');
  const api = new ApiClient(requireToken(await resolveServer(env, options.url)));
  // Under --json stdout holds the JSON only; everything else goes to stderr.
  const say = options.json ? io.err : io.out;
  let submitted: { id: string; status: string };
  try {
    submitted = await api.post(`/api/challenges/${encodeURIComponent(options.challenge)}/submissions`, {
      pipeline,
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 422) {
      const issues = error.issues.length ? error.issues : [{ code: error.code, message: error.message }];
      for (const issue of issues) say(formatIssue(file, issue));
      io.err(`reps: ${error.code}: the server rejected the pipeline; nothing was submitted\n`);
      return EXIT.userError;
    }
    if (error.status === 429) {
      io.err(`reps: ${error.code}: ${error.message}\n`);
      return EXIT.userError;
    }
    throw error;
  }
  if (!options.wait) {
    if (options.json) io.out(`${JSON.stringify(submitted, null, 2)}\n`);
    else
      io.out(
        `submitted ${submitted.id} (${submitted.status})\nfollow it: reps submission ${submitted.id} --wait\n`,
      );
    return EXIT.ok;
  }
  if (!options.json) io.err(`submitted ${submitted.id}; grading on the hidden cases…\n`);
  return showSubmission(api, submitted.id, { wait: true, json: options.json }, ctx);
}

export interface SubmissionOptions {
  wait?: boolean;
  json?: boolean;
  url?: string;
}

/** `reps submission <id> [--wait]`: a submission's state or result (after `reps submit --no-wait`). */
export async function submissionCommand(
  id: string,
  options: SubmissionOptions,
  ctx: CliContext,
): Promise<ExitCode> {
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw new CliError(
      'validation_failed',
      `"${id}" is not a submission id (a UUID, as reps submit prints it)`,
    );
  const api = new ApiClient(requireToken(await resolveServer(ctx.env, options.url)));
  return showSubmission(api, id, options, ctx);
}

async function showSubmission(
  api: ApiClient,
  id: string,
  options: { wait?: boolean; json?: boolean },
  { io }: CliContext,
): Promise<ExitCode> {
  let view: SubmissionView;
  if (options.wait) {
    const progress = createProgressBar(io.err, io.stderrIsTTY, io.columns);
    try {
      view = await followSubmission(api, id, { progress });
    } finally {
      progress.finish();
    }
  } else {
    view = await api.get<SubmissionView>(`/api/submissions/${encodeURIComponent(id)}`);
  }
  if (options.json) io.out(`${JSON.stringify(view, null, 2)}\n`);
  else if (!FINAL_SUBMISSION_STATUSES.includes(view.status))
    io.out(`submission ${view.id}: ${view.status}, ${view.cases_done}/${view.cases_total} cases\n`);
  else {
    const me = await api.get<Me>('/api/me').catch(() => undefined);
    io.out(renderSubmissionSummary(view, { url: api.server.url, ...(me ? { handle: me.handle } : {}) }));
  }
  return exitCodeOf(view);
}

/** Graded is success; failed is the pipeline's fault (1); error is the platform's (2). */
function exitCodeOf(view: SubmissionView): ExitCode {
  if (view.status === 'failed') return EXIT.userError;
  if (view.status === 'error') return EXIT.usage;
  return EXIT.ok;
}
