import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

describe('exact scorer', () => {
  it('scores deep-equal JSON 1 whatever the key order', async () => {
    expect(await scoreWith('exact', {}, { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual({
      score: 1,
      reason: 'Exact match.',
    });
  });

  it('scores any difference 0 and says where', async () => {
    const result = await scoreWith('exact', {}, { a: 1, b: [1, 3] }, { a: 1, b: [1, 2] });
    expect(result.score).toBe(0);
    expect(result.reason).toBe('Differs at "b.1": got 3, expected 2.');
  });

  it('compares the value at a path', async () => {
    expect(
      (await scoreWith('exact', { path: 'answer' }, { answer: 'x', extra: 1 }, { answer: 'x' })).score,
    ).toBe(1);
    expect((await scoreWith('exact', { path: 'answer' }, { other: 'x' }, { answer: 'x' })).reason).toMatch(
      /no "answer"/,
    );
  });

  it.each(MALFORMED)('scores malformed output %p as 0 without throwing', async (output) => {
    const result = await scoreWith('exact', {}, output, { a: 1 });
    expect(result.score).toBe(0);
    expect(result.reason).not.toBe('');
  });

  it('rejects unknown params', () => {
    expect(() => build('exact', { mode: 'loose' })).toThrow(/scoring\.params: Unrecognized key.*mode/);
  });
});
