import { FINAL_SUBMISSION_STATUSES, SUBMISSION_STATUSES, submissionEventType } from './statuses.js';

describe('submissionEventType', () => {
  it('sends a final status as the one `final` event and any other as `progress`', () => {
    const types = Object.fromEntries(
      SUBMISSION_STATUSES.map((status) => [status, submissionEventType(status)]),
    );
    expect(types).toEqual({
      queued: 'progress',
      running: 'progress',
      graded: 'final',
      failed: 'final',
      error: 'final',
    });
    expect(SUBMISSION_STATUSES.filter((status) => submissionEventType(status) === 'final')).toEqual([
      ...FINAL_SUBMISSION_STATUSES,
    ]);
  });
});
