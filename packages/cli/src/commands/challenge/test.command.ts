import { relative } from 'node:path';
import {
  type CalibrationRow,
  calibrateOne,
  calibrationPipelines,
  missingRoles,
} from '../../authoring/calibration.js';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';
import { createCliGateway } from '../../cli-gateway.js';
import { formatCost, formatInt, formatMs } from '../../output/format.js';
import { createProgressBar } from '../../output/progress-bar.js';
import { renderTable } from '../../output/table.js';
import { LOCAL_HIDDEN_SEED } from '../../run/case-selection.js';
import { loadChallengeArg } from '../../run/resolve-challenge.js';
import { wholeNumber } from './numbers.js';

export interface ChallengeTestOptions {
  json?: boolean;
  secret?: string;
  cases?: string;
  concurrency: string;
}

/** What `reps challenge test --json` prints. */
export interface CalibrationReport {
  challenge: { slug: string; version: number };
  /** Where the hidden seed came from; the seed itself is never printed. */
  hidden_seed: 'flag' | 'env' | 'local-default';
  holds: boolean;
  problems: string[];
  rows: CalibrationRow[];
}

/**
 * `reps challenge test <dir|slug>`: grades baseline.pipeline.yaml and every reference*.pipeline.yaml
 * on the hidden cases with the engine's gradeChallenge (the worker's path), and says whether the
 * calibration holds: baseline < 50, each reference >= 90 with no case over budget. Exit 1 if not.
 */
export async function challengeTestCommand(
  arg: string,
  options: ChallengeTestOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const caseConcurrency = wholeNumber(options.concurrency, '--concurrency', 1, 1024);
  const count = options.cases === undefined ? undefined : wholeNumber(options.cases, '--cases', 1, 10_000);
  const challenge = await loadChallengeArg(io.cwd, arg);
  const { slug, version } = challenge.manifest;
  const { secret, source } = hiddenSecret(options.secret, env.hiddenSeed);
  if (source === 'local-default')
    io.err(
      `warning: REPS_HIDDEN_SEED is not set; hidden cases use the local default seed "${LOCAL_HIDDEN_SEED}", not the server's hidden set\n`,
    );
  const pipelines = await calibrationPipelines(challenge.dir);
  const problems = missingRoles(pipelines);
  const gateway = createCliGateway(env);
  const rows: CalibrationRow[] = [];
  for (const pipeline of pipelines) {
    const progress = createProgressBar(io.err, io.stderrIsTTY, io.columns);
    try {
      rows.push(
        await calibrateOne(challenge, pipeline, {
          secret,
          gateway,
          caseConcurrency,
          ...(count ? { count } : {}),
          onProgress: (done, total) => progress.update(done, total),
        }),
      );
    } finally {
      progress.finish();
    }
  }
  for (const row of rows) if (!row.holds) problems.push(`${row.pipeline}: ${row.problem}`);
  const report: CalibrationReport = {
    challenge: { slug, version },
    hidden_seed: source,
    holds: problems.length === 0,
    problems,
    rows,
  };
  if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(renderCalibration(report, relative(io.cwd, challenge.dir) || '.'));
  return report.holds ? EXIT.ok : EXIT.userError;
}

function hiddenSecret(
  flag: string | undefined,
  fromEnv: string | undefined,
): { secret: string; source: CalibrationReport['hidden_seed'] } {
  if (flag !== undefined) {
    if (!flag) throw new CliError('validation_failed', '--secret is empty');
    return { secret: flag, source: 'flag' };
  }
  if (fromEnv) return { secret: fromEnv, source: 'env' };
  return { secret: LOCAL_HIDDEN_SEED, source: 'local-default' };
}

export function renderCalibration(report: CalibrationReport, dir: string): string {
  const columns = [
    { header: 'pipeline' },
    { header: 'role' },
    { header: 'correctness', align: 'right' as const },
    { header: 'cost/case', align: 'right' as const },
    { header: 'latency p50', align: 'right' as const },
    { header: 'p95', align: 'right' as const },
    { header: 'calls/case', align: 'right' as const },
    { header: 'over budget', align: 'right' as const },
    { header: 'holds' },
  ];
  const rows = report.rows.map((r) =>
    r.correctness === undefined
      ? [r.pipeline, r.role, '–', '–', '–', '–', '–', '–', 'no']
      : [
          r.pipeline,
          r.role,
          r.correctness.toFixed(2),
          formatCost(r.cost_per_case_usd ?? 0),
          formatMs(r.latency_ms?.p50 ?? 0),
          formatMs(r.latency_ms?.p95 ?? 0),
          (r.calls_per_case ?? 0).toFixed(1),
          formatInt(r.budget_exceeded ?? 0),
          r.holds ? 'yes' : 'no',
        ],
  );
  const cases = report.rows.find((r) => r.cases !== undefined)?.cases;
  const seed = { flag: '--secret', env: 'REPS_HIDDEN_SEED', 'local-default': 'the local default seed' }[
    report.hidden_seed
  ];
  const lines = [
    `${report.challenge.slug} v${report.challenge.version} (${dir}) · ${cases ?? '?'} hidden cases · seed from ${seed}`,
    '',
    renderTable(columns, rows).trimEnd(),
    '',
  ];
  if (report.holds) lines.push('calibration holds: baseline < 50, every reference >= 90 within budget');
  else {
    lines.push('calibration does NOT hold:');
    for (const problem of report.problems) lines.push(`  ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}
