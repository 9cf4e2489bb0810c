import { gradingThreads } from './isolation-limits.js';

describe('gradingThreads', () => {
  it('gives a lone grading the setting, at most the cores', () => {
    expect(gradingThreads(2, 2, 0)).toBe(2);
    expect(gradingThreads(2, 8, 0)).toBe(2);
    expect(gradingThreads(4, 2, 0)).toBe(2);
    expect(gradingThreads(2, 1, 0)).toBe(1);
  });

  it('shares the cores with the gradings already running, one thread at least', () => {
    expect(gradingThreads(2, 2, 1)).toBe(1);
    expect(gradingThreads(2, 2, 3)).toBe(1);
    expect(gradingThreads(4, 8, 1)).toBe(4);
    expect(gradingThreads(4, 8, 2)).toBe(2);
    expect(gradingThreads(8, 8, 7)).toBe(1);
  });
});
