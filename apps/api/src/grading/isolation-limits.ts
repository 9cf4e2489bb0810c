import type { IsolationLimits } from '@reps/engine';
import type { Config } from '@reps/shared';

/** The caps of a grading thread, from REPS_CASE_WALL_MS, REPS_JOB_WALL_MS and REPS_GRADING_THREAD_MEMORY_MB. */
export function isolationLimits(config: Config): IsolationLimits {
  return {
    caseWallMs: config.REPS_CASE_WALL_MS,
    jobWallMs: config.REPS_JOB_WALL_MS,
    threadMemoryMb: config.REPS_GRADING_THREAD_MEMORY_MB,
  };
}
