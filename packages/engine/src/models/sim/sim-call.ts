import type { Aspect, FactUnit } from '@reps/shared';
import type { CompletionRequest, ModelContext } from '../types.js';
import { answerAccuracy, positionFactor, verificationAccuracy } from './accuracy.js';
import { closedChoices, type Draw, drawAnswer, valueKey } from './answer-drawer.js';
import { type ArithmeticTask, arithmeticTask, modelResult, numbersIn } from './arithmetic.js';
import type { RequestedAspect } from './aspect-matcher.js';
import { type IndexedSpan, indexSpans, spanPosition } from './evidence.js';
import { type Exclusions, excludedFor } from './feedback.js';
import { type Latent, latentAnswer, latentFor, sharedWeight } from './latent.js';
import { type Hasher, Rng } from './prng.js';
import {
  messagesHasher,
  type PromptContent,
  type PromptReading,
  promptContent,
  promptIsVerification,
  promptOp,
  promptReading,
} from './prompt-reading.js';
import { SIM_RULES, type SimModelSpec } from './sim-models.js';
import type { TextIndex } from './text-index.js';
import type { PresentUnit } from './unit-matcher.js';
import { proposedValue } from './verification.js';

export type JsonSchema = Record<string, unknown>;
export type CallMode = 'answer' | 'verify' | 'arithmetic' | 'vague';

export interface Verdict {
  /** What the model says: is the proposed answer correct? */
  says: boolean;
  /** False when the prompt proposed nothing the model could compare with the facts. */
  grounded: boolean;
}

/**
 * Everything the simulator reads from one call, and its answers, drawn lazily and memoised so the
 * JSON and prose writers can ask for any (unit, aspect) in any order and get the same draw.
 */
export class SimCall {
  readonly mode: CallMode;
  readonly units: readonly PresentUnit[];
  readonly requested: readonly RequestedAspect[];
  readonly aspects: readonly Aspect[];
  readonly schema: JsonSchema | undefined;
  readonly verdictName: string | undefined;
  readonly instruction: string;
  readonly prompt: TextIndex;
  private readonly base: Hasher;
  private readonly content: PromptContent;
  private readonly exclusions: Exclusions;
  private readonly memo = new Map<string, Draw>();
  readonly facts: readonly FactUnit[];
  private readonly spans: Map<string, IndexedSpan>;
  private readonly spanMemo = new Map<string, number>();
  private arithmeticMemo?: { value: number; correct: boolean; task: ArithmeticTask };

  constructor(
    readonly spec: SimModelSpec,
    readonly request: CompletionRequest,
    context: ModelContext,
    readonly contextFill: number,
    reading: PromptReading = promptReading(request, context),
  ) {
    // Shared by every sample of this prompt in the case (prompt-reading.ts): read only.
    const content = promptContent(reading, request, context);
    this.content = content;
    this.instruction = content.instruction;
    this.prompt = content.prompt;
    this.schema = request.output?.kind === 'json' ? request.output.schema : undefined;
    this.aspects = context.aspects ?? [];
    const facts: readonly FactUnit[] = context.facts ?? [];
    this.facts = facts;
    this.spans = indexSpans(facts);
    this.units = content.units;
    this.requested = content.requested;
    this.exclusions = content.exclusions;
    this.verdictName = content.verdictName;
    this.base = callHasher(request, reading);
    this.mode = this.decideMode();
  }

  get temperature(): number {
    return this.request.temperature ?? 0;
  }

  /** A generator for one purpose within this call, independent of every other purpose. */
  rng(...purpose: string[]): Rng {
    const h = this.base.clone();
    for (const p of purpose) h.str(p);
    return new Rng(h.seed());
  }

  /** The prompt-level accuracy of an aspect (before a unit's arithmetic and position). */
  accuracy(aspect: Aspect): number {
    const statedShare = this.requested.find((r) => r.aspect === aspect)?.statedShare ?? 0;
    return answerAccuracy(this.spec, {
      k: this.units.length,
      contextFill: this.contextFill,
      statedShare,
      temperature: this.temperature,
    });
  }

