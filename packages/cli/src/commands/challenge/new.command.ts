import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writePublicCases } from '@reps/engine';
import { RepsError, SLUG_PATTERN } from '@reps/shared';
import { scaffoldFiles } from '../../authoring/scaffold.js';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';

export interface ChallengeNewOptions {
  dir: string;
}

/**
 * `reps challenge new <slug>`: a working example challenge (manifest, brief, generator, baseline,
 * reference, public cases) to change piece by piece. Refuses to touch a folder that has files.
 */
export async function challengeNewCommand(
  slug: string,
  options: ChallengeNewOptions,
  { io }: CliContext,
): Promise<ExitCode> {
  if (!SLUG_PATTERN.test(slug))
    throw new CliError(
      'validation_failed',
      `"${slug}" is not a slug: use kebab-case (lowercase letters, digits and single dashes)`,
    );
  const target = resolve(io.cwd, options.dir, slug);
  const shown = relative(io.cwd, target) || '.';
  if ((await listDir(target)).length)
    throw new CliError('conflict', `${shown} already exists and is not empty; pick another slug or --dir`);
  const files = scaffoldFiles(slug);
  try {
    await mkdir(target, { recursive: true });
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(target, name), text)));
  } catch (error) {
    throw new CliError('validation_failed', `cannot write ${shown}: ${(error as Error).message}`);
  }
  try {
    await writePublicCases(target);
  } catch (error) {
    if (error instanceof RepsError) throw new CliError(error.code, error.message);
    throw error;
  }
  io.out(`created ${shown}/\n`);
  for (const name of [...Object.keys(files), 'public.cases.json']) io.out(`  ${name}\n`);
  io.out(
    [
      '',
      'next:',
      `  reps challenge validate ${shown}        schema, determinism, public cases`,
      `  reps challenge test ${shown}            baseline < 50, reference >= 90 on hidden cases`,
      `  reps challenge cases ${shown}           what learners see`,
      `  reps challenge validate ${shown} --write-public-cases   after changing the generator`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') return ['(a file)'];
    throw error;
  }
}
