import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadChallenge, validateChallengeDir } from '@reps/engine';
import { type ChallengeBundle, challengeBundleSchema } from '@reps/shared';
import { calibrationPipelines, missingPipelines, readPipelines } from '../../authoring/calibration.js';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';
import { resolveChallengeDir } from '../../run/resolve-challenge.js';
import { formatProblem } from './validate.command.js';

/** The upload's format tag (packages/shared api/instructor.ts). */
const BUNDLE_FORMAT = 'reps-challenge-bundle@1';

export interface ChallengeBundleOptions {
  out?: string;
}

/**
 * `reps challenge bundle <dir>`: one JSON file in the upload format of packages/shared
 * (challengeBundleSchema): challenge.yaml as text, brief.md, generator.ts and scorer.ts bundled by
 * esbuild into sandbox scripts, the baseline, the references and the shortcut checks. Only a challenge that validates
 * (manifest, determinism, public cases) and has a baseline and a reference is bundled.
 */
export async function challengeBundleCommand(
  arg: string,
  options: ChallengeBundleOptions,
  { io }: CliContext,
): Promise<ExitCode> {
  const dir = await resolveChallengeDir(io.cwd, arg);
  const shown = relative(io.cwd, dir) || '.';
  const errors = (await validateChallengeDir(dir)).filter((p) => p.severity === 'error');
  const pipelines = await calibrationPipelines(dir);
  const missing = missingPipelines(pipelines);
  if (errors.length || missing.length) {
    for (const problem of errors) io.err(formatProblem(io.cwd, dir, problem));
    for (const problem of missing) io.err(`${shown}: error ${problem}\n`);
    io.err(`reps: validation_failed: ${shown} is not ready to upload; nothing was bundled\n`);
    return EXIT.userError;
  }
  const bundle = await buildBundle(dir);
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  if (options.out === '-') {
    io.out(text);
    return EXIT.ok;
  }
  const { slug, version } = (await loadChallenge(dir)).manifest;
  const out = resolve(io.cwd, options.out ?? `${slug}-v${version}.bundle.json`);
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new CliError(
      'validation_failed',
      `cannot write ${options.out ?? out}: ${(error as Error).message}`,
    );
  }
  const references = 1 + Object.keys(bundle.references ?? {}).length;
  const parts = [
    'generator',
    ...(bundle.scorer_script ? ['scorer'] : []),
    'baseline',
    `${references} reference${references === 1 ? '' : 's'}`,
    ...(bundle.checks ? [`${Object.keys(bundle.checks).length} shortcut check(s)`] : []),
  ];
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  io.out(`wrote ${relative(io.cwd, out)} (${slug} v${version}, ${kb} KB: ${parts.join(', ')})\n`);
  return EXIT.ok;
}

/** The upload bundle of a challenge folder, checked against the shared schema before it is written. */
export async function buildBundle(dir: string): Promise<ChallengeBundle> {
  const challenge = await loadChallenge(dir);
  const { baseline, references, others } = await readPipelines(dir, await calibrationPipelines(dir));
  const { reference, ...more } = references;
  const named = Object.fromEntries(
    Object.entries(more).map(([name, source]) => [referenceKey(name), source]),
  );
  const parsed = challengeBundleSchema.safeParse({
    format: BUNDLE_FORMAT,
    manifest: await readFile(join(dir, 'challenge.yaml'), 'utf8'),
    brief: await readFile(join(dir, 'brief.md'), 'utf8'),
    generator_script: challenge.generatorScript,
    ...(challenge.scorerScript ? { scorer_script: challenge.scorerScript } : {}),
    reference_pipeline: reference,
    baseline_pipeline: baseline,
    ...(Object.keys(named).length ? { references: named } : {}),
    ...(Object.keys(others).length ? { checks: others } : {}),
  });
  if (!parsed.success)
    throw new CliError(
      'validation_failed',
      `the bundle does not fit the upload format: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** `reference.cheap` → `cheap`: the upload names extra references by their own name. */
function referenceKey(name: string): string {
  return name.replace(/^reference\./, '');
}
