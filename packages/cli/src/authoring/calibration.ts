import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CalibrationEntry, missingCalibrationPipelines, selectCalibrationPipelines } from '@reps/engine';

export type CalibrationPipeline = CalibrationEntry;

/**
 * The pipelines a challenge folder is calibrated with, chosen by the engine's rule
 * (calibration-rule.ts), as `npm run calibration` and the server choose them: the baseline, the
 * references, and the shortcut checks (adversaries, context-free, ablations).
 */
export async function calibrationPipelines(dir: string): Promise<CalibrationPipeline[]> {
  return selectCalibrationPipelines(await readdir(dir));
}

/** What a calibration needs and the folder lacks (adversaries are asked of the catalogue only). */
export function missingPipelines(pipelines: CalibrationPipeline[]): string[] {
  return missingCalibrationPipelines(pipelines);
}

/** The sources, for calibrateChallenge (baseline, references, checks) and the bundle (by name). */
export async function readPipelines(
  dir: string,
  pipelines: CalibrationPipeline[],
): Promise<{ baseline: string; references: Record<string, string>; others: Record<string, string> }> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const baseline = pipelines.find((p) => p.role === 'baseline');
  const references: Record<string, string> = {};
  const others: Record<string, string> = {};
  for (const p of pipelines) {
    if (p.role === 'reference') references[p.name] = await read(p.file);
    else if (p.role !== 'baseline') others[p.name] = await read(p.file);
  }
  return { baseline: baseline ? await read(baseline.file) : '', references, others };
}
