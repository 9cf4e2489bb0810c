import { RepsError } from '@reps/shared';
import { z } from 'zod';
import { createQuickJSSandbox } from '../sandbox/quickjs-sandbox.js';
import { SandboxError } from '../sandbox/types.js';
import { brief } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { defineScorer, type ScoreResult } from './scorer-types.js';

/** The global the bundled scorer.ts assigns (esbuild `globalName`, an IIFE). */
export const CUSTOM_SCORER_GLOBAL = '__reps_scorer';

const resultSchema = z.object({ score: z.number().min(0).max(1), reason: z.string() });

/**
 * Runs the challenge's own `score(output, expected, testCase, params)` from scorer.ts in the
 * QuickJS sandbox: instructor code gets no host objects and the same limits as pipeline code.
 * Values cross as JSON (an undefined output arrives as null). A throw, a limit, a Promise or a
 * result that is not `{ score: 0..1, reason: string }` is a GraderError: the grader broke, not
 * the learner's pipeline.
 */
export const customScorer = defineScorer({
  name: 'custom',
  /** Free-form; passed to score() as its fourth argument. */
  params: z.record(z.string(), z.unknown()),
  create: (params, deps) => {
    const script = deps.customScorerScript;
    if (!script)
      throw new RepsError(
        'validation_failed',
        'scoring.scorer is custom, but the challenge has no scorer.ts to run.',
      );
    const body = invokeBody(script);
    // Each scored case gets a fresh instance (a given sandbox is the caller's, for tests): the
    // scorer cannot carry anything from one case to the next.
    const open = async () =>
      deps.sandbox ??
      (await createQuickJSSandbox({ deadlineMs: 1000, ...deps.sandboxLimits, owner: 'scorer' }));
    const score = async (output: unknown, expected: unknown, testCase: unknown): Promise<ScoreResult> => {
      const sandbox = await open();
      let raw: unknown;
      try {
        raw = sandbox.run(body, { output, expected, testCase, params });
      } catch (error) {
        if (error instanceof SandboxError)
          throw new GraderError(
            `The custom scorer ${error.code === 'sandbox_limit' ? 'hit a sandbox limit' : 'threw'}: ${error.message}`,
          );
        // Values cross into the sandbox as JSON, and the host's JSON.stringify recurses: a value
        // nested deeper than the host stack overflows before the scorer runs.
        if (error instanceof RangeError)
          throw new GraderError(`The custom scorer could not be given its arguments: ${error.message}`);
        throw error;
      } finally {
        if (sandbox !== deps.sandbox) sandbox.dispose();
      }
      const parsed = resultSchema.safeParse(raw);
      if (!parsed.success)
        throw new GraderError(
          `The custom scorer returned ${brief(raw, 80)}; it must return { score: 0..1, reason: string }.`,
        );
      return parsed.data;
    };
    return Object.assign(score, { dispose: () => undefined });
  },
});

function invokeBody(script: string): string {
  return `${script}
;const mod = typeof ${CUSTOM_SCORER_GLOBAL} === 'undefined' ? undefined : ${CUSTOM_SCORER_GLOBAL};
const fn = mod && (typeof mod.score === 'function' ? mod.score : mod.default && mod.default.score);
if (typeof fn !== 'function') throw new Error('scorer.ts must export a function score(output, expected, testCase)');
const result = fn(output, expected, testCase, params);
if (result && typeof result.then === 'function') throw new Error('score() must return { score, reason } synchronously, not a Promise');
return result;`;
}