  /** The model's answer for one (unit, aspect). */
  answer(unit: PresentUnit, aspect: Aspect, extraExcluded?: unknown): Draw {
    const key = `${unit.unit.id}\u0000${aspect.name}\u0000${extraExcluded === undefined ? '' : valueKey(extraExcluded)}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const draw = this.drawFresh(unit, aspect, extraExcluded);
    this.memo.set(key, draw);
    return draw;
  }

  /** The verdict on the answer proposed for a unit, with accuracy 1 − (1 − p)/2. */
  verdict(unit: PresentUnit): Verdict {
    const rng = this.rng('verdict', unit.unit.id);
    const proposals = this.proposals(unit);
    if (proposals.size === 0 || this.units.length > 1) {
      return { says: rng.chance(this.accuracy(this.requested[0]!.aspect)), grounded: false };
    }
    const isWrong = (aspect: Aspect, proposed: unknown) =>
      valueKey(proposed) !== valueKey(unit.unit.answers[aspect.name]);
    const actuallyRight = [...proposals].every(([aspect, proposed]) => !isWrong(aspect, proposed));
    let judge = 1;
    for (const [aspect, proposed] of proposals) {
      const truth = unit.unit.answers[aspect.name];
      const wrong = isWrong(aspect, proposed);
      // Without the evidence the verifier cannot tell: it tends to agree (with the whole proposal).
      if (!this.hasEvidence(unit, aspect)) {
        judge = Math.min(
          judge,
          actuallyRight ? SIM_RULES.ungroundedAgreement : 1 - SIM_RULES.ungroundedAgreement,
        );
        continue;
      }
      const p = this.unitAccuracy(unit, aspect);
      let q = verificationAccuracy(p);
      // A verifier that misreads the unit the same way (the same model, as a rule) is blind to it.
      const belief = latentAnswer(this.latent(unit, aspect), truth, p);
      if (wrong && !belief.correct && valueKey(belief.value) === valueKey(proposed))
        q *= 1 - SIM_RULES.sharedMisreadingBlindness;
      judge = Math.min(judge, q);
    }
    const judgedRight = rng.chance(judge);
    return { says: judgedRight ? actuallyRight : !actuallyRight, grounded: true };
  }

  /** A verifier's value for an aspect: the proposal if it agrees, else its own answer avoiding it. */
  correctedAnswer(unit: PresentUnit, aspect: Aspect): Draw {
    const proposed = this.proposals(unit).get(aspect);
    if (proposed !== undefined && this.verdict(unit).says) {
      return { value: proposed, correct: valueKey(proposed) === valueKey(unit.unit.answers[aspect.name]) };
    }
    return this.answer(unit, aspect, proposed);
  }

  arithmetic(): { value: number; correct: boolean; task: ArithmeticTask } | undefined {
    if (this.mode !== 'arithmetic') return undefined;
    if (!this.arithmeticMemo) {
      const task = this.arithmeticTaskFor()!;
      this.arithmeticMemo = { ...modelResult(this.rng('arithmetic'), task), task };
    }
    return this.arithmeticMemo;
  }

  private proposals(unit: PresentUnit): Map<Aspect, unknown> {
    const out = new Map<Aspect, unknown>();
    for (const { aspect } of this.requested) {
      const value = proposedValue(this.instruction, aspect, unit.unit.answers[aspect.name]);
      if (value !== undefined) out.set(aspect, value);
    }
    return out;
  }

  /** True when every evidence span the aspect rests on (for this unit) is in the prompt. */
  hasEvidence(unit: PresentUnit, aspect: Aspect): boolean {
    const spans = unit.unit.evidence?.[aspect.name];
    if (!spans || spans.length === 0) return true;
    return spans.every((text) => this.spanAt(text) !== -1);
  }

  /** The chance of answering this unit's aspect right: accuracy × arithmetic × position. */
  unitAccuracy(unit: PresentUnit, aspect: Aspect): number {
    let p = this.accuracy(aspect);
    const truth = unit.unit.answers[aspect.name];
    // Working out a number from several figures in the unit (an invoice total) is arithmetic too.
    if (typeof truth === 'number' && this.op() && this.op() !== 'count') {
      p *= SIM_RULES.arithmeticPerNumber ** Math.max(0, numbersIn(unit.unit.text).length - 1);
    }
    // Lost in the middle: the unit, or the evidence it needs, deep inside a long prompt.
    const items = this.units.length + this.presentSpanCount();
    let worst = positionFactor(this.relative(unit.position), items);
    for (const text of unit.unit.evidence?.[aspect.name] ?? []) {
      const at = this.spanAt(text);
      if (at !== -1) worst = Math.min(worst, positionFactor(this.relative(at), items));
    }
    return p * worst;
  }

  /** True when an evidence span of the case is in the prompt (presence rule). */
  spanPresent(text: string): boolean {
    return this.spanAt(text) !== -1;
  }

  private relative(position: number): number {
    const length = this.prompt.length;
    return length <= 1 ? 0 : Math.min(1, Math.max(0, position / (length - 1)));
  }

  private spanAt(text: string): number {
    let at = this.spanMemo.get(text);
    if (at === undefined) {
      const span = this.spans.get(text);
      at = span ? spanPosition(this.prompt, span) : -1;
      this.spanMemo.set(text, at);
    }
    return at;
  }

  private presentSpanCountMemo?: number;
  private presentSpanCount(): number {
    if (this.presentSpanCountMemo === undefined) {
      let n = 0;
      // Only spans the present units rest on: a case's other evidence is not looked for.
      const seen = new Set<string>();
      for (const u of this.units)
        for (const spans of Object.values(u.unit.evidence ?? {}))
          for (const text of spans)
            if (!seen.has(text)) {
              seen.add(text);
              if (this.spanAt(text) !== -1) n++;
            }
      this.presentSpanCountMemo = n;
    }
    return this.presentSpanCountMemo;
  }

  private latent(unit: PresentUnit, aspect: Aspect): Latent {
    return latentFor(this.spec.id, unit.unit, aspect, () =>
      this.facts
        .filter((u) => u !== unit.unit)
        .map((u) => u.answers[aspect.name])
        .filter((v) => v !== undefined && v !== null),
    );
  }

  private drawFresh(unit: PresentUnit, aspect: Aspect, extraExcluded: unknown): Draw {
    const rng = this.rng('answer', unit.unit.id, aspect.name);
    const truth = unit.unit.answers[aspect.name];
    if (truth === undefined) return { value: vagueValue(rng, aspect), correct: false };
    let excluded = excludedFor(this.exclusions, unit.unit.id, aspect.name);
    if (extraExcluded !== undefined) excluded = new Set([...excluded, valueKey(extraExcluded)]);
    const latent = this.latent(unit, aspect);
    // At temperature 0 every sample is the latent draw; above it, a share of samples is.
    const shared = this.temperature <= 0 || rng.chance(sharedWeight(this.temperature, latent.strength));
    const u = shared ? latent.u : rng.next();
    const pick = shared ? new Rng(Math.floor(latent.u * 4294967296) ^ 0x5bd1e995) : rng;
    // Other units' answers are the likeliest confusions; units without one (a document among
    // questions) offer none, rather than the word "undefined".
    const peers = this.units
      .filter((u) => u !== unit)
      .map((u) => u.unit.answers[aspect.name])
      .filter((v) => v !== undefined && v !== null);
    if (!this.hasEvidence(unit, aspect)) return guess({ rng: pick, truth, aspect, excluded, peers, latent });
    return drawAnswer({
      rng: pick,
      u,
      truth,
      aspect,
      p: this.unitAccuracy(unit, aspect),
      excluded,
      peers,
      misreading: latent.misreading,
      preferMisreading: shared || rng.chance(SIM_RULES.misreadingPull),
    });
  }

  private op() {
    return promptOp(this.content);
  }

  private arithmeticTaskFor(): ArithmeticTask | undefined {
    const op = this.op();
    if (!op) return undefined;
    if (op === 'count') return this.countTask();
    return arithmeticTask(
      op,
      this.units,
      this.requested.length > 0 ? this.requested.map((r) => r.aspect) : this.aspects,
      this.instruction,
    );
  }

  /** "How many clauses are high risk?": count the units the model rates so, then add them up. */
  private countTask(): ArithmeticTask | undefined {
    const lower = this.prompt.padded;
    for (const { aspect } of this.requested) {
      const value = (aspect.values ?? []).find((v) => lower.includes(` ${String(v).toLowerCase()} `));
      if (value === undefined) continue;
      const matching = this.units.filter((u) => valueKey(this.answer(u, aspect).value) === valueKey(value));
      return { op: 'count', operands: matching.map(() => 1) };
    }
    return arithmeticTask('count', this.units, this.aspects, this.instruction);
  }

  private decideMode(): CallMode {
    if (!perUnitShape(this.schema) && this.arithmeticTaskFor()) return 'arithmetic';
    if (this.units.length === 0 || this.requested.length === 0) return 'vague';
    if (promptIsVerification(this.content, this.schema)) return 'verify';
    return 'answer';
  }
}

/**
 * The seed of a call: model, every message (fed once per prompt: messagesHasher), temperature, the
 * requested output, and the sample index only above temperature 0 (at 0 every sample is the same
 * answer, as with real models).
 */
function callHasher(request: CompletionRequest, reading: PromptReading): Hasher {
  const h = messagesHasher(reading);
  const temperature = request.temperature ?? 0;
  h.num(temperature);
  if (temperature > 0) h.num(request.sampleIndex ?? 0);
  const output = request.output;
  if (output?.kind === 'json') h.str(schemaText(output.schema)).str(output.strict ? 'strict' : '');
  return h;
}

/** Schemas as JSON, by schema object: a step's calls share its schema, which nothing changes. */
const schemaTexts = new WeakMap<object, string>();

function schemaText(schema: object): string {
  let text = schemaTexts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(schema);
    schemaTexts.set(schema, text);
  }
  return text;
}

/**
 * An answer without the evidence it needs (docs/sim.md, rule 3): a guess among the values still
 * allowed for a closed aspect, so right no more often than chance; for an open one a plausible wrong
 * value (the misreading, else a near miss), never the truth.
 */
function guess(input: {
  rng: Rng;
  truth: unknown;
  aspect: Aspect;
  excluded: ReadonlySet<string>;
  peers: readonly unknown[];
  latent: Latent;
}): Draw {
  const { rng, truth, aspect, excluded } = input;
  const choices = closedChoices(aspect, truth);
  if (choices) {
    const left = choices.filter((c) => !excluded.has(valueKey(c)));
    if (left.length === 0) return { value: null, correct: false };
    const value = rng.pick(left);
    return { value, correct: valueKey(value) === valueKey(truth) };
  }
  return drawAnswer({ ...input, u: 1, p: 0, misreading: input.latent.misreading, preferMisreading: true });
}

/** A plausible value for an aspect when the facts say nothing (vague answers). */
export function vagueValue(rng: Rng, aspect: Aspect): unknown {
  if (aspect.values && aspect.values.length > 0) return rng.pick(aspect.values);
  switch (aspect.type) {
    case 'number':
    case 'integer':
      return rng.int(10);
    case 'boolean':
      return rng.chance(0.5);
    case 'array':
      return [];
    default:
      return 'unclear';
  }
}

/** True when the schema asks for one entry per unit (an array, or an object keyed by unit). */
export function perUnitShape(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'array' || schema.items) return true;
  if (isObjectSchema(schema.additionalProperties)) return true;
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.values(props).some(
    (sub) => isObjectSchema(sub.items) || (isObjectSchema(sub.additionalProperties) && !sub.properties),
  );
}

export function isObjectSchema(node: unknown): node is JsonSchema {
  if (!node || typeof node !== 'object') return false;
  const s = node as JsonSchema;
  return s.type === 'object' || typeof s.properties === 'object';
}
