import { costUsd } from '../tokens.js';
import type { ModelInfo } from '../types.js';

/**
 * The published "sim physics" (docs/sim.md). The table and the code are one:
 * docs/sim.md and `reps models` print this constant, and the provider reads nothing else.
 */
export interface SimModelSpec {
  id: SimModelId;
  /** Context window in tokens (input only: a longer prompt fails with context_length_exceeded). */
  contextTokens: number;
  inputPricePerM: number;
  outputPricePerM: number;
  /** Probability of answering one (unit, aspect) right when the prompt holds one unit. */
  baseAccuracy: number;
  /** Relative loss of accuracy per extra unit in the same prompt: p = base × (1 − d)^(k − 1). */
  dilutionPerUnit: number;
  /** Probability that JSON output is valid and complete (without `strict`). */
  jsonOk: number;
  latencyBaseMs: number;
  latencyPerOutputTokenMs: number;
}

export type SimModelId = 'sim-mini' | 'sim-standard' | 'sim-pro';

export const SIM_MODELS: readonly SimModelSpec[] = Object.freeze([
  {
    id: 'sim-mini',
    contextTokens: 8_192,
    inputPricePerM: 0.1,
    outputPricePerM: 0.4,
    baseAccuracy: 0.82,
    dilutionPerUnit: 0.04,
    jsonOk: 0.9,
    latencyBaseMs: 300,
    latencyPerOutputTokenMs: 5,
  },
  {
    id: 'sim-standard',
    contextTokens: 32_768,
    inputPricePerM: 1,
    outputPricePerM: 4,
    baseAccuracy: 0.9,
    dilutionPerUnit: 0.02,
    jsonOk: 0.97,
    latencyBaseMs: 600,
    latencyPerOutputTokenMs: 10,
  },
  {
    id: 'sim-pro',
    contextTokens: 131_072,
    inputPricePerM: 10,
    outputPricePerM: 40,
    baseAccuracy: 0.96,
    dilutionPerUnit: 0.008,
    jsonOk: 0.995,
    latencyBaseMs: 1_500,
    latencyPerOutputTokenMs: 20,
  },
] as const satisfies SimModelSpec[]);

