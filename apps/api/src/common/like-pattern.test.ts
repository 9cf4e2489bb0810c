import { containsPattern } from './like-pattern.js';

describe('containsPattern', () => {
  it('escapes the LIKE wildcards and the escape character, and matches anywhere', () => {
    expect(containsPattern('triage')).toBe('%triage%');
    expect(containsPattern('%')).toBe('%\\%%');
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });
  it('no term, no filter', () => {
    expect(containsPattern(undefined)).toBeNull();
    expect(containsPattern(null)).toBeNull();
  });
});
