import { relative } from 'node:path';
import { type ChallengeProblem, validateChallengeDir, writePublicCases } from '@reps/engine';
import { RepsError } from '@reps/shared';
import type { CliContext } from '../../cli-context.js';
import { EXIT, type ExitCode } from '../../cli-error.js';
import { resolveChallengeDir } from '../../run/resolve-challenge.js';

export interface ChallengeValidateOptions {
  writePublicCases?: boolean;
}

/**
 * `reps challenge validate <dir>`: every problem of a challenge folder as `file:line:col severity
 * message` (the manifest's with their position, others at the file's start); exit 1 on errors,
 * warnings alone pass. --write-public-cases regenerates public.cases.json first.
 */
export async function challengeValidateCommand(
  arg: string,
  options: ChallengeValidateOptions,
  { io }: CliContext,
): Promise<ExitCode> {
  const dir = await resolveChallengeDir(io.cwd, arg);
  if (options.writePublicCases) {
    try {
      const file = await writePublicCases(dir);
      io.err(`wrote public.cases.json (${file.cases.length} cases, seed ${file.seed})\n`);
    } catch (error) {
      // A challenge that does not load cannot generate; validation below says why, with positions.
      if (!(error instanceof RepsError)) throw error;
    }
  }
  const problems = await validateChallengeDir(dir);
  for (const problem of problems) io.out(formatProblem(io.cwd, dir, problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.some((p) => p.message.includes('public.cases.json')))
    io.out(
      `hint: reps challenge validate ${relative(io.cwd, dir) || '.'} --write-public-cases regenerates it\n`,
    );
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors) {
    io.out(`${counts}\n`);
    return EXIT.userError;
  }
  io.out(`ok: ${relative(io.cwd, dir) || '.'} is a valid challenge${warnings ? ` (${counts})` : ''}\n`);
  return EXIT.ok;
}

/**
 * `file:line:col severity message`, the file relative to where reps runs. A manifest problem's
 * message repeats the position it already has ("  file:3:7: …"); that prefix is dropped.
 */
export function formatProblem(cwd: string, dir: string, problem: ChallengeProblem): string {
  const file = relative(cwd, problem.file ?? dir) || '.';
  const message = problem.message.replace(/\s*\n\s*/g, ' ');
  return `${file}:${problem.line ?? 1}:${problem.column ?? 1} ${problem.severity} ${message}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
