import type { Aspect } from '@reps/shared';
import { accuracyAfterExclusion } from './accuracy.js';
import type { Rng } from './prng.js';
import { SIM_RULES } from './sim-models.js';

/** One simulated answer for a (unit, aspect): the value said and whether it is the truth. */
export interface Draw {
  value: unknown;
  correct: boolean;
}

export interface DrawInput {
  /** Picks wrong values other than the misreading. */
  rng: Rng;
  /** The uniform draw that decides right or wrong (the latent draw, or a fresh one). */
  u: number;
  truth: unknown;
  aspect: Aspect;
  /** Probability of answering right. */
  p: number;
  /** Value keys that feedback called wrong: never said again. */
  excluded: ReadonlySet<string>;
  /** Other units' true values for the same aspect: the most plausible wrong strings. */
  peers: readonly unknown[];
  /** The model's misreading of this unit and aspect (latent.ts), said when wrong if allowed … */
  misreading?: unknown;
  /** … always (a sample repeating the latent draw), or with SIM_RULES.misreadingPull (a fresh one). */
  preferMisreading?: boolean;
}

/** A comparable key for a value: strings case- and space-insensitive, others as JSON. */
export function valueKey(value: unknown): string {
  if (typeof value === 'string') return value.trim().toLowerCase();
  return JSON.stringify(value) ?? 'undefined';
}

export function drawAnswer(input: DrawInput): Draw {
  const { truth, aspect, excluded } = input;
  const choices = closedChoices(aspect, truth);
  if (choices) return drawClosed(input, choices);
  // An open aspect has no list of values: feedback that rules out wrong ones renormalises as if
  // there were SIM_RULES.openWrongValues plausible wrong values, so a rejected misreading makes
  // the right value likelier and rejecting that many makes it certain.
  const truthKey = valueKey(truth);
  const ruledOut = [...excluded].filter((k) => k !== truthKey).length;
  const wrong = SIM_RULES.openWrongValues;
  const p = ruledOut > 0 ? accuracyAfterExclusion(input.p, Math.max(0, wrong - ruledOut), wrong) : input.p;
  if (!excluded.has(truthKey) && input.u < p) return { value: truth, correct: true };
  const misread = misreadingIfAllowed(input);
  if (misread !== undefined) return { value: misread, correct: false };
  return { value: openWrongValue(input.rng, truth, input.peers, excluded), correct: false };
}

/** Categorical and boolean aspects: a miss is the misreading, else another allowed value. */
function drawClosed(input: DrawInput, choices: unknown[]): Draw {
  const { rng, truth, excluded } = input;
  const truthKey = valueKey(truth);
  const wrong = choices.filter((c) => valueKey(c) !== truthKey);
  const wrongLeft = wrong.filter((c) => !excluded.has(valueKey(c)));
  if (!excluded.has(truthKey)) {
    const p = accuracyAfterExclusion(input.p, wrongLeft.length, wrong.length);
    if (input.u < p) return { value: truth, correct: true };
  }
  // Feedback ruled out every value: a model would hedge rather than repeat itself.
  if (wrongLeft.length === 0) return { value: null, correct: false };
  const misread = misreadingIfAllowed(input);
  if (misread !== undefined) return { value: misread, correct: false };
  return { value: rng.pick(wrongLeft), correct: false };
}

function misreadingIfAllowed(input: DrawInput): unknown {
  const { misreading } = input;
  if (misreading === undefined || misreading === null) return undefined;
  const key = valueKey(misreading);
  if (input.excluded.has(key) || key === valueKey(input.truth)) return undefined;
  return input.preferMisreading ? misreading : undefined;
}

/** The wrong values of a closed aspect (undefined for an open one). */
export function wrongChoices(aspect: Aspect, truth: unknown): unknown[] | undefined {
  const choices = closedChoices(aspect, truth);
  return choices?.filter((c) => valueKey(c) !== valueKey(truth));
}

