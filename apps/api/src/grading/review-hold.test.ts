import type { CaseResult, GradeResult } from '@reps/engine';
import { reviewHold } from './review-hold.js';

function graded(statuses: string[]): GradeResult {
  const cases = statuses.map(
    (status, i) =>
      ({
        id: `hidden-${i + 1}`,
        status,
        score: status === 'grader_error' ? null : 1,
        reason: `why ${i + 1}`,
      }) as CaseResult,
  );
  const errors = statuses.filter((s) => s === 'grader_error').length;
  return { cases, grader_errors: errors, grader_error_rate: errors / statuses.length } as GradeResult;
}

describe('reviewHold', () => {
  it('ranks a grading with at most 2% grader_error hidden cases at once', () => {
    expect(reviewHold(graded([...Array(49).fill('ok'), 'grader_error']))).toEqual({
      reviewStatus: null,
      graderErrorCases: null,
    });
  });

  it('holds one with more, keeping the grader_error cases and why for the reviewer', () => {
    const hold = reviewHold(graded([...Array(48).fill('ok'), 'grader_error', 'grader_error']));
    expect(hold.reviewStatus).toBe('pending');
    expect(hold.graderErrorCases).toEqual([
      { id: 'hidden-49', reason: 'why 49' },
      { id: 'hidden-50', reason: 'why 50' },
    ]);
  });
});
