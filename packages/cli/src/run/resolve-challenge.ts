import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type LoadedChallenge, loadChallenge } from '@reps/engine';
import { RepsError } from '@reps/shared';
import { CliError } from '../cli-error.js';

/** The catalogue, relative to where reps runs (the repo root). */
export const CHALLENGES_DIR = 'challenges';

/**
 * `--challenge` is a folder path (anything with a slash, or an existing folder) or a slug under
 * ./challenges/. A slug that is not there lists the ones that are.
 */
export async function resolveChallengeDir(cwd: string, arg: string): Promise<string> {
  const asPath = resolve(cwd, arg);
  if (arg.includes('/') || arg.includes('\\') || (await isDir(asPath))) {
    if (await isDir(asPath)) return asPath;
    throw new CliError('not_found', `challenge folder ${arg} does not exist`);
  }
  const bySlug = resolve(cwd, CHALLENGES_DIR, arg);
  if (await isDir(bySlug)) return bySlug;
  const known = await listSlugs(resolve(cwd, CHALLENGES_DIR));
  const hint = known.length
    ? `; known: ${known.join(', ')}`
    : ` (no ./${CHALLENGES_DIR}/ here; pass a folder path)`;
  throw new CliError('not_found', `no challenge "${arg}" under ./${CHALLENGES_DIR}/${hint}`);
}

/** Resolves and loads; a broken challenge (bad manifest, generator that does not bundle) exits 2. */
export async function loadChallengeArg(cwd: string, arg: string): Promise<LoadedChallenge> {
  const dir = await resolveChallengeDir(cwd, arg);
  try {
    return await loadChallenge(dir);
  } catch (error) {
    if (error instanceof RepsError) throw new CliError(error.code, error.message);
    throw error;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function listSlugs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}
