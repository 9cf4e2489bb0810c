import { readFile } from 'node:fs/promises';
import { challengeBundleSchema, type InstructorVersionView } from '@reps/shared';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';
import { formatIssue } from '../../output/issues.js';
import { ApiClient, ApiError } from '../../remote/api-client.js';
import { requireToken, resolveServer } from '../../remote/saved-login.js';
import { renderCalibration } from './test.command.js';

export interface ChallengeUploadOptions {
  url?: string;
  wait?: boolean;
  json?: boolean;
}

const POLL_MS = 1000;
const WAIT_LIMIT_MS = 15 * 60_000;

/**
 * `reps challenge upload <bundle.json>`: sends a bundle from `reps challenge bundle` to the server
 * (instructors), which checks it, calibrates it on its own hidden cases and publishes it only if
 * the calibration holds. Waits for that verdict unless --no-wait; exit 1 when it is rejected.
 */
export async function challengeUploadCommand(
  file: string,
  options: ChallengeUploadOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const bundle = await readBundle(file);
  const server = requireToken(await resolveServer(env, options.url));
  const api = new ApiClient(server);
  let view: InstructorVersionView;
  try {
    view = await api.post<InstructorVersionView>('/api/instructor/challenges', bundle);
  } catch (error) {
    if (error instanceof ApiError && error.issues.length > 0) {
      for (const issue of error.issues) io.err(`${formatIssue(file, issue)}\n`);
      return EXIT.userError;
    }
    throw error;
  }
  if (options.wait !== false) view = await waitForVerdict(api, view, (line) => io.err(line));
  if (options.json) {
    io.out(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    io.out(`${view.slug} v${view.version}: ${view.status}\n`);
    if (view.calibration) {
      const problems = view.calibration.lines
        .filter((l) => !l.holds)
        .map((l) => `${l.pipeline}: ${l.note ?? 'does not hold'}`);
      const report = { ...view.calibration, challenge: { slug: view.slug, version: view.version }, problems };
      io.out(renderCalibration(report, `(${server.url}) · the server's hidden cases`));
    }
  }
  return view.status === 'rejected' ? EXIT.userError : EXIT.ok;
}

async function readBundle(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(
      'not_found',
      `cannot read the bundle ${file}; make one with \`reps challenge bundle <dir>\``,
      EXIT.usage,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(
      'validation_failed',
      `${file} is not JSON; make it with \`reps challenge bundle <dir>\``,
      EXIT.usage,
    );
  }
  const parsed = challengeBundleSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(root)';
    throw new CliError(
      'validation_failed',
      `${file} is not a challenge bundle (${where}: ${parsed.error.issues[0]?.message})`,
      EXIT.usage,
    );
  }
  return parsed.data;
}

async function waitForVerdict(
  api: ApiClient,
  view: InstructorVersionView,
  note: (line: string) => void,
): Promise<InstructorVersionView> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let current = view;
  if (current.status === 'calibrating')
    note(`calibrating ${view.slug} v${view.version} on the server's hidden cases …\n`);
  while (current.status === 'calibrating' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await api.get<InstructorVersionView>(
      `/api/instructor/challenges/${view.slug}/versions/${view.version}`,
    );
  }
  return current;
}
