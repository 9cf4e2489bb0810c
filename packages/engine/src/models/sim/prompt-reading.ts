import type { Aspect, FactUnit } from '@reps/shared';
import { countMessageTokens } from '../tokens.js';
import type { ChatMessage, CompletionRequest, ModelContext } from '../types.js';
import { type ArithmeticOp, arithmeticOp } from './arithmetic.js';
import { findRequestedAspects, type RequestedAspect } from './aspect-matcher.js';
import { messageText } from './conversation.js';
import { type Exclusions, findExclusions } from './feedback.js';
import { Hasher } from './prng.js';
import { SIM_RULES } from './sim-models.js';
import { indexText, type TextIndex } from './text-index.js';
import { findPresentUnits, indexUnits, type PresentUnit } from './unit-matcher.js';
import { isVerificationPrompt, verdictProperty } from './verification.js';

type JsonSchema = Record<string, unknown>;

/**
 * What the simulator reads from a prompt before it draws anything: a pure function of the
 * messages, the output schema and the case's facts and aspects, so the same for every sample of
 * one prompt (a vote's samples, a map's repeated call). A case's calls share it per distinct
 * prompt instead of reading a long prompt again on every sample. It is only ever read.
 */
export interface PromptReading {
  /** countMessageTokens of the messages. */
  readonly messageTokens: number;
  /**
   * The rest, kept from the second call of the prompt on: a prompt read once costs no memory that
   * outlives its call (a long prompt's index would otherwise age into the old generation).
   */
  content?: PromptContent;
  /** Calls of this prompt so far. */
  calls: number;
  /** The call's seed so far: the model, then each message's role and content (callHasher). */
  readonly hasher: Hasher;
  /** What the reading was made from, to tell a prompt from another with the same hash. */
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly schema: JsonSchema | undefined;
  readonly facts: readonly FactUnit[] | undefined;
  readonly aspects: readonly Aspect[] | undefined;
}

export interface PromptContent {
  /** The caller's messages (not the model's turns, not tool results), joined. */
  readonly instruction: string;
  readonly prompt: TextIndex;
  readonly units: readonly PresentUnit[];
  readonly requested: readonly RequestedAspect[];
  readonly exclusions: Exclusions;
  readonly verdictName: string | undefined;
  /** promptOp's answer once asked (null: no operation); only some calls ask. */
  op?: ArithmeticOp | null;
  /** promptIsVerification's answer once asked. */
  verification?: boolean;
}

/** The latest prompts' readings in a thread, over all its cases: a vote's samples come together. */
const MAX_READINGS = 64;
const readings = new Map<string, PromptReading>();

/**
 * The reading of a call's prompt: an earlier one for the same model, prompt and case, else a
 * fresh one. Found by the hash every call computes anyway for its seed, then checked against the
 * prompt itself, so a call that repeats nothing pays next to nothing for the lookup.
 */
export function promptReading(request: CompletionRequest, context: ModelContext): PromptReading {
  const hasher = new Hasher().str(request.model);
  for (const m of request.messages) hasher.str(m.role).str(m.content);
  const schema = request.output?.kind === 'json' ? request.output.schema : undefined;
  const key = hasher.fingerprint();
  const known = readings.get(key);
  if (
    known &&
    known.model === request.model &&
    known.facts === context.facts &&
    known.aspects === context.aspects &&
    samePrompt(known, request.messages, schema)
  ) {
    known.calls++;
    return known;
  }
  const reading: PromptReading = {
    messageTokens: countMessageTokens(request.messages),
    calls: 1,
    hasher,
    model: request.model,
    // A copy: a caller may push to its conversation's array for the next turn.
    messages: [...request.messages],
    schema,
    facts: context.facts,
    aspects: context.aspects,
  };
  readings.delete(key);
  readings.set(key, reading);
  // Oldest first: a Map keeps insertion order.
  if (readings.size > MAX_READINGS) readings.delete(readings.keys().next().value!);
  return reading;
}

/** Drops every reading (tests: the answers must not depend on what was read before). */
export function forgetPromptReadings(): void {
  readings.clear();
}

function samePrompt(
  reading: PromptReading,
  messages: readonly ChatMessage[],
  schema: JsonSchema | undefined,
): boolean {
  if (reading.messages.length !== messages.length) return false;
  for (let i = 0; i < messages.length; i++) {
    const a = reading.messages[i]!;
    const b = messages[i]!;
    if (a === b) continue;
    if (a.role !== b.role || a.content !== b.content || a.tool_call_id !== b.tool_call_id) return false;
    if ((a.tool_calls || b.tool_calls) && JSON.stringify(a.tool_calls) !== JSON.stringify(b.tool_calls))
      return false;
  }
  if (reading.schema === schema) return true;
  return (
    reading.schema !== undefined &&
    schema !== undefined &&
    JSON.stringify(reading.schema) === JSON.stringify(schema)
  );
}

/** The reading's content: kept from the prompt's second call on (see PromptReading.content). */
export function promptContent(
  reading: PromptReading,
  request: CompletionRequest,
  context: ModelContext,
): PromptContent {
  if (reading.content) return reading.content;
  const content = readPromptContent(request, context);
  if (reading.calls > 1) reading.content = content;
  return content;
}

/** Reads the prompt: the present units, the aspects asked for, the feedback, the kind of call. */
function readPromptContent(request: CompletionRequest, context: ModelContext): PromptContent {
  const messages = request.messages;
  const schema = request.output?.kind === 'json' ? request.output.schema : undefined;
  // Tool results are read as prompt (evidence, units) but are not the caller's instruction: a
  // policy text that says "verify" does not make the call a verification.
  const instruction = messages
    .filter((m) => m.role !== 'assistant' && m.role !== 'tool')
    .map((m) => m.content)
    .join('\n');
  const prompt = indexText(messages.map(messageText).join('\n'), SIM_RULES.shingleSize);
  const facts = context.facts ?? [];
  const units = facts.length > 0 ? findPresentUnits(prompt, indexUnits(facts)) : [];
  const requested = findRequestedAspects(context.aspects ?? [], schema, prompt, units);
  return {
    instruction,
    prompt,
    units,
    requested,
    exclusions: findExclusions(
      messages,
      requested.map((r) => r.aspect),
      units,
    ),
    verdictName: verdictProperty(schema),
  };
}

/** The arithmetic the prompt asks for (arithmeticOp), read once per prompt. */
export function promptOp(content: PromptContent): ArithmeticOp | undefined {
  if (content.op === undefined) content.op = arithmeticOp(content.prompt, content.units) ?? null;
  return content.op ?? undefined;
}

/** Whether the prompt asks to verify an answer (isVerificationPrompt), read once per prompt. */
export function promptIsVerification(content: PromptContent, schema: JsonSchema | undefined): boolean {
  content.verification ??= isVerificationPrompt(schema, content.instruction.toLowerCase());
  return content.verification;
}

/** A copy of the reading's hasher, to go on with the call's own parts. */
export function messagesHasher(reading: PromptReading): Hasher {
  return reading.hasher.clone();
}
