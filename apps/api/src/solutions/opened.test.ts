import { rankedDespiteOpening } from './opened.js';

const at = (iso: string) => new Date(iso);

describe('opening the solutions freezes a learner’s place on that version’s boards', () => {
  it('ranks every submission of a learner who never opened them', () => {
    expect(rankedDespiteOpening(at('2026-11-27T10:00:00Z'), null)).toBe(true);
  });

  it('ranks a submission sent before the opening and not one sent after', () => {
    const opened = at('2026-11-27T10:00:00Z');
    expect(rankedDespiteOpening(at('2026-11-27T09:59:59.999Z'), opened)).toBe(true);
    expect(rankedDespiteOpening(at('2026-11-27T10:00:00.001Z'), opened)).toBe(false);
    expect(rankedDespiteOpening(at('2026-11-28T10:00:00Z'), opened)).toBe(false);
  });

  it('counts a submission sent at the very instant of opening as sent after it', () => {
    expect(rankedDespiteOpening(at('2026-11-27T10:00:00Z'), at('2026-11-27T10:00:00Z'))).toBe(false);
  });
});
