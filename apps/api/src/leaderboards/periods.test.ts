import { isoWeek } from './periods.js';

describe('isoWeek', () => {
  it.each([
    ['2026-11-25', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
  ])('puts %s in %s', (day, week) => {
    expect(isoWeek(new Date(`${day}T12:00:00Z`))).toBe(week);
  });
});