/** The allowed values of a categorical or boolean aspect; undefined for an open one. */
export function closedChoices(aspect: Aspect, truth: unknown): unknown[] | undefined {
  if (aspect.values && aspect.values.length > 0) {
    const values: unknown[] = [...aspect.values];
    // A truth outside the declared values still has to be answerable.
    if (!values.some((v) => valueKey(v) === valueKey(truth))) values.push(truth);
    return values;
  }
  if (aspect.type === 'boolean' || typeof truth === 'boolean') return [true, false];
  return undefined;
}

/** Open aspects (numbers, free strings, lists): a plausible near miss not ruled out by feedback. */
function openWrongValue(rng: Rng, truth: unknown, peers: readonly unknown[], excluded: ReadonlySet<string>) {
  const ruledOut = new Set(excluded);
  ruledOut.add(valueKey(truth));
  for (let attempt = 0; attempt < 6; attempt++) {
    const candidate = nearMiss(rng, truth, peers);
    if (!ruledOut.has(valueKey(candidate))) return candidate;
  }
  return typeof truth === 'number' ? truth + 1 + rng.int(1000) : null;
}

export function nearMiss(rng: Rng, truth: unknown, peers: readonly unknown[]): unknown {
  if (typeof truth === 'number') return nearbyNumber(rng, truth);
  if (Array.isArray(truth)) return nearbyList(rng, truth, peers);
  const other = peers.filter((p) => valueKey(p) !== valueKey(truth));
  if (other.length > 0 && rng.chance(0.7)) return rng.pick(other);
  if (typeof truth === 'string') return degradeString(rng, truth);
  return null;
}

/** A number a model might plausibly say instead: off by one for small counts, a few % otherwise. */
export function nearbyNumber(rng: Rng, truth: number): number {
  const sign = rng.chance(0.5) ? 1 : -1;
  if (Number.isInteger(truth) && Math.abs(truth) < 20) {
    const candidate = truth + sign * (1 + rng.int(2));
    return truth >= 0 && candidate < 0 ? truth + 1 : candidate;
  }
  const relative = 0.02 + rng.next() * 0.23;
  const decimals = decimalsOf(truth);
  const factor = 10 ** decimals;
  const shifted = Math.round(truth * (1 + sign * relative) * factor) / factor;
  return shifted === truth ? truth + sign / factor : shifted;
}

/** A list a model might say instead: one element dropped, or one distractor added. */
function nearbyList(rng: Rng, truth: unknown[], peers: readonly unknown[]): unknown[] {
  const has = new Set(truth.map(valueKey));
  const extras = peers.flatMap((p) => (Array.isArray(p) ? p : [])).filter((x) => !has.has(valueKey(x)));
  if (truth.length > 0 && rng.chance(0.5)) {
    const drop = rng.int(truth.length);
    return truth.filter((_, i) => i !== drop);
  }
  if (extras.length > 0) return [...truth, rng.pick(extras)];
  return [...truth, distractor(rng, truth, has)];
}

/** An element like the list's own (a number near one, `D7` next to `D5`), not already in it. */
function distractor(rng: Rng, truth: unknown[], has: ReadonlySet<string>): unknown {
  if (truth.length === 0) return 'other';
  for (let attempt = 0; attempt < 6; attempt++) {
    const like = rng.pick(truth);
    let candidate: unknown = 'other';
    if (typeof like === 'number') candidate = nearbyNumber(rng, like);
    else if (typeof like === 'string' && /\d+(?!.*\d)/.test(like))
      candidate = like.replace(/\d+(?!.*\d)/, (digits) => String(nearbyNumber(rng, Number(digits))));
    if (!has.has(valueKey(candidate))) return candidate;
  }
  return 'other';
}

function degradeString(rng: Rng, truth: string): string {
  const words = truth.split(/\s+/).filter(Boolean);
  if (words.length > 2) return words.slice(0, Math.max(1, rng.int(words.length - 1) + 1)).join(' ');
  return rng.pick(['other', 'unclear', 'not stated']);
}

function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(6, text.length - dot - 1);
}
