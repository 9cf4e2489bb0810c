import { GraderError } from './grader-error.js';
import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

const graded = [
  { id: 'a', relevance: 3 },
  { id: 'b', relevance: 2 },
  { id: 'c', relevance: 0 },
  { id: 'd', relevance: 1 },
];

describe('ndcg scorer', () => {
  it('scores the ideal order 1', async () => {
    expect((await scoreWith('ndcg', {}, ['a', 'b', 'd', 'c'], graded)).score).toBeCloseTo(1, 9);
  });

  it('scores a worse order lower, by the NDCG formula', async () => {
    const result = await scoreWith('ndcg', {}, ['d', 'c', 'b', 'a'], graded);
    const dcg = 1 / Math.log2(2) + 0 + 3 / Math.log2(4) + 7 / Math.log2(5);
    const ideal = 7 / Math.log2(2) + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(result.score).toBeCloseTo(dcg / ideal, 9);
  });

  it('cuts at k', async () => {
    const result = await scoreWith('ndcg', { k: 1 }, ['b', 'a'], graded);
    expect(result.score).toBeCloseTo(3 / 7, 9);
    expect(result.reason).toMatch(/NDCG@1/);
  });

  it('accepts objects with ids, a relevance map, and an ideal id list', async () => {
    expect((await scoreWith('ndcg', {}, [{ id: 'a' }, { id: 'b' }], { a: 2, b: 1 })).score).toBeCloseTo(1, 9);
    expect((await scoreWith('ndcg', {}, ['x', 'y', 'z'], ['x', 'y', 'z'])).score).toBeCloseTo(1, 9);
    expect((await scoreWith('ndcg', {}, ['z', 'y', 'x'], ['x', 'y', 'z'])).score).toBeLessThan(1);
  });

  it('counts a repeated id once', async () => {
    const once = await scoreWith('ndcg', {}, ['a', 'x'], graded);
    const twice = await scoreWith('ndcg', {}, ['a', 'a'], graded);
    expect(twice.score).toBeCloseTo(once.score, 9);
  });

  it.each(MALFORMED.filter((v) => !Array.isArray(v)))('scores a non-list %p as 0', async (output) => {
    expect((await scoreWith('ndcg', {}, output, graded)).reason).toMatch(/Expected a ranked list/);
  });

  it('reports a bad expected relevance as a grader error', async () => {
    await expect(scoreWith('ndcg', {}, ['a'], [{ id: 'a', relevance: 'high' }])).rejects.toBeInstanceOf(
      GraderError,
    );
  });

  it('rejects k = 0', () => {
    expect(() => build('ndcg', { k: 0 })).toThrow(/scoring\.params\.k/);
  });
});
