import type { Aspect } from '@reps/shared';
import type { ChatMessage } from '../types.js';
import { valueKey } from './answer-drawer.js';
import { aspectForProperty, normalizeName } from './aspect-matcher.js';
import { findAspectValues, mentionedValues } from './key-values.js';
import type { PresentUnit } from './unit-matcher.js';

/** Values feedback called wrong: unit id (or `*` for every unit) → aspect → value keys. */
export type Exclusions = Map<string, Map<string, Set<string>>>;

const NEGATIVE =
  /\b(wrong|incorrect|not correct|not right|failed|fails|invalid|rejected|mistaken|does not match|is not valid)\b/;
const ANSWER_REF = /\b(answer|response|output|reply|value|rating|label|classification|result)\b/;

const EMPTY: ReadonlySet<string> = new Set();

export function excludedFor(exclusions: Exclusions, unitId: string, aspect: string): ReadonlySet<string> {
  const own = exclusions.get(unitId)?.get(aspect);
  const all = exclusions.get('*')?.get(aspect);
  if (!own) return all ?? EMPTY;
  if (!all) return own;
  return new Set([...own, ...all]);
}

/** A complaint about the form of an answer (it did not parse), not about any of its values. */
const FORMAT_ONLY = /\b(not (?:valid )?json|invalid json|could not be parsed|unparseable|not parseable)\b/;

/**
 * Feedback is either a user turn after an assistant turn that says the answer was wrong (the
 * rejected answer is that assistant turn), or a passage in a prompt such as the executor's
 * "Your answer {…} failed: …" (the rejected answer is quoted in the passage). Only the feedback's
 * own words decide which aspects it blames: the task around it names every aspect, and an answer
 * the feedback does not call wrong stays as likely right as before. Every feedback passage in the
 * messages counts, so the values rejected in earlier rounds stay excluded while their feedback is
 * still in the conversation.
 */
export function findExclusions(
  messages: readonly ChatMessage[],
  aspects: readonly Aspect[],
  units: readonly PresentUnit[],
): Exclusions {
  const exclusions: Exclusions = new Map();
  if (aspects.length === 0) return exclusions;
  messages.forEach((message, i) => {
    if (message.role !== 'user') return;
    const lower = message.content.toLowerCase();
    if (!NEGATIVE.test(lower)) return;
    const previous = messages[i - 1];
    if (previous?.role === 'assistant') {
      const blamed = new Set<Aspect>();
      for (const passage of feedbackPassages(lower, false)) {
        for (const aspect of blamedAspects(passage, aspects)) blamed.add(aspect);
      }
      addRejected(exclusions, previous.content, [...blamed], units);
    }
    for (const passage of feedbackPassages(lower, true, aspects)) {
      addRejected(exclusions, passage, blamedAspects(passage, aspects), units);
    }
  });
  return exclusions;
}

/**
 * The feedback in a message: from the line of a sentence that says an answer was wrong to the end
 * of its paragraph (where the reason is), never the task's text before it. The executor appends
 * each round's feedback as a paragraph of its own. With `quoting`, the sentence must also refer
 * to an answer ("Your answer … failed"): the answer it quotes is the rejected one.
 */
