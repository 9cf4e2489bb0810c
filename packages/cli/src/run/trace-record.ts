import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseResult, CaseTrace } from '@reps/engine';
import type { ChallengeCase } from '@reps/shared';
import { CliError } from '../cli-error.js';

/** Where `reps run` saves public traces and `reps trace` looks for them. */
export const DEFAULT_TRACE_DIR = '.reps/traces';

/**
 * One saved public case run: enough for `reps trace` to tell the whole story without the
 * challenge or the pipeline at hand. Hidden cases are never saved (their input is secret).
 */
export interface TraceRecord {
  format: 'reps-trace/1';
  case_id: string;
  challenge: { slug: string; version: number };
  pipeline: string;
  saved_at: string;
  status: CaseResult['status'];
  score: number | null;
  reason: string;
  input: unknown;
  expected: unknown;
  output: unknown;
  cost_usd: number;
  latency_ms: number;
  trace: CaseTrace;
}

export function traceRecord(
  result: CaseResult,
  testCase: ChallengeCase,
  context: { slug: string; version: number; pipeline: string; savedAt: Date },
): TraceRecord {
  return {
    format: 'reps-trace/1',
    case_id: result.id,
    challenge: { slug: context.slug, version: context.version },
    pipeline: context.pipeline,
    saved_at: context.savedAt.toISOString(),
    status: result.status,
    score: result.score,
    reason: result.reason,
    input: testCase.input,
    expected: testCase.expected,
    output: result.output,
    cost_usd: result.cost_usd,
    latency_ms: result.latency_ms,
    trace: result.trace,
  };
}

/** Writes `<dir>/<case-id>.json` per record; returns the folder written to. */
export async function saveTraceRecords(cwd: string, dir: string, records: TraceRecord[]): Promise<string> {
  const target = resolve(cwd, dir);
  try {
    await mkdir(target, { recursive: true });
    await Promise.all(
      records.map((record) =>
        writeFile(join(target, `${record.case_id}.json`), `${JSON.stringify(record, null, 2)}\n`),
      ),
    );
  } catch (error) {
    throw new CliError('validation_failed', `cannot save traces to ${dir}: ${(error as Error).message}`);
  }
  return target;
}

/** `reps trace <arg>`: a file path, or a case id looked up in the trace folder. */
export async function loadTraceRecord(cwd: string, arg: string, dir: string): Promise<TraceRecord> {
  const looksLikeFile = arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');
  const file = looksLikeFile ? resolve(cwd, arg) : resolve(cwd, dir, `${arg}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError('not_found', await missingTraceMessage(cwd, arg, dir, looksLikeFile));
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new CliError('validation_failed', `${arg} is not JSON: ${(error as Error).message}`);
  }
  if (!isTraceRecord(record))
    throw new CliError('validation_failed', `${arg} is not a trace saved by reps run (format reps-trace/1)`);
  return record;
}

function isTraceRecord(value: unknown): value is TraceRecord {
  const record = value as Partial<TraceRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.format === 'reps-trace/1' &&
    typeof record.trace === 'object' &&
    Array.isArray(record.trace?.steps)
  );
}

async function missingTraceMessage(cwd: string, arg: string, dir: string, isFile: boolean): Promise<string> {
  if (isFile) return `cannot read trace file ${arg}`;
  if (arg.startsWith('hidden-')) return `hidden cases have no saved traces: their inputs are secret`;
  const saved = await listSaved(resolve(cwd, dir));
  const hint = saved.length
    ? `saved: ${saved.join(', ')}`
    : 'none saved yet; run `reps run <pipeline> --challenge <slug>` first';
  return `no saved trace for case ${arg} in ${dir} (${hint})`;
}

async function listSaved(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}
