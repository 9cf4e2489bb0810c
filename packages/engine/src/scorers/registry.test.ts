import { BUILTIN_SCORERS, RepsError, SCORER_NAMES } from '@reps/shared';
import { z } from 'zod';
import { GraderError } from './grader-error.js';
import { checkScorerParams, createScorer, SCORERS, scorerParamsSchema } from './registry.js';
import { defineScorer } from './scorer-types.js';

describe('scorer registry', () => {
  it('has exactly one scorer for each name challenge.yaml allows', () => {
    expect(Object.keys(SCORERS).sort()).toEqual([...SCORER_NAMES].sort());
    for (const name of SCORER_NAMES) expect(SCORERS[name].name).toBe(name);
    expect(BUILTIN_SCORERS).not.toContain('custom');
  });

  it('creates a working scorer from the scoring section', async () => {
    const score = createScorer({ scorer: 'numeric', params: { abs: 1 }, pass_mark: 80 });
    expect(await score(10.5, 10, { id: 'hidden-1', input: {} })).toEqual({
      score: 1,
      reason: expect.stringMatching(/Within tolerance/),
    });
  });

  it('defaults params to none', async () => {
    const score = createScorer({ scorer: 'exact', pass_mark: 80 });
    expect((await score('a', 'a', { id: 'public-1', input: null })).score).toBe(1);
  });

  it('lists every bad param with its path from the manifest root', () => {
    const issues = checkScorerParams({ scorer: 'ndcg', params: { k: -1, idd: 'x' }, pass_mark: 50 });
    expect(issues.map((i) => i.path).sort()).toEqual(['scoring.params', 'scoring.params.k']);
    try {
      createScorer({ scorer: 'ndcg', params: { k: -1 }, pass_mark: 50 });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(RepsError);
      expect((error as RepsError).code).toBe('validation_failed');
      expect((error as RepsError).message).toMatch(
        /The ndcg scorer's params are not valid:\n {2}scoring\.params\.k/,
      );
    }
  });

  it('exposes each scorer params schema', () => {
    expect(scorerParamsSchema('span_f1').safeParse({ mode: 'char' }).success).toBe(true);
  });

  it('turns an unexpected failure inside a scorer into grader_error naming the case', async () => {
    const original = SCORERS.exact;
    SCORERS.exact = defineScorer({
      name: 'exact',
      params: z.object({}),
      create: () => () => {
        throw new TypeError('boom');
      },
    });
    try {
      const score = createScorer({ scorer: 'exact', pass_mark: 50 });
      const error = await score(1, 1, { id: 'hidden-7', input: {} }).catch((e) => e);
      expect(error).toBeInstanceOf(GraderError);
      expect(error.message).toMatch(/exact scorer failed on case hidden-7: boom/);
    } finally {
      SCORERS.exact = original;
    }
  });

  it('refuses a score outside 0..1 from a scorer', async () => {
    const original = SCORERS.exact;
    SCORERS.exact = defineScorer({
      name: 'exact',
      params: z.object({}),
      create: () => () => ({ score: 1.5, reason: '' }),
    });
    try {
      await expect(
        createScorer({ scorer: 'exact', pass_mark: 50 })(1, 1, { id: 'x', input: 1 }),
      ).rejects.toThrow(/outside 0\.\.1/);
    } finally {
      SCORERS.exact = original;
    }
  });
});
