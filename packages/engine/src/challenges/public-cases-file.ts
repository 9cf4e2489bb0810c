import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PublicCasesFile, publicCasesFileSchema, RepsError } from '@reps/shared';
import { generateCases, seedFor } from './generate-cases.js';
import { type LoadedChallenge, loadChallenge } from './load-challenge.js';

export const PUBLIC_CASES_FILE = 'public.cases.json';

/** The public cases file of a loaded challenge, freshly generated. */
export async function buildPublicCasesFile(challenge: LoadedChallenge): Promise<PublicCasesFile> {
  const { slug, version } = challenge.manifest;
  const cases = await generateCases(challenge, { kind: 'public' });
  return { slug, version, seed: seedFor(challenge, 'public'), cases };
}

/** Serialised the one way the file is written, so "equal to a fresh generation" is a text compare. */
export function formatPublicCasesFile(file: PublicCasesFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Generates the public cases of the challenge in `dir` and writes `public.cases.json` there. */
export async function writePublicCases(dir: string): Promise<PublicCasesFile> {
  const file = await buildPublicCasesFile(await loadChallenge(dir));
  await writeFile(join(dir, PUBLIC_CASES_FILE), formatPublicCasesFile(file));
  return file;
}

/** Reads `public.cases.json`; undefined when the file does not exist. */
export async function readPublicCases(dir: string): Promise<PublicCasesFile | undefined> {
  const path = join(dir, PUBLIC_CASES_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RepsError('validation_failed', `${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = publicCasesFileSchema.safeParse(json);
  if (!parsed.success)
    throw new RepsError(
      'validation_failed',
      `${path} is not a public cases file: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
