import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

describe('normalized_text scorer', () => {
  it('ignores case, punctuation and spacing by default', async () => {
    expect((await scoreWith('normalized_text', {}, '  Acme,  Corp. ', 'acme corp')).score).toBe(1);
  });

  it('keeps case when asked', async () => {
    expect((await scoreWith('normalized_text', { case_sensitive: true }, 'Acme', 'acme')).score).toBe(0);
  });

  it('folds accents when asked', async () => {
    expect((await scoreWith('normalized_text', {}, 'café', 'cafe')).score).toBe(0);
    expect((await scoreWith('normalized_text', { strip_accents: true }, 'café', 'cafe')).score).toBe(1);
  });

  it('gives partial credit by word overlap with match: token_f1', async () => {
    const result = await scoreWith(
      'normalized_text',
      { match: 'token_f1' },
      'the cat sat',
      'the cat sat down',
    );
    expect(result.score).toBeCloseTo((2 * 1 * 0.75) / 1.75, 6);
    expect(result.reason).toMatch(/Word overlap F1 0\.857/);
  });

  it('reads the text at a path', async () => {
    expect(
      (await scoreWith('normalized_text', { path: 'city' }, { city: 'PARIS' }, { city: 'Paris' })).score,
    ).toBe(1);
  });

  it.each(MALFORMED.filter((v) => typeof v !== 'string'))('scores non-text %p as 0', async (output) => {
    const result = await scoreWith('normalized_text', {}, output, 'paris');
    expect(result).toEqual({ score: 0, reason: expect.stringMatching(/Expected text, got/) });
  });

  it('rejects a bad match mode at load time', () => {
    expect(() => build('normalized_text', { match: 'fuzzy' })).toThrow(/scoring\.params\.match/);
  });
});
