import { relative } from 'node:path';
import { BASELINE_CEILING, calibrateChallenge, REFERENCE_FLOOR } from '@reps/engine';
import type { Calibration } from '@reps/shared';
import { calibrationPipelines, missingPipelines, readPipelines } from '../../authoring/calibration.js';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';
import { createCliGateway } from '../../cli-gateway.js';
import { formatCost, formatInt, formatMs } from '../../output/format.js';
import { renderTable } from '../../output/table.js';
import { LOCAL_HIDDEN_SEED } from '../../run/case-selection.js';
import { loadChallengeArg } from '../../run/resolve-challenge.js';
import { wholeNumber } from './numbers.js';

export interface ChallengeTestOptions {
  json?: boolean;
  secret?: string;
  concurrency: string;
}

/** What `reps challenge test --json` prints: the engine's Calibration, with where it ran. */
export interface CalibrationReport extends Partial<Calibration> {
  challenge: { slug: string; version: number };
  /** Where the hidden seed came from; the seed itself is never printed. */
  hidden_seed: 'flag' | 'env' | 'local-default';
  holds: boolean;
  /** Why it does not hold, one line per reason. */
  problems: string[];
}

/**
 * `reps challenge test <dir|slug>`: grades baseline.pipeline.yaml and every reference*.pipeline.yaml
 * on the hidden cases with the engine's calibrateChallenge (the rule the server applies to uploads)
 * and prints whether the calibration holds: baseline < 50, each reference >= 90 with no case over
 * budget. Exit 1 if not.
 */
export async function challengeTestCommand(
  arg: string,
  options: ChallengeTestOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const caseConcurrency = wholeNumber(options.concurrency, '--concurrency', 1, 1024);
  const challenge = await loadChallengeArg(io.cwd, arg);
  const { slug, version } = challenge.manifest;
  const { secret, source } = hiddenSecret(options.secret, env.hiddenSeed);
  if (source === 'local-default')
    io.err(
      `warning: REPS_HIDDEN_SEED is not set; hidden cases use the local default seed "${LOCAL_HIDDEN_SEED}", not the server's hidden set\n`,
    );
  const pipelines = await calibrationPipelines(challenge.dir);
  const report: CalibrationReport = {
    challenge: { slug, version },
    hidden_seed: source,
    holds: false,
    problems: missingPipelines(pipelines),
  };
  if (report.problems.length === 0) {
    if (io.stderrIsTTY) io.err(`grading ${pipelines.length} pipelines on the hidden cases…\n`);
    const calibration = await calibrateChallenge({
      challenge,
      ...(await readPipelines(challenge.dir, pipelines)),
      secret,
      gateway: createCliGateway(env),
      caseConcurrency,
    });
    Object.assign(report, calibration);
    report.problems = calibration.lines.filter((l) => !l.holds).map((l) => `${l.pipeline}: ${l.note}`);
  }
  if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else
    io.out(
      renderCalibration(
        report,
        `(${relative(io.cwd, challenge.dir) || '.'}) · seed from ${SEED_SOURCES[report.hidden_seed]}`,
      ),
    );
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

const SEED_SOURCES = {
  flag: '--secret',
  env: 'REPS_HIDDEN_SEED',
  'local-default': 'the local default seed',
} as const;

/** The calibration table; `where` says where it ran: `(folder) · seed from …` or a server. */
export function renderCalibration(report: Omit<CalibrationReport, 'hidden_seed'>, where: string): string {
  const lines = [`${report.challenge.slug} v${report.challenge.version} ${where}`];
  if (report.lines) {
    const cases = report.cases || 1;
    const columns = [
      { header: 'pipeline' },
      { header: 'correctness', align: 'right' as const },
      { header: 'cost/case', align: 'right' as const },
      { header: 'latency p50', align: 'right' as const },
      { header: 'p95', align: 'right' as const },
      { header: 'calls/case', align: 'right' as const },
      { header: 'over budget', align: 'right' as const },
      { header: 'holds' },
    ];
    const rows = report.lines.map((l) => [
      l.pipeline,
      l.correctness.toFixed(2),
      formatCost(l.cost_usd / cases),
      formatMs(l.latency_ms.p50),
      formatMs(l.latency_ms.p95),
      (l.calls / cases).toFixed(1),
      formatInt(l.budget_exceeded),
      l.holds ? 'yes' : 'no',
    ]);
    lines.push(`${formatInt(report.cases ?? 0)} hidden cases`, '', renderTable(columns, rows).trimEnd());
  }
  lines.push('');
  if (report.holds)
    lines.push(
      `calibration holds: baseline < ${BASELINE_CEILING}, every reference >= ${REFERENCE_FLOOR} within budget`,
    );
  else {
    lines.push('calibration does NOT hold:');
    for (const problem of report.problems) lines.push(`  ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}
