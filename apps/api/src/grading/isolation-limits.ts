import { availableParallelism } from 'node:os';
import type { IsolationLimits } from '@reps/engine';
import type { Config } from '@reps/shared';

/**
 * The caps of a grading's threads, from REPS_CASE_WALL_MS, REPS_JOB_WALL_MS and
 * REPS_GRADING_THREAD_MEMORY_MB, and how many threads it spreads its cases over (gradingThreads).
 */
export function isolationLimits(config: Config, otherGradings = 0): IsolationLimits {
  return {
    caseWallMs: config.REPS_CASE_WALL_MS,
    jobWallMs: config.REPS_JOB_WALL_MS,
    threadMemoryMb: config.REPS_GRADING_THREAD_MEMORY_MB,
    threads: gradingThreads(config.REPS_GRADING_THREADS, availableParallelism(), otherGradings),
  };
}

/**
 * Jobs a worker runs at once per queue: REPS_WORKER_CONCURRENCY, else the machine's cores (at
 * least 2). A grading with simulated models keeps a core busy; on 2 cores, 2 at once graded 33 a
 * minute and 4 at once 30.5 (more threads, each with colder caches, for the same cores).
 */
export function workerConcurrency(
  config: Pick<Config, 'REPS_WORKER_CONCURRENCY'>,
  cores = availableParallelism(),
): number {
  return config.REPS_WORKER_CONCURRENCY ?? Math.max(2, cores);
}

/**
 * REPS_GRADING_THREADS, but no more than the cores left to a grading that starts while
 * `otherGradings` run in the same worker (at least one). Grading is CPU-bound: a lone grading on 2
 * cores finishes in about half the time in 2 threads, but 4 gradings at once (REPS_WORKER_CONCURRENCY
 * 4) in 2 threads each would be 8 busy threads on 2 cores, no faster in total and twice the
 * threads' memory.
 */
export function gradingThreads(setting: number, cores: number, otherGradings: number): number {
  return Math.max(1, Math.min(setting, Math.floor(cores / (otherGradings + 1))));
}