function feedbackPassages(lowerMessage: string, quoting: boolean, aspects: readonly Aspect[] = []): string[] {
  const passages: string[] = [];
  // "The total 85 is wrong" refers to an answer by the aspect's own name.
  const refersToAnswer = (sentence: string) =>
    ANSWER_REF.test(sentence) || aspects.some((a) => namesAspect(sentence, a));
  for (const paragraph of lowerMessage.split(/\n[ \t]*\n/)) {
    const lines = paragraph.split('\n');
    const from = lines.findIndex((line) =>
      line
        .split(/(?<=[.!?])\s+(?=[\p{L}"{[])/u)
        .some((sentence) => NEGATIVE.test(sentence) && (!quoting || refersToAnswer(sentence))),
    );
    if (from !== -1) passages.push(lines.slice(from).join('\n'));
  }
  return passages;
}

/**
 * The aspects a feedback passage calls wrong: those it names outside the quoted answer ("the brand
 * is wrong", or the fields of a failing check such as `value.type`), else all of them. A passage
 * that only complains about the format (not JSON) calls no value wrong.
 */
function blamedAspects(lowerFeedback: string, aspects: readonly Aspect[]): readonly Aspect[] {
  // After "not JSON:" comes the unparsed output itself, not a reason.
  const format = FORMAT_ONLY.exec(lowerFeedback);
  // Drop quoted answers ({"risk": …}) so their keys do not count as naming an aspect.
  let prose = format ? lowerFeedback.slice(0, format.index) : lowerFeedback;
  for (let i = 0; i < 4 && /\{[^{}]*\}/.test(prose); i++) prose = prose.replace(/\{[^{}]*\}/g, ' ');
  const named = aspects.filter((a) => namesAspect(prose, a));
  if (named.length > 0) return named;
  return format ? [] : aspects;
}

// An aspect's name or a synonym as a word (singular or plural; `risk_level` also as "risk level"),
// compiled once per aspect: feedback is read on every call.
const namePatterns = new WeakMap<Aspect, RegExp[]>();

function namesAspect(lowerText: string, aspect: Aspect): boolean {
  let patterns = namePatterns.get(aspect);
  if (!patterns) {
    patterns = [aspect.name, ...aspect.synonyms].map(
      (n) => new RegExp(`\\b${n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '.?')}s?\\b`, 'u'),
    );
    namePatterns.set(aspect, patterns);
  }
  return patterns.some((re) => re.test(lowerText));
}

function addRejected(
  exclusions: Exclusions,
  rejected: string,
  aspects: readonly Aspect[],
  units: readonly PresentUnit[],
): void {
  if (units.length > 1 && addPerUnit(exclusions, rejected, aspects, units)) return;
  for (const aspect of aspects) {
    const truth = units[0]?.unit.answers[aspect.name];
    let values = findAspectValues(rejected, aspect, truth);
    if (values.length === 0) values = bareValues(rejected, aspect);
    for (const value of values) add(exclusions, '*', aspect.name, value);
  }
}

/** A bare answer ("High.") names one allowed value; more than one is not an answer. */
function bareValues(rejected: string, aspect: Aspect): unknown[] {
  const mentioned = mentionedValues(rejected.toLowerCase(), aspect);
  return mentioned.length === 1 ? mentioned : [];
}

/** A JSON answer about several units: each rejected value belongs to the unit its object names. */
function addPerUnit(
  exclusions: Exclusions,
  rejected: string,
  aspects: readonly Aspect[],
  units: readonly PresentUnit[],
): boolean {
  const parsed = parseLoose(rejected);
  if (parsed === undefined) return false;
  let added = false;
  for (const [unit, object] of unitObjects(parsed, units)) {
    for (const [key, value] of Object.entries(object)) {
      const aspect = aspectForProperty(key, aspects);
      if (aspect && value !== null && typeof value !== 'object') {
        add(exclusions, unit.unit.id, aspect.name, value);
        added = true;
      }
    }
  }
  return added;
}

function unitObjects(
  parsed: unknown,
  units: readonly PresentUnit[],
): Array<[PresentUnit, Record<string, unknown>]> {
  const out: Array<[PresentUnit, Record<string, unknown>]> = [];
  const visit = (node: unknown, keyHint?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const unit =
      unitNamed(keyHint, units) ?? units.find((u) => Object.values(object).some((v) => names(u, v)));
    if (unit) out.push([unit, object]);
    for (const [key, value] of Object.entries(object))
      if (value && typeof value === 'object') visit(value, key);
  };
  visit(parsed);
  return out;
}

function unitNamed(key: string | undefined, units: readonly PresentUnit[]): PresentUnit | undefined {
  if (key === undefined) return undefined;
  return units.find((u) => names(u, key));
}

function names(unit: PresentUnit, value: unknown): boolean {
  if (typeof value === 'number') return value === unit.number;
  return typeof value === 'string' && normalizeName(value) === normalizeName(unit.unit.id);
}

function parseLoose(text: string): unknown {
  const start = text.search(/[[{]/);
  if (start === -1) return undefined;
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

function add(exclusions: Exclusions, unitId: string, aspect: string, value: unknown): void {
  const perUnit = exclusions.get(unitId) ?? new Map<string, Set<string>>();
  exclusions.set(unitId, perUnit);
  const keys = perUnit.get(aspect) ?? new Set<string>();
  perUnit.set(aspect, keys);
  keys.add(valueKey(value));
}
