import type { FactUnit } from '@reps/shared';

/**
 * The API a challenge's `generator.ts` is written against. Generators import these types only
 * (`import type { Generate } from '@reps/engine'`); at run time the engine bundles generator.ts
 * into one script and calls `generate(rng, index)` inside the QuickJS sandbox, once per case, with
 * a fresh module and an Rng seeded by (seed, index). So a case depends on nothing but its seed and
 * index: not on how many cases are generated, in what order, or on the host.
 *
 * Rules for authors:
 * - Draw every random choice from `rng`. Math.random is seeded too, but per evaluation, and Date is
 *   fixed at 2024-01-01; neither is a source of variety.
 * - Return plain JSON (no undefined, NaN, Map, class instances): what crosses the sandbox is JSON.
 * - `input` must match the manifest's input_schema, `expected` its output_schema, and `facts` list
 *   the units of the input with their right answer per aspect (docs/sim.md).
 * - No imports of runtime values from outside the challenge folder but the text kit
 *   (`@reps/engine/generator-kit`: typos, paraphrases, number words, generator-kit.ts); no Node APIs
 *   (there are none). Long tables go in a sibling file (`data.ts`), bundled with generator.ts.
 *
 * ```ts
 * import type { Generate } from '@reps/engine';
 * export const generate: Generate<{ numbers: number[] }, { sum: number }> = (rng, index) => {
 *   const numbers = Array.from({ length: rng.int(2, 6) }, () => rng.int(-50, 50));
 *   return { input: { numbers }, expected: { sum: numbers.reduce((a, b) => a + b, 0) }, facts: [] };
 * };
 * ```
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One item with probability proportional to its weight (weights ≥ 0, not all 0). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** n distinct items (by position) in random order. Throws when n > items.length. */
  sample<T>(items: readonly T[], n: number): T[];
  /** A shuffled copy; the argument is left as it was. */
  shuffle<T>(items: readonly T[]): T[];
  /** A normally distributed float (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /**
   * An independent stream named by `label`: the same seed and label always give the same stream,
   * so adding draws in one part of a generator does not change the values of another.
   */
  fork(label: string): Rng;
}

/** What generate() returns for one case. */
export interface GeneratorCase<Input = unknown, Expected = unknown> {
  input: Input;
  expected: Expected;
  /** Ground truth for the simulated models; a pipeline never sees it. */
  facts: FactUnit[];
}

/** `index` is 0-based; the case's id is `public-<index + 1>` or `hidden-<index + 1>`. */
export type Generate<Input = unknown, Expected = unknown> = (
  rng: Rng,
  index: number,
  set: CaseSet,
) => GeneratorCase<Input, Expected>;

/**
 * The set a case belongs to. Hidden cases should not be the public ones with other numbers: a
 * generator keeps *families* (sentence frames, vocabularies, layouts, distractor styles) and lets
 * the set choose, so the public cases show some families and the hidden cases use others that no
 * public case shows, picked by the hidden seed (README.md, "Authoring a challenge").
 */
export interface CaseSet {
  kind: 'public' | 'hidden';
  /** Seeded by the set's seed alone: the same in every case of the set (per-set choices). */
  rng: Rng;
  /**
   * The families this set draws from. Public cases: the first `public` of `all` (default a third,
   * at least 1). Hidden cases: `hidden` of the rest (default 60 %, at least 1), chosen by the hidden
   * seed, so a public case never shows a hidden family and another hidden seed picks other ones.
   */
  families<T>(label: string, all: readonly T[], options?: { public?: number; hidden?: number }): T[];
}

/** What scorer.ts exports for `scoring.scorer: custom`. Runs in the sandbox; must be synchronous. */
export type CustomScore<Output = unknown, Expected = unknown, Input = unknown> = (
  output: Output,
  expected: Expected,
  testCase: { id: string; index: number; input: Input; expected: Expected; facts: FactUnit[] },
  params: Record<string, unknown>,
) => { score: number; reason: string };
