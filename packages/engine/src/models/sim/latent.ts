import type { Aspect, FactUnit } from '@reps/shared';
import { type Draw, nearMiss, valueKey, wrongChoices } from './answer-drawer.js';
import { Hasher, Rng } from './prng.js';
import { SIM_RULES } from './sim-models.js';

/**
 * What a model is drawn to say about one (case, unit, aspect) before any prompt is written
 * (docs/sim.md, rule 5). The latent draw `u` decides, at temperature 0, whether the answer is
 * right (u < p): so the same evidence gives the same answer whatever the wording, and a better
 * prompt (a higher p) can only turn wrong answers right. `misreading` is the wrong value the model
 * says when it is wrong; `strength` sets how much of that survives sampling at a higher
 * temperature (low strength: the misreading is stubborn, a hard unit).
 */
export interface Latent {
  u: number;
  strength: number;
  misreading: unknown;
}

const cache = new WeakMap<FactUnit, Map<string, Latent>>();

/** The latent draw of `model` for a unit and aspect; `peers` are the case's other answers. */
export function latentFor(model: string, unit: FactUnit, aspect: Aspect, peers: () => unknown[]): Latent {
  let perUnit = cache.get(unit);
  if (!perUnit) {
    perUnit = new Map();
    cache.set(unit, perUnit);
  }
  const key = `${model}\u0000${aspect.name}`;
  const cached = perUnit.get(key);
  if (cached) return cached;
  const unitSeed = new Hasher().str('latent').str(unit.id).str(unit.text).str(aspect.name);
  const shared = new Rng(unitSeed.clone().seed());
  const own = new Rng(unitSeed.clone().str(model).seed());
  const u = own.chance(SIM_RULES.latentSharedAcrossModels) ? shared.next() : own.next();
  const strength =
    SIM_RULES.latentStrengthMin + own.next() * (SIM_RULES.latentStrengthMax - SIM_RULES.latentStrengthMin);
  const truth = unit.answers[aspect.name];
  const wrong = wrongChoices(aspect, truth);
  const misreading = wrong ? (wrong.length ? own.pick(wrong) : null) : nearMiss(own, truth, peers());
  const latent = { u, strength, misreading };
  perUnit.set(key, latent);
  return latent;
}

/** How likely a sample at temperature T is to repeat the latent draw: 1 at T = 0. */
export function sharedWeight(temperature: number, strength: number): number {
  if (temperature <= 0) return 1;
  return Math.exp(-SIM_RULES.latentDecay * temperature * strength);
}

/** The answer the latent draw gives at accuracy p, with no exclusions: what a verifier "believes". */
export function latentAnswer(latent: Latent, truth: unknown, p: number): Draw {
  return latent.u < p
    ? { value: truth, correct: true }
    : { value: latent.misreading, correct: valueKey(latent.misreading) === valueKey(truth) };
}
