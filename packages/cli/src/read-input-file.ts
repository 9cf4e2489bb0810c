import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './cli-error.js';

/** Reads a file the user named; a missing or unreadable one is a usage error (exit 2), not a crash. */
export async function readInputFile(cwd: string, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('not_found', `cannot read ${what} ${file}: no such file`);
    if (code === 'EISDIR')
      throw new CliError('validation_failed', `cannot read ${what} ${file}: it is a directory`);
    throw new CliError('validation_failed', `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}
