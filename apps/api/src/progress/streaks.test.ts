import { streaks } from './progress.service.js';

const today = new Date('2026-11-25T15:00:00Z');

describe('streaks', () => {
  it('counts consecutive days ending today', () => {
    expect(streaks(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'], today)).toEqual({
      current: 4,
      longest: 4,
    });
  });

  it('keeps a streak alive until the end of the next day', () => {
    expect(streaks(['2026-11-23', '2026-11-24'], today).current).toBe(2);
  });

  it('breaks after a day without reps but remembers the longest', () => {
    expect(streaks(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-20'], today)).toEqual({
      current: 0,
      longest: 3,
    });
  });

  it('is zero for nobody', () => {
    expect(streaks([], today)).toEqual({ current: 0, longest: 0 });
  });
});
