import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RepsError } from '@reps/shared';

/**
 * The one package import challenge code may make: the engine's text toolkit for generators
 * (generator-kit.ts). It is resolved to this engine's own copy wherever the challenge folder sits,
 * so a folder outside the workspace bundles too, and the kit has no imports of its own to pull in.
 */
export const GENERATOR_KIT_IMPORT = '@reps/engine/generator-kit';

function generatorKitFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'generator-kit.js');
  return existsSync(built) ? built : join(here, 'generator-kit.ts');
}

/**
 * Bundles an instructor's TypeScript module (generator.ts, scorer.ts and whatever they import from
 * the challenge folder) into one classic script that assigns its exports to `globalName`: the form
 * the QuickJS sandbox can evaluate (it has no module loader and no host objects).
 *
 * esbuild is the intended bundler (README.md, "Authoring a challenge"). It is loaded by name at run time so the
 * engine still works where it is not installed: then rolldown (Vite's bundler, same IIFE output)
 * is used. Neither present is a clear error, not a crash.
 */
export async function bundleScript(entry: string, globalName: string): Promise<string> {
  const esbuild = await importOptional<EsbuildModule>('esbuild');
  if (esbuild) return withEsbuild(esbuild, entry, globalName);
  const rolldown = await importOptional<RolldownModule>('rolldown');
  if (rolldown) return withRolldown(rolldown, entry, globalName);
  throw new RepsError(
    'internal',
    'No bundler for challenge code: install esbuild (npm install -D esbuild) in the workspace root.',
  );
}

interface EsbuildModule {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

interface EsbuildPluginBuild {
  onResolve(options: { filter: RegExp }, callback: () => { path: string }): void;
}

interface RolldownLog {
  code?: string;
  message: string;
}
interface RolldownModule {
  rolldown(options: Record<string, unknown>): Promise<{
    generate(options: Record<string, unknown>): Promise<{ output: { code?: string }[] }>;
    close(): Promise<void>;
  }>;
}

async function importOptional<T>(name: string): Promise<T | undefined> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if (isModuleMissing(error, name)) return undefined;
    throw error;
  }
}

function isModuleMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: string }).code;
  const message = String((error as Error).message ?? '');
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || message.includes(`'${name}'`);
}

async function withEsbuild(esbuild: EsbuildModule, entry: string, globalName: string): Promise<string> {
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      globalName,
      platform: 'neutral',
      target: 'es2020',
      logLevel: 'silent',
      legalComments: 'none',
      // The same bundle wherever the folder sits: a strict tsconfig.json above it would add a
      // leading "use strict", which the sandbox's function wrapper cannot take.
      tsconfigRaw: {},
      plugins: [
        {
          name: 'reps-generator-kit',
          setup(build: EsbuildPluginBuild) {
            const kit = generatorKitFile();
            build.onResolve({ filter: /^@reps\/engine\/generator-kit$/ }, () => ({ path: kit }));
          },
        },
      ],
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    throw bundleError(entry, (error as Error).message);
  }
}

async function withRolldown(rolldown: RolldownModule, entry: string, globalName: string): Promise<string> {
  const unresolved: string[] = [];
  let build: Awaited<ReturnType<RolldownModule['rolldown']>> | undefined;
  try {
    build = await rolldown.rolldown({
      input: entry,
      platform: 'neutral',
      logLevel: 'warn',
      resolve: { alias: { [GENERATOR_KIT_IMPORT]: generatorKitFile() } },
      // A bare import left external would be a missing global in the sandbox: fail now instead.
      onLog: (_level: string, log: RolldownLog) => {
        if (log.code === 'UNRESOLVED_IMPORT') unresolved.push(log.message);
      },
    });
    const { output } = await build.generate({ format: 'iife', name: globalName, sourcemapIgnoreList: false });
    if (unresolved.length) throw new Error(unresolved.join('\n'));
    return output[0]!.code ?? '';
  } catch (error) {
    throw bundleError(entry, (error as Error).message);
  } finally {
    await build?.close();
  }
}

function bundleError(entry: string, message: string): RepsError {
  return new RepsError(
    'validation_failed',
    `Could not bundle ${entry}: ${message.trim()}\nChallenge code may import only files of its own folder, ${GENERATOR_KIT_IMPORT} and types.`,
  );
}
