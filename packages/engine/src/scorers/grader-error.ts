import { RepsError } from '@reps/shared';

/**
 * The scorer could not grade an output: an unparseable judge verdict, a custom scorer that threw or
 * returned junk, an expected value the generator got wrong. Reported as grader_error, never scored
 * as zero, so a learner is not penalised for the grader's fault (DESIGN.md section 4).
 */
export class GraderError extends RepsError {
  constructor(message: string) {
    super('grader_error', message);
    this.name = 'GraderError';
  }
}