/** The rules beyond the table, in one place so docs/sim.md and the code cannot drift apart. */
export const SIM_RULES = Object.freeze({
  /** A unit counts as present when at least this share of its distinctive word shingles is in the prompt. */
  unitPresenceThreshold: 0.6,
  /** Words per shingle. */
  shingleSize: 3,
  /** Context fill (input tokens / context) from which accuracy starts to drop … */
  contextPenaltyFrom: 0.5,
  /** … linearly down to this relative loss at a full context. */
  contextPenaltyMax: 0.1,
  /** Relative gain when the prompt (or the schema's enum) states all of an aspect's allowed values. */
  instructionBonusMax: 0.03,
  /** Relative loss per unit of temperature (0.7 → −2.8 %), so voting is not free accuracy. */
  temperaturePenalty: 0.04,
  /** Accuracy ceiling after every bonus. */
  maxAccuracy: 0.995,
  /** Arithmetic over n numbers is right with probability arithmeticPerNumber^n. */
  arithmeticPerNumber: 0.98,
  /**
   * Evidence (docs/sim.md, rule 3): an aspect whose facts name evidence is answered from knowledge
   * only when every span is present (the units' presence rule); otherwise the model guesses.
   */
  evidencePresenceThreshold: 0.6,
  /**
   * Correlated errors (rule 5). Each (case, unit, aspect, model) has a latent draw and a misreading
   * (a specific wrong value). A share of the latent draw is common to every model (hard units are
   * hard for all) …
   */
  latentSharedAcrossModels: 0.4,
  /** … a sample reuses the latent draw with weight exp(−decay × T × strength), strength per unit in … */
  latentDecay: 1.5,
  latentStrengthMin: 0.5,
  latentStrengthMax: 2.5,
  /** … and a fresh wrong sample says the misreading with this probability. */
  misreadingPull: 0.5,
  /** Feedback on an open aspect (a number, a list, a name) renormalises as if it had this many wrong values. */
  openWrongValues: 2,
  /** A verifier without the evidence agrees with a proposal this often, right or wrong. */
  ungroundedAgreement: 0.7,
  /** A verifier that shares the proposer's misreading (same model) catches it this much less often. */
  sharedMisreadingBlindness: 0.6,
  /**
   * Position (rule 4): lost in the middle. Accuracy × (1 − amplitude × sin(π x)) at relative
   * position x, the amplitude growing with the number of units and evidence spans present, to this
   * much at positionFullAt of them.
   */
  positionMax: 0.25,
  positionFullAt: 20,
  /** `strict: true` lifts the JSON ok rate to this … */
  strictJsonOk: 0.999,
  /** … for this much more output (structured-output overhead). */
  strictOutputOverhead: 0.2,
  /**
   * Tool use (docs/sim.md, "Tool use"). A call with tools and toolChoice 'auto' looks up the evidence
   * it misses. The chance that a lookup is made right (the right tool with the right argument) is
   * toolBase × clarity × tightness × (1 − toolDilution)^(tools − 1) × (1 − turnLoss)^(turns so far)
   * × (1 − fillLoss × context fill), capped at maxAccuracy; per tier below.
   */
  toolUse: Object.freeze({
    tiers: Object.freeze({
      'sim-mini': { toolBase: 0.9, toolDilution: 0.025, turnLoss: 0.03, parallel: 0.35 },
      'sim-standard': { toolBase: 0.95, toolDilution: 0.012, turnLoss: 0.015, parallel: 0.6 },
      'sim-pro': { toolBase: 0.98, toolDilution: 0.005, turnLoss: 0.007, parallel: 0.85 },
    } satisfies Record<SimModelId, ToolTier>),
    /** Clarity (0..1): the name holds a lookup word (0.4), the description does (0.3), and it is … */
    clarityName: 0.4,
    clarityDescription: 0.3,
    clarityLength: 0.3,
    /** … of a useful length, in words. */
    usefulDescriptionWords: Object.freeze([6, 80] as const),
    /** × (1 − vaguePenalty × (1 − clarity)). */
    vaguePenalty: 0.35,
    /** Tightness (0..1), a quarter each: properties, required ones, every property typed, the argument's property constrained; × (1 − loosePenalty × (1 − tightness)). */
    loosePenalty: 0.15,
    /** × (1 − fillLoss × input tokens / context). */
    fillLoss: 0.2,
    /** When a lookup goes wrong, the mistake made, by weight (those that cannot happen are left out). */
    mistakes: Object.freeze({ wrongTool: 0.35, wrongArgument: 0.25, stopEarly: 0.25, loop: 0.15 }),
    /** A loose schema makes a wrong argument likelier: its weight × (1 + looseArgumentWeight × (1 − tightness)). */
    looseArgumentWeight: 2,
    /** Calls one turn asks for at most. */
    maxParallelCalls: 8,
    /**
     * A visible lookup argument is linked (the model knows it is the one) when it is in the unit's
     * text, in a result of the chain's previous lookup, alone of its kind in a message, or on a line
     * sharing at least this many distinctive words with what it leads to, and more than any other
     * candidate's line; else the model guesses among the visible candidates of its kind, right with
     * 1 / their number (lookup-link.ts).
     */
    linkSharedWords: 1,
  }),
});

/** A tier's tool-use figures (SIM_RULES.toolUse.tiers). */
export interface ToolTier {
  /** Chance of a right lookup with one clear, tight tool at the start of a conversation. */
  toolBase: number;
  /** Relative loss per extra tool offered. */
  toolDilution: number;
  /** Relative loss per earlier tool-call turn in the conversation. */
  turnLoss: number;
  /** Chance that each further lookup it could make now joins the same turn (parallel calls). */
  parallel: number;
}

/** A model's tool-use tier; a recalibrated model with another id uses sim-standard's. */
export function toolTier(spec: SimModelSpec): ToolTier {
  const tiers: Record<string, ToolTier> = SIM_RULES.toolUse.tiers;
  return tiers[spec.id] ?? tiers['sim-standard']!;
}

const byId = new Map<string, SimModelSpec>(SIM_MODELS.map((m) => [m.id, m]));

export function getSimModel(id: string): SimModelSpec | undefined {
  return byId.get(id);
}

export function simModelInfo(spec: SimModelSpec): ModelInfo {
  return {
    id: spec.id,
    provider: 'sim',
    contextTokens: spec.contextTokens,
    inputPricePerM: spec.inputPricePerM,
    outputPricePerM: spec.outputPricePerM,
    simulated: true,
  };
}

/** Priced like every other provider (models/tokens.ts), so sim and real costs compare. */
export function simCostUsd(spec: SimModelSpec, inputTokens: number, outputTokens: number): number {
  return costUsd({ input_tokens: inputTokens, output_tokens: outputTokens }, spec);
}

/** Virtual latency: never slept, reported so the executor can compute critical paths. */
export function simLatencyMs(spec: SimModelSpec, outputTokens: number): number {
  return spec.latencyBaseMs + spec.latencyPerOutputTokenMs * outputTokens;
}
