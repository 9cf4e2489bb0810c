import { type GradeChallengeOutcome, gradeChallengeIsolated } from '@reps/engine';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../cli-error.js';
import { cliGatewaySpec } from '../cli-gateway.js';
import { formatIssue } from '../output/issues.js';
import { createProgressBar } from '../output/progress-bar.js';
import { renderRunSummary } from '../output/run-summary.js';
import { readInputFile } from '../read-input-file.js';
import { type CaseSelection, selectCases } from '../run/case-selection.js';
import { loadChallengeArg } from '../run/resolve-challenge.js';
import { buildRunReport } from '../run/run-report.js';
import { DEFAULT_TRACE_DIR, saveTraceRecords, traceRecord } from '../run/trace-record.js';

export interface RunOptions {
  challenge: string;
  /** public | hidden | N */
  cases: string;
  json?: boolean;
  /** Cases run at once; the result does not depend on it. */
  concurrency: string;
  saveTrace?: string;
  /** Exit 1 when correctness is below this (0–100). */
  failUnder?: string;
}

type Graded = Extract<GradeChallengeOutcome, { ok: true }>;

/**
 * `reps run <file> --challenge <slug-or-dir>`: grades a pipeline the way the worker does, in a
 * grading thread under the same caps (gradeChallengeIsolated: allowed models, budget caps, seeded
 * cases, the challenge's scorer), so a pipeline scores here what it scores on the server under sim
 * models, to the last digit, and a runaway case stops here as it would there.
 */
export async function runCommand(
  file: string,
  options: RunOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const caseConcurrency = positiveInt(options.concurrency, '--concurrency');
  const failUnder = options.failUnder === undefined ? undefined : percent(options.failUnder);
  const pipelineSource = await readInputFile(io.cwd, file, 'the pipeline');
  const challenge = await loadChallengeArg(io.cwd, options.challenge);
  const selection = selectCases(challenge.manifest, options.cases, env.hiddenSeed, io.err);
  const progress = createProgressBar(io.err, io.stderrIsTTY, io.columns);
  let outcome: GradeChallengeOutcome;
  try {
    outcome = await gradeChallengeIsolated({
      ...env.limits,
      challenge,
      pipelineSource,
      kind: selection.kind,
      ...(selection.secret ? { secret: selection.secret } : {}),
      ...(selection.count ? { count: selection.count } : {}),
      gateway: cliGatewaySpec(env),
      caseConcurrency,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.finish();
  }
  if (!outcome.ok) {
    // Under --json the issues go to stderr, so stdout stays empty rather than half-parseable.
    const write = options.json ? io.err : io.out;
    for (const issue of outcome.issues) write(formatIssue(file, issue));
    return EXIT.userError;
  }
  const { manifest } = challenge;
  const report = buildRunReport(outcome.result, outcome.cases, selection, {
    pipeline: file,
    slug: manifest.slug,
    version: manifest.version,
    passMark: manifest.scoring.pass_mark,
  });
  const savedTo = await saveTraces(
    file,
    manifest,
    selection,
    outcome,
    options.saveTrace ?? DEFAULT_TRACE_DIR,
    io.cwd,
  );
  if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.out(renderRunSummary(report));
    if (savedTo) io.out(`traces       ${savedTo}/ (read one: reps trace ${outcome.result.cases[0]?.id})\n`);
  }
  if (failUnder !== undefined && report.correctness < failUnder) {
    io.err(`reps: correctness ${report.correctness.toFixed(2)} is under --fail-under ${failUnder}\n`);
    return EXIT.userError;
  }
  return EXIT.ok;
}

/** Public cases only: a hidden case's trace holds its secret input. Returns the folder, if any. */
async function saveTraces(
  pipeline: string,
  manifest: { slug: string; version: number },
  selection: CaseSelection,
  { result, cases }: Graded,
  dir: string,
  cwd: string,
): Promise<string | undefined> {
  if (selection.kind !== 'public' || result.cases.length === 0) return undefined;
  const context = { slug: manifest.slug, version: manifest.version, pipeline, savedAt: new Date() };
  const records = result.cases.map((r, i) => traceRecord(r, cases[i]!, context));
  await saveTraceRecords(cwd, dir, records);
  return dir;
}

function positiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1024)
    throw new CliError('validation_failed', `${flag} must be a whole number from 1 to 1024, not "${value}"`);
  return Number(value);
}

function percent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new CliError('validation_failed', `--fail-under must be a number from 0 to 100, not "${value}"`);
  return n;
}
