import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildPublicCasesFile, loadChallenge, validateChallengeDir } from '@reps/engine';
import {
  CHALLENGE_BUNDLE_FORMAT,
  type ChallengeBundle,
  challengeBundleSchema,
  MAX_BUNDLE_BYTES,
} from '../../bundle-format.js';
import type { CliContext } from '../../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../../cli-error.js';
import { resolveChallengeDir } from '../../run/resolve-challenge.js';
import { formatProblem } from './validate.command.js';

export interface ChallengeBundleOptions {
  out?: string;
}

/**
 * `reps challenge bundle <dir>`: one JSON file (bundle-format.ts) with the manifest, the brief,
 * generator.ts and scorer.ts bundled by esbuild for the server's sandbox, the baseline and
 * reference pipelines, and the public cases. Only a challenge that validates is bundled.
 */
export async function challengeBundleCommand(
  arg: string,
  options: ChallengeBundleOptions,
  { io }: CliContext,
): Promise<ExitCode> {
  const dir = await resolveChallengeDir(io.cwd, arg);
  const errors = (await validateChallengeDir(dir)).filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const problem of errors) io.err(formatProblem(io.cwd, dir, problem));
    io.err(
      `reps: validation_failed: ${relative(io.cwd, dir) || '.'} does not validate; nothing was bundled\n`,
    );
    return EXIT.userError;
  }
  const bundle = await buildBundle(dir);
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BUNDLE_BYTES)
    throw new CliError(
      'validation_failed',
      `the bundle is ${kb(bytes)}, over the ${kb(MAX_BUNDLE_BYTES)} limit`,
    );
  if (options.out === '-') {
    io.out(text);
    return EXIT.ok;
  }
  const { slug, version } = bundle.manifest;
  const out = resolve(io.cwd, options.out ?? `${slug}-v${version}.bundle.json`);
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new CliError(
      'validation_failed',
      `cannot write ${options.out ?? out}: ${(error as Error).message}`,
    );
  }
  const parts = [
    'generator',
    ...(bundle.scorerScript ? ['scorer'] : []),
    ...(bundle.baseline ? ['baseline'] : []),
    ...(bundle.reference ? [`${1 + Object.keys(bundle.extra_references ?? {}).length} reference(s)`] : []),
    `${bundle.public_cases.cases.length} public cases`,
  ];
  io.out(`wrote ${relative(io.cwd, out)} (${slug} v${version}, ${kb(bytes)}: ${parts.join(', ')})\n`);
  return EXIT.ok;
}

/** The bundle of a challenge folder, checked against its own schema before it is written. */
export async function buildBundle(dir: string): Promise<ChallengeBundle> {
  const challenge = await loadChallenge(dir);
  const files = (await readdir(dir)).sort();
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const references = files.filter((f) => /^reference(\.[\w-]+)?\.pipeline\.yaml$/.test(f));
  const main = references.includes('reference.pipeline.yaml') ? 'reference.pipeline.yaml' : references[0];
  const extra = references.filter((f) => f !== main);
  const bundle = {
    format: CHALLENGE_BUNDLE_FORMAT,
    manifest: challenge.manifest,
    brief: challenge.brief,
    generatorScript: challenge.generatorScript,
    ...(challenge.scorerScript ? { scorerScript: challenge.scorerScript } : {}),
    ...(main ? { reference: await read(main) } : {}),
    ...(extra.length
      ? {
          extra_references: Object.fromEntries(await Promise.all(extra.map(async (f) => [f, await read(f)]))),
        }
      : {}),
    ...(files.includes('baseline.pipeline.yaml') ? { baseline: await read('baseline.pipeline.yaml') } : {}),
    public_cases: await buildPublicCasesFile(challenge),
  };
  const parsed = challengeBundleSchema.safeParse(bundle);
  if (!parsed.success)
    throw new CliError(
      'validation_failed',
      `the bundle breaks its own format: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
