import { forgetFedStrings } from '../models/sim/prng.js';
import { forgetPromptReadings } from '../models/sim/prompt-reading.js';
import { forgetTokenCounts } from '../models/tokens.js';
import { scrubInstancePool } from '../sandbox/instance-pool.js';

/**
 * What a grading thread keeps of a job outside the job's grading, put back between jobs (the
 * grading itself is dropped by grade-thread.ts): the idle QuickJS instances are scrubbed to their
 * boot images (or dropped), and every memo that holds a job's prompts, and so its case text, is
 * forgotten: the simulated models' prompt readings (the last 64 prompts a job sent with its cases'
 * facts; 64 readings of 600 KB prompts held 75 MB of heap into the next learner's job), the long
 * strings their hashers were fed, and the token counts of prompt segments. What stays is keyed by
 * the learner's own code or the challenge (snippets, templates, schemas), never by a case.
 */
export function dropJobState(): void {
  scrubInstancePool();
  forgetPromptReadings();
  forgetFedStrings();
  forgetTokenCounts();
}
