import { gradingThreads, workerConcurrency } from './isolation-limits.js';

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

describe('workerConcurrency', () => {
  it('is REPS_WORKER_CONCURRENCY when set, else the cores, at least 2', () => {
    expect(workerConcurrency({ REPS_WORKER_CONCURRENCY: 6 }, 2)).toBe(6);
    expect(workerConcurrency({ REPS_WORKER_CONCURRENCY: 1 }, 8)).toBe(1);
    expect(workerConcurrency({ REPS_WORKER_CONCURRENCY: undefined }, 8)).toBe(8);
    expect(workerConcurrency({ REPS_WORKER_CONCURRENCY: undefined }, 2)).toBe(2);
    expect(workerConcurrency({ REPS_WORKER_CONCURRENCY: undefined }, 1)).toBe(2);
  });
});
