import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Challenge, RepsError } from '@reps/shared';
import { CUSTOM_SCORER_GLOBAL } from '../scorers/custom.scorer.js';
import { bundleScript } from './bundle-script.js';
import { readManifest } from './read-manifest.js';

/** The global the bundled generator.ts assigns. */
export const GENERATOR_GLOBAL = '__reps_generator';

/** A challenge folder read, checked and bundled: everything grading needs, nothing from git. */
export interface LoadedChallenge {
  dir: string;
  manifest: Challenge;
  /** brief.md: the task as a client would write it. */
  brief: string;
  /** generator.ts bundled into a script assigning GENERATOR_GLOBAL (run in the sandbox). */
  generatorScript: string;
  /** scorer.ts bundled into a script assigning CUSTOM_SCORER_GLOBAL, when the folder has one. */
  scorerScript?: string;
}

/**
 * Reads `challenges/<slug>/`: challenge.yaml (problems with file:line:col), brief.md, and bundles
 * generator.ts and scorer.ts. A manifest asking for the custom scorer without scorer.ts is an
 * error here rather than at grade time.
 */
export async function loadChallenge(dir: string): Promise<LoadedChallenge> {
  const manifestFile = join(dir, 'challenge.yaml');
  const manifest = readManifest(await readRequired(manifestFile, 'the manifest'), manifestFile);
  const brief = (await readRequired(join(dir, 'brief.md'), 'the brief')).trim();
  if (!brief)
    throw new RepsError(
      'validation_failed',
      `${join(dir, 'brief.md')} is empty; write the task as a client would.`,
    );
  const generatorFile = join(dir, 'generator.ts');
  await readRequired(generatorFile, 'the case generator');
  const scorerFile = join(dir, 'scorer.ts');
  const hasScorer = await exists(scorerFile);
  if (manifest.scoring.scorer === 'custom' && !hasScorer)
    throw new RepsError(
      'validation_failed',
      `${manifestFile}: scoring.scorer is custom but ${scorerFile} does not exist.`,
    );
  const [generatorScript, scorerScript] = await Promise.all([
    bundleScript(generatorFile, GENERATOR_GLOBAL),
    hasScorer ? bundleScript(scorerFile, CUSTOM_SCORER_GLOBAL) : Promise.resolve(undefined),
  ]);
  return { dir, manifest, brief, generatorScript, scorerScript };
}

async function readRequired(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new RepsError('validation_failed', `${file} is missing: a challenge needs ${what}.`);
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
