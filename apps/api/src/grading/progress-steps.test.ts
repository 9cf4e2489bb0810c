import { jest } from '@jest/globals';
import { coarseCasesDone, ProgressSteps } from './progress-steps.js';

describe('coarseCasesDone', () => {
  it('tells the hidden cases done in tenths of the hidden set, at most nine tenths', () => {
    const seen = new Set<number>();
    for (let done = 0; done <= 106; done++) seen.add(coarseCasesDone(done, 100));
    expect([...seen]).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(coarseCasesDone(99, 100)).toBe(90);
    expect(coarseCasesDone(100, 100)).toBe(90); // the last tenth and the public cases: the final status
    expect(coarseCasesDone(105, 100)).toBe(90);
  });

  it('rounds down on hidden sets that tenths do not divide', () => {
    expect(coarseCasesDone(15, 50)).toBe(15);
    expect(coarseCasesDone(14, 50)).toBe(10);
    const seen = new Set<number>();
    for (let done = 0; done <= 30; done++) seen.add(coarseCasesDone(done, 25));
    expect([...seen]).toEqual([0, 2, 5, 7, 10, 12, 15, 17, 20, 22]);
    expect(coarseCasesDone(3, 0)).toBe(0);
  });
});

describe('ProgressSteps', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('reports each new tenth once, never a case, and never more often than once a second', () => {
    const reports: [number, number][] = [];
    const steps = new ProgressSteps(100, (done) => reports.push([Date.now() - 1_000_000, done]));
    // 106 cases, one every 50 ms: 5.3 s of grading.
    for (let done = 1; done <= 106; done++) {
      jest.advanceTimersByTime(50);
      steps.update(done);
    }
    jest.advanceTimersByTime(5_000);
    steps.stop();
    expect(reports.length).toBeLessThanOrEqual(9);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    for (const [, done] of reports) expect(done % 10).toBe(0);
    const times = reports.map(([at]) => at);
    expect(times[0]).toBeGreaterThanOrEqual(1_000); // a second after the start the caller reported
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000);
    const counts = reports.map(([, done]) => done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
  });

  it('reports a tenth reached too soon when the second is up, with the latest count', () => {
    const reports: number[] = [];
    const steps = new ProgressSteps(100, (done) => reports.push(done));
    steps.update(15);
    steps.update(35);
    expect(reports).toEqual([]);
    jest.advanceTimersByTime(1_000);
    expect(reports).toEqual([30]);
    steps.update(36);
    jest.advanceTimersByTime(5_000);
    expect(reports).toEqual([30]);
    steps.update(41);
    expect(reports).toEqual([30, 40]);
    steps.stop();
  });

  it('reports nothing after stop, even a step it was holding back', () => {
    const reports: number[] = [];
    const steps = new ProgressSteps(100, (done) => reports.push(done));
    steps.update(50);
    steps.stop();
    jest.advanceTimersByTime(5_000);
    steps.update(90);
    expect(reports).toEqual([]);
  });

  it('reports a whole fast grading as its final status only', () => {
    const reports: number[] = [];
    const steps = new ProgressSteps(50, (done) => reports.push(done));
    for (let done = 1; done <= 55; done++) steps.update(done);
    steps.stop();
    jest.advanceTimersByTime(5_000);
    expect(reports).toEqual([]);
  });
});
