import { basename, join } from 'node:path';
import { type ChallengeCase, type Issue, RepsError } from '@reps/shared';
import type { SandboxLimits } from '../sandbox/types.js';
import { canonicalJson, firstDifference } from '../scorers/canonical-json.js';
import { generateCases } from './generate-cases.js';
import { type LoadedChallenge, loadChallenge } from './load-challenge.js';
import { buildPublicCasesFile, PUBLIC_CASES_FILE, readPublicCases } from './public-cases-file.js';

/** One thing wrong with a challenge folder; warnings do not fail `reps challenge test`. */
export interface ChallengeProblem extends Issue {
  severity: 'error' | 'warning';
  /** The file it is about, when it is about one. */
  file?: string;
}

export interface ValidateOptions {
  /** The secret hidden cases are checked with; a fixed stand-in by default (the real one is not needed). */
  secret?: string;
  limits?: SandboxLimits;
}

const STAND_IN_SECRET = 'reps-validate-challenge-dir';

/**
 * Everything that can be checked about a challenge folder without running a pipeline: the manifest
 * (with line and column), the folder name, the generator (valid cases, determinism: two runs give
 * identical JSON; hidden cases differ from public ones) and public.cases.json (present and equal
 * to a fresh generation). Returns problems instead of throwing, so all are shown at once.
 */
export async function validateChallengeDir(
  dir: string,
  options: ValidateOptions = {},
): Promise<ChallengeProblem[]> {
  let challenge: LoadedChallenge;
  try {
    challenge = await loadChallenge(dir);
  } catch (error) {
    return fromError(error, join(dir, 'challenge.yaml'));
  }
  const problems: ChallengeProblem[] = [];
  if (basename(dir) !== challenge.manifest.slug)
    problems.push(
      error(
        `the folder is named "${basename(dir)}" but the slug is "${challenge.manifest.slug}"; they must match`,
        join(dir, 'challenge.yaml'),
      ),
    );
  try {
    problems.push(...(await checkGenerator(challenge, options)));
    problems.push(...(await checkPublicFile(challenge)));
  } catch (caught) {
    problems.push(...fromError(caught, join(dir, 'generator.ts')));
  }
  return problems;
}

async function checkGenerator(
  challenge: LoadedChallenge,
  options: ValidateOptions,
): Promise<ChallengeProblem[]> {
  const file = join(challenge.dir, 'generator.ts');
  const secret = options.secret ?? STAND_IN_SECRET;
  const run = (kind: 'public' | 'hidden') =>
    generateCases(challenge, { kind, secret, limits: options.limits });
  const [publicA, publicB, hiddenA, hiddenB] = [
    await run('public'),
    await run('public'),
    await run('hidden'),
    await run('hidden'),
  ];
  const problems = [...differences(publicA, publicB, file), ...differences(hiddenA, hiddenB, file)];
  if (hiddenA.some((h) => publicA.some((p) => canonicalJson(p.input) === canonicalJson(h.input))))
    problems.push(
      error(
        'a hidden case has the same input as a public case; generate() must draw its variety from rng',
        file,
      ),
    );
  problems.push(...factWarnings([...publicA, ...hiddenA], file));
  return problems;
}

function differences(a: ChallengeCase[], b: ChallengeCase[], file: string): ChallengeProblem[] {
  for (let i = 0; i < a.length; i++) {
    const at = firstDifference(a[i], b[i]);
    if (at !== undefined)
      return [
        error(
          `the generator is not deterministic: case ${a[i]!.id} differs between two runs at "${at}"`,
          file,
        ),
      ];
  }
  return [];
}

/** The simulator finds a unit by its text in the prompt; a text absent from the input is never found. */
function factWarnings(cases: ChallengeCase[], file: string): ChallengeProblem[] {
  const warnings: ChallengeProblem[] = [];
  for (const testCase of cases) {
    const strings = collectStrings(testCase.input).join('\n');
    for (const unit of testCase.facts)
      if (!strings.includes(unit.text))
        warnings.push({
          ...error(
            `case ${testCase.id}: the text of fact unit "${unit.id}" does not appear in the input, so simulated models never see it`,
            file,
          ),
          severity: 'warning',
        });
    if (warnings.length >= 5) break;
  }
  return warnings;
}

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}

async function checkPublicFile(challenge: LoadedChallenge): Promise<ChallengeProblem[]> {
  const file = join(challenge.dir, PUBLIC_CASES_FILE);
  const stored = await readPublicCases(challenge.dir);
  if (!stored)
    return [
      error(
        `${PUBLIC_CASES_FILE} is missing; run \`reps challenge validate <dir> --write-public-cases\` to create it`,
        file,
      ),
    ];
  const fresh = await buildPublicCasesFile(challenge);
  const at = firstDifference(JSON.parse(JSON.stringify(stored)), JSON.parse(JSON.stringify(fresh)));
  return at === undefined
    ? []
    : [
        error(
          `${PUBLIC_CASES_FILE} is out of date (differs at "${at || 'the root'}"); regenerate it with writePublicCases`,
          file,
        ),
      ];
}

function error(message: string, file?: string): ChallengeProblem {
  return { code: 'validation_failed', severity: 'error', message, file };
}

function fromError(caught: unknown, file: string): ChallengeProblem[] {
  if (!(caught instanceof RepsError)) throw caught;
  if (caught.issues.length && caught.issues.some((i) => i.line !== undefined))
    return caught.issues.map((issue) => ({ ...issue, severity: 'error' as const, file }));
  return [{ code: caught.code, severity: 'error', message: caught.message, file }];
}
