import { GraderError } from './grader-error.js';
import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

describe('numeric scorer', () => {
  it('requires equality (up to float noise) without a tolerance', async () => {
    expect((await scoreWith('numeric', {}, 0.1 + 0.2, 0.3)).score).toBe(1);
    expect((await scoreWith('numeric', {}, 0.31, 0.3)).score).toBe(0);
  });

  it('accepts an absolute tolerance', async () => {
    expect((await scoreWith('numeric', { abs: 0.5 }, 10.4, 10)).score).toBe(1);
    const miss = await scoreWith('numeric', { abs: 0.5 }, 10.6, 10);
    expect(miss).toEqual({ score: 0, reason: '10.6 is off by 0.6 (6%) from 10.' });
  });

  it('accepts a relative tolerance', async () => {
    expect((await scoreWith('numeric', { rel: 0.01 }, 1009, 1000)).score).toBe(1);
    expect((await scoreWith('numeric', { rel: 0.01 }, 1011, 1000)).score).toBe(0);
  });

  it('reads the number at a path', async () => {
    expect(
      (await scoreWith('numeric', { path: 'total', abs: 1 }, { total: 99.5 }, { total: 100 })).score,
    ).toBe(1);
  });

  it.each(MALFORMED.filter((v) => typeof v !== 'number' || Number.isNaN(v)))(
    'scores malformed output %p as 0',
    async (output) => {
      const result = await scoreWith('numeric', {}, output, 3);
      expect(result.score).toBe(0);
      expect(result.reason).toMatch(/number/);
    },
  );

  it('scores a numeric string 0: the output schema asks for a number', async () => {
    expect((await scoreWith('numeric', {}, '3', 3)).reason).toMatch(/expected a number, got a string "3"/i);
  });

  it('treats a non-numeric expected value as a grader error', async () => {
    await expect(scoreWith('numeric', {}, 3, 'three')).rejects.toBeInstanceOf(GraderError);
  });

  it('rejects a negative tolerance at load time', () => {
    expect(() => build('numeric', { rel: -0.1 })).toThrow(/scoring\.params\.rel/);
  });
});
