import { type CaseKind, type ChallengeCase, caseId, RepsError } from '@reps/shared';
import { createQuickJSSandbox } from '../sandbox/quickjs-sandbox.js';
import { type Sandbox, SandboxError, type SandboxLimits } from '../sandbox/types.js';
import { CaseChecker } from './case-checker.js';
import { GENERATOR_GLOBAL, type LoadedChallenge } from './load-challenge.js';
import { RNG_FACTORY, RNG_SOURCE } from './rng-source.js';
import { hiddenSeed, publicSeed } from './seeds.js';

/**
 * Generators get more room than pipeline expressions (1 s): building a realistic contract or
 * ledger takes real work. Each case is its own evaluation, so the deadline is per case and a
 * runaway generator stops with sandbox_limit instead of hanging a worker.
 */
export const GENERATOR_LIMITS: Required<SandboxLimits> = {
  memoryBytes: 128 * 1024 * 1024,
  deadlineMs: 5000,
  stackBytes: 256 * 1024,
  maxOutputBytes: 16 * 1024 * 1024,
};

export interface GenerateOptions {
  kind: CaseKind;
  /** REPS_HIDDEN_SEED; required for hidden cases. */
  secret?: string;
  /** Default: the manifest's case count for the kind. */
  count?: number;
  /** Overrides of GENERATOR_LIMITS. */
  limits?: SandboxLimits;
}

/** The seed of a kind of case of a challenge version. */
export function seedFor(challenge: LoadedChallenge, kind: CaseKind, secret?: string): string {
  const { slug, version } = challenge.manifest;
  if (kind === 'public') return publicSeed(slug, version);
  if (secret === undefined)
    throw new RepsError(
      'invalid_config',
      'REPS_HIDDEN_SEED is not set; it is needed to generate hidden cases.',
    );
  return hiddenSeed(secret, slug, version);
}

/**
 * Generates cases `<kind>-1` … `<kind>-<count>` by calling generate(rng, index, set) in the sandbox,
 * each with a fresh module, an Rng seeded by (seed, index) and the case set (its kind, an Rng seeded
 * by the seed alone, and `families`), and checks each against the manifest's schemas. Case i is the same whatever the count, so 50 hidden cases are a prefix of 200.
 */
export async function generateCases(
  challenge: LoadedChallenge,
  options: GenerateOptions,
): Promise<ChallengeCase[]> {
  const seed = seedFor(challenge, options.kind, options.secret);
  const count = options.count ?? challenge.manifest.cases[options.kind];
  if (!Number.isInteger(count) || count < 0)
    throw new RepsError('validation_failed', `count must be a whole number ≥ 0, not ${count}.`);
  const checker = new CaseChecker(challenge.manifest);
  const body = generatorBody(challenge.generatorScript);
  const cases: ChallengeCase[] = [];
  for (let index = 0; index < count; index++) {
    // A fresh instance per case: no case can see another's state, and case i is the same
    // whatever ran before it.
    const sandbox = await createQuickJSSandbox({
      ...GENERATOR_LIMITS,
      ...options.limits,
      owner: 'generator',
    });
    try {
      const testCase = generateOne(sandbox, body, seed, options.kind, index, challenge.manifest.slug);
      checker.check(testCase);
      cases.push(testCase);
    } finally {
      sandbox.dispose();
    }
  }
  return cases;
}

function generateOne(
  sandbox: Sandbox,
  body: string,
  seed: string,
  kind: CaseKind,
  index: number,
  slug: string,
): ChallengeCase {
  const id = caseId(kind, index);
  let raw: unknown;
  try {
    raw = sandbox.run(body, { __reps_seed: seed, __reps_index: index, __reps_kind: kind });
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    throw new RepsError(
      error.code,
      `generator.ts of ${slug} failed on case ${id} (index ${index}): ${error.message}`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new RepsError(
      'validation_failed',
      `generator.ts of ${slug} returned ${raw === null ? 'null' : typeof raw} for case ${id} (index ${index}); generate() must return { input, expected, facts }.`,
    );
  const { input, expected, facts, ...rest } = raw as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length)
    throw new RepsError(
      'validation_failed',
      `generator.ts of ${slug} returned unknown keys ${extra.join(', ')} for case ${id} (index ${index}); only input, expected and facts are allowed.`,
    );
  return { id, index, input, expected, facts: facts as ChallengeCase['facts'] };
}

/** The sandboxed body: the Rng factory, the bundle, then one call of generate. */
function generatorBody(script: string): string {
  return `${RNG_SOURCE}
${script}
;const mod = typeof ${GENERATOR_GLOBAL} === 'undefined' ? undefined : ${GENERATOR_GLOBAL};
const generate = mod && (typeof mod.generate === 'function' ? mod.generate : mod.default);
if (typeof generate !== 'function') throw new Error('generator.ts must export a function generate(rng, index)');
const __reps_set_rng = ${RNG_FACTORY}(__reps_seed + '#set');
const __reps_case_set = Object.freeze({
  kind: __reps_kind,
  rng: __reps_set_rng,
  families(label, all, options) {
    if (typeof label !== 'string' || !Array.isArray(all) || all.length < 2)
      throw new RangeError('set.families(label, all, options): needs a label and at least two families');
    const opts = options || {};
    const shown = opts.public === undefined ? Math.max(1, Math.floor(all.length / 3)) : opts.public;
    if (!Number.isInteger(shown) || shown < 1 || shown >= all.length)
      throw new RangeError('set.families: public must be a whole number from 1 to all.length - 1');
    if (__reps_kind === 'public') return all.slice(0, shown);
    const rest = all.slice(shown);
    const count = opts.hidden === undefined ? Math.max(1, Math.ceil(rest.length * 0.6)) : opts.hidden;
    if (!Number.isInteger(count) || count < 1 || count > rest.length)
      throw new RangeError('set.families: hidden must be a whole number from 1 to all.length - public');
    return __reps_set_rng.fork('families:' + label).sample(rest, count);
  },
});
const result = generate(${RNG_FACTORY}(__reps_seed + '#' + __reps_index), __reps_index, __reps_case_set);
if (result && typeof result.then === 'function') throw new Error('generate() must return its case synchronously, not a Promise');
return result;`;
}
