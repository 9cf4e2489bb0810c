import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type CalibrationRole = 'baseline' | 'reference';

export interface CalibrationPipeline {
  file: string;
  /** The name calibrateChallenge reports it by: the file name without `.pipeline.yaml`. */
  name: string;
  role: CalibrationRole;
}

const REFERENCE_FILE = /^reference(\.[\w-]+)?\.pipeline\.yaml$/;

/**
 * The pipelines a challenge folder is calibrated with, chosen as scripts/calibration.mjs chooses
 * them: baseline.pipeline.yaml, then reference.pipeline.yaml and every reference.<name>.pipeline.yaml.
 */
export async function calibrationPipelines(dir: string): Promise<CalibrationPipeline[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pipeline.yaml')).sort();
  const out: CalibrationPipeline[] = [];
  const add = (file: string, role: CalibrationRole) =>
    out.push({ file, name: file.slice(0, -'.pipeline.yaml'.length), role });
  if (files.includes('baseline.pipeline.yaml')) add('baseline.pipeline.yaml', 'baseline');
  if (files.includes('reference.pipeline.yaml')) add('reference.pipeline.yaml', 'reference');
  for (const file of files)
    if (file !== 'reference.pipeline.yaml' && REFERENCE_FILE.test(file)) add(file, 'reference');
  return out;
}

/** What a calibration needs and the folder lacks. */
export function missingPipelines(pipelines: CalibrationPipeline[]): string[] {
  const problems: string[] = [];
  if (!pipelines.some((p) => p.role === 'baseline')) problems.push('baseline.pipeline.yaml is missing');
  if (!pipelines.some((p) => p.file === 'reference.pipeline.yaml'))
    problems.push('reference.pipeline.yaml is missing');
  return problems;
}

/** The sources, for calibrateChallenge (baseline) and the bundle (by name). */
export async function readPipelines(
  dir: string,
  pipelines: CalibrationPipeline[],
): Promise<{ baseline: string; references: Record<string, string> }> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const baseline = pipelines.find((p) => p.role === 'baseline');
  const references: Record<string, string> = {};
  for (const p of pipelines) if (p.role === 'reference') references[p.name] = await read(p.file);
  return { baseline: baseline ? await read(baseline.file) : '', references };
}
