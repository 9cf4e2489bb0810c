import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.js';
import { memoryIo } from './cli-io.js';

/** The repo root: tests run reps from there, as a learner does. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ECHO_SUM = join(REPO_ROOT, 'packages/engine/src/challenges/fixtures/echo-sum');

/** Runs `reps <args>` in-process and returns what a user would see. */
export async function reps(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
) {
  const io = memoryIo({
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? {},
    ...(options.tty ? { stderrIsTTY: true, columns: 80 } : {}),
  });
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A scratch folder with the given files; removed by the returned cleanup. */
export async function scratch(
  files: Record<string, string>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'reps-cli-'));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
