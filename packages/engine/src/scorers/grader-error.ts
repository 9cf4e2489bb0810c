import { RepsError } from '@reps/shared';

/**
 * The scorer could not grade an output: an unparseable judge verdict, a custom scorer that threw or
 * returned junk, an expected value the generator got wrong, or an output the scorer chokes on.
 * grade() tells the last apart from the others by scoring the expected output against itself: a
 * scorer that works there failed because of the output, which scores 0 as invalid_output; one that
 * fails there too is a grader fault, reported as grader_error and never scored as zero, so a
 * learner is not penalised for the grader's fault (docs/dsl.md, "Scoring").
 */
export class GraderError extends RepsError {
  /**
   * The grader failed whatever the output was (a judge model that is down, a verdict nobody can
   * read): grade() reports grader_error without the check on the expected output.
   */
  readonly graderFault: boolean;

  constructor(message: string, options: { graderFault?: boolean } = {}) {
    super('grader_error', message);
    this.name = 'GraderError';
    this.graderFault = options.graderFault ?? false;
  }
}
