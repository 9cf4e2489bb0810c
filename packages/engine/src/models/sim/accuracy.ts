import { SIM_RULES, type SimModelSpec } from './sim-models.js';

/** What decides a simulated model's chance of answering one (unit, aspect) right. */
export interface AccuracyInputs {
  /** Units present in the prompt (≥ 1). */
  k: number;
  /** Input tokens / context window. */
  contextFill?: number;
  /** Share of the aspect's allowed values stated in the prompt (0..1). */
  statedShare?: number;
  temperature?: number;
}

/**
 * p = base × (1 − dilution)^(k − 1), then lowered up to 10 % as the prompt fills the second half of
 * the context, raised up to 3 % when the allowed values are stated, and lowered slightly by
 * temperature (so a vote of hot samples costs some accuracy per sample). docs/sim.md states this.
 */
export function answerAccuracy(spec: SimModelSpec, inputs: AccuracyInputs): number {
  const k = Math.max(1, inputs.k);
  let p = spec.baseAccuracy * (1 - spec.dilutionPerUnit) ** (k - 1);
  p *= 1 - contextPenalty(inputs.contextFill ?? 0);
  p *= 1 + SIM_RULES.instructionBonusMax * clamp01(inputs.statedShare ?? 0);
  p *= 1 - SIM_RULES.temperaturePenalty * Math.min(2, Math.max(0, inputs.temperature ?? 0));
  return Math.min(SIM_RULES.maxAccuracy, p);
}

export function contextPenalty(fill: number): number {
  const from = SIM_RULES.contextPenaltyFrom;
  if (fill <= from) return 0;
  return SIM_RULES.contextPenaltyMax * Math.min(1, (fill - from) / (1 - from));
}

/**
 * Lost in the middle: × (1 − amplitude × sin(π x)) at relative position x of the prompt, the
 * amplitude growing linearly with the items (units and evidence spans) present, from nothing for
 * one to SIM_RULES.positionMax at positionFullAt of them.
 */
export function positionFactor(x: number, items: number): number {
  if (items <= 1) return 1;
  const amplitude = SIM_RULES.positionMax * Math.min(1, (items - 1) / (SIM_RULES.positionFullAt - 1));
  return 1 - amplitude * Math.sin(Math.PI * Math.min(1, Math.max(0, x)));
}

/** A verifier judges a proposed answer right or wrong with accuracy 1 − (1 − p)/2. */
export function verificationAccuracy(p: number): number {
  return 1 - (1 - p) / 2;
}

/** Arithmetic over n numbers is right with probability 0.98^n, whatever the tier. */
export function arithmeticAccuracy(n: number): number {
  return SIM_RULES.arithmeticPerNumber ** Math.max(0, n);
}

/**
 * After feedback ruled out some wrong values, the model's remaining belief is renormalised: with
 * `wrongTotal` plausible wrong values of which `wrongLeft` are still allowed,
 * p' = p / (p + (1 − p) × wrongLeft / wrongTotal). Excluding a wrong value makes the right one likelier.
 */
export function accuracyAfterExclusion(p: number, wrongLeft: number, wrongTotal: number): number {
  if (wrongTotal <= 0 || wrongLeft <= 0) return 1;
  return p / (p + ((1 - p) * wrongLeft) / wrongTotal);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
