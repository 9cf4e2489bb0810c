import { generateCases } from '@reps/engine';
import type { ChallengeCase } from '@reps/shared';
import type { CliContext } from '../../cli-context.js';
import { EXIT, type ExitCode } from '../../cli-error.js';
import { compactJson } from '../../output/format.js';
import { LOCAL_HIDDEN_SEED } from '../../run/case-selection.js';
import { loadChallengeArg } from '../../run/resolve-challenge.js';
import { wholeNumber } from './numbers.js';

export interface ChallengeCasesOptions {
  hidden?: boolean;
  count?: string;
  json?: boolean;
}

/**
 * `reps challenge cases <dir>`: the generated cases with input, expected output and facts, for an
 * author to read. Public by default; hidden cases only with --hidden, and with a warning, since
 * with the server's seed they are the graded set.
 */
export async function challengeCasesCommand(
  arg: string,
  options: ChallengeCasesOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const count = options.count === undefined ? undefined : wholeNumber(options.count, '--count', 1, 10_000);
  const challenge = await loadChallengeArg(io.cwd, arg);
  const kind = options.hidden ? 'hidden' : 'public';
  let secret: string | undefined;
  if (options.hidden) {
    secret = env.hiddenSeed ?? LOCAL_HIDDEN_SEED;
    io.err(
      env.hiddenSeed
        ? 'warning: these are HIDDEN cases from REPS_HIDDEN_SEED, the graded set: never share, commit or paste them anywhere\n'
        : `warning: hidden cases from the local default seed "${LOCAL_HIDDEN_SEED}" (REPS_HIDDEN_SEED is not set); hidden cases must never be shared\n`,
    );
  }
  const cases = await generateCases(challenge, {
    kind,
    ...(secret ? { secret } : {}),
    ...(count ? { count } : {}),
  });
  if (options.json) io.out(`${JSON.stringify(cases, null, 2)}\n`);
  else for (const testCase of cases) io.out(renderCase(testCase));
  return EXIT.ok;
}

function renderCase(testCase: ChallengeCase): string {
  const lines = [
    `── ${testCase.id} (index ${testCase.index}) ──`,
    'input:',
    indent(JSON.stringify(testCase.input, null, 2)),
    'expected:',
    indent(JSON.stringify(testCase.expected, null, 2)),
    `facts: ${testCase.facts.length} unit${testCase.facts.length === 1 ? '' : 's'}`,
    ...testCase.facts.map(
      (unit) =>
        `  ${unit.id}: ${Object.entries(unit.answers)
          .map(([aspect, value]) => `${aspect}=${compactJson(value)}`)
          .join(', ')}`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
