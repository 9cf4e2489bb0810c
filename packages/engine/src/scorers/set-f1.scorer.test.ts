import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

describe('set_f1 scorer', () => {
  it('scores the same items in any order 1', async () => {
    expect((await scoreWith('set_f1', {}, ['b', 'a'], ['a', 'b'])).score).toBe(1);
  });

  it('gives the F1 of a partial answer', async () => {
    const result = await scoreWith('set_f1', {}, ['a', 'b', 'x'], ['a', 'b', 'c', 'd']);
    // precision 2/3, recall 2/4
    expect(result.score).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 6);
    expect(result.reason).toMatch(/2 of 4 expected found, 1 of 3 predicted wrong/);
  });

  it('does not give credit twice for a repeated item', async () => {
    expect((await scoreWith('set_f1', {}, ['a', 'a'], ['a', 'b'])).score).toBeCloseTo(0.5, 6);
  });

  it('normalises strings and compares objects by value', async () => {
    expect((await scoreWith('set_f1', {}, ['ACME Corp.'], ['acme corp'])).score).toBe(1);
    expect((await scoreWith('set_f1', {}, [{ b: 2, a: 1 }], [{ a: 1, b: 2 }])).score).toBe(1);
  });

  it('scores two empty lists 1 and claims against nothing 0', async () => {
    expect((await scoreWith('set_f1', {}, [], [])).score).toBe(1);
    expect((await scoreWith('set_f1', {}, ['x'], [])).score).toBe(0);
  });

  it.each(MALFORMED.filter((v) => !Array.isArray(v)))('scores non-list %p as 0', async (output) => {
    expect(await scoreWith('set_f1', {}, output, ['a'])).toEqual({
      score: 0,
      reason: expect.stringMatching(/not a list/),
    });
  });

  it('rejects a misspelt option at load time', () => {
    expect(() => build('set_f1', { casesensitive: true })).toThrow(
      /scoring\.params: Unrecognized key: "casesensitive"/,
    );
  });
});
