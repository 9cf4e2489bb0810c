import { type LoadedChallenge, parseForChallenge, parsePipeline } from '@reps/engine';
import type { Issue } from '@reps/shared';
import type { CliContext } from '../cli-context.js';
import { EXIT, type ExitCode } from '../cli-error.js';
import { createCliGateway } from '../cli-gateway.js';
import { formatIssue } from '../output/issues.js';
import { readInputFile } from '../read-input-file.js';
import { knownModels } from '../run/pipeline-checks.js';
import { loadChallengeArg } from '../run/resolve-challenge.js';

export interface ValidateOptions {
  /** Also check models against this challenge's allowed list. */
  challenge?: string;
}

type Check = (source: string) => { ok: true; steps: number; name: string } | { ok: false; issues: Issue[] };

/**
 * `reps validate <file...>`: every problem of every file as `file:line:col code message`, exit 1
 * if there is any. All files are read first, so an unreadable one (exit 2) is reported before
 * any pipeline is judged.
 */
export async function validateCommand(
  files: string[],
  options: ValidateOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  const sources = await Promise.all(files.map((file) => readInputFile(io.cwd, file, 'the pipeline')));
  const challenge = options.challenge ? await loadChallengeArg(io.cwd, options.challenge) : undefined;
  const check = checker(createCliGateway(env), challenge);
  let problems = 0;
  let badFiles = 0;
  files.forEach((file, i) => {
    const result = check(sources[i]!);
    if (result.ok) {
      io.out(`${file}: ok (${result.name}, ${plural(result.steps, 'step')})\n`);
      return;
    }
    badFiles++;
    problems += result.issues.length;
    for (const issue of result.issues) io.out(formatIssue(file, issue));
  });
  if (problems === 0) {
    const scope = challenge ? ` for ${challenge.manifest.slug}` : '';
    io.out(`ok: ${plural(files.length, 'pipeline')} valid${scope}\n`);
    return EXIT.ok;
  }
  io.out(`${plural(problems, 'problem')} in ${plural(badFiles, 'file')}\n`);
  return EXIT.userError;
}

/** With a challenge, exactly the check a submission gets (allowed models); else any known model. */
function checker(gateway: ReturnType<typeof createCliGateway>, challenge?: LoadedChallenge): Check {
  return (source) => {
    const parsed = challenge
      ? parseForChallenge(challenge.manifest, source, gateway)
      : parsePipeline(source, { knownModels: knownModels(gateway) });
    if (!parsed.ok) return parsed;
    return { ok: true, name: parsed.pipeline.name, steps: parsed.pipeline.steps.length };
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
