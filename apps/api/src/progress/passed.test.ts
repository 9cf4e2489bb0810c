import { accepted, passedSlugs, type VersionAttempt } from './passed.js';

const attempt = (over: Partial<VersionAttempt>): VersionAttempt => ({
  slug: 'triage',
  status: 'graded',
  review_status: null,
  correctness: 91,
  pass_mark: 90,
  ...over,
});

describe('the passed rule', () => {
  it('passes on a graded submission at or above the pass mark, on exact figures', () => {
    expect(passedSlugs([attempt({ correctness: 90 })])).toEqual(new Set(['triage']));
    expect(passedSlugs([attempt({ correctness: 89.99 })])).toEqual(new Set());
  });

  it('judges the best accepted submission, whatever came after it', () => {
    const attempts = [
      attempt({ correctness: 95 }),
      attempt({ correctness: 40 }),
      attempt({ slug: 'pii', correctness: 70 }),
    ];
    expect(passedSlugs(attempts)).toEqual(new Set(['triage']));
  });

  it('does not count a grading held for review or rejected, but counts one accepted after review', () => {
    expect(passedSlugs([attempt({ review_status: 'pending' })])).toEqual(new Set());
    expect(passedSlugs([attempt({ review_status: 'rejected' })])).toEqual(new Set());
    expect(passedSlugs([attempt({ review_status: 'accepted' })])).toEqual(new Set(['triage']));
  });

  it('does not count submissions that are not graded', () => {
    for (const status of ['queued', 'running', 'failed', 'error']) {
      expect(accepted(attempt({ status }))).toBe(false);
    }
    expect(passedSlugs([attempt({ status: 'failed', correctness: null })])).toEqual(new Set());
  });
});
