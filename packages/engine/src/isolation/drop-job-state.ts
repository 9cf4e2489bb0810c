import { forgetPromptReadings } from '../models/sim/prompt-reading.js';
import { scrubInstancePool } from '../sandbox/instance-pool.js';

/**
 * What a grading thread keeps of a job outside the job's grading, put back between jobs (the
 * grading itself is dropped by grade-thread.ts): the idle QuickJS instances are scrubbed to their
 * boot images (or dropped), and the simulated models' prompt readings, which hold the last 64
 * prompts a job sent (hidden case text) with its cases' facts, are forgotten. 64 readings of
 * 600 KB prompts held 75 MB of heap into the next learner's job.
 */
export function dropJobState(): void {
  scrubInstancePool();
  forgetPromptReadings();
}
