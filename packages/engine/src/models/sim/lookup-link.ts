import type { FactUnit } from '@reps/shared';
import type { ChatMessage } from '../types.js';
import { messageText } from './conversation.js';
import { SIM_RULES } from './sim-models.js';
import { countPhrase, toWords } from './text-index.js';

/**
 * Whether the model knows which visible argument to look up (docs/sim.md, "Tool use", rule 3).
 * Seeing an id is not knowing it matters: among 124 bare document ids a real model cannot tell the
 * evidence one; it can when the id sits in the question itself, in the result of the lookup that led
 * to it, alone of its kind, or next to words about what it leads to. An argument that is visible but
 * not linked is a guess among the visible candidates of its kind.
 */

type Step = NonNullable<FactUnit['sources']>[number]['via'][number];
type Source = NonNullable<FactUnit['sources']>[number];

/** A message the model reads (not its own), as words, cut into lines for rule (d). */
interface ReadText {
  /** Padded words of the whole message. */
  words: string;
  /** Padded words of each line (a tool result's JSON objects count as lines too). */
  lines: string[];
  /** Raw text, for id-like tokens. */
  raw: string;
  /** For a tool result: the padded words of the arguments of the call that brought it. */
  callArgs?: string;
}

export interface Conversation {
  texts: ReadText[];
  /** The case's lookup arguments by kind (the sorted words of the step), over all units' sources. */
  argsByKind: Map<string, Set<string>>;
  /** Words of every lookup argument of the case: never distinctive (rule d). */
  argWords: Set<string>;
}

export type Link = { linked: true } | { linked: false; candidates: string[] };

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the this to was were will ' +
    'with id ids no not our your we you they he she his her their them all any each one two per via ' +
    'into over after before about than then so if but do does did can may also more most other'
  ).split(' '),
);

export function kindOf(step: Step): string {
  return [...step.words].sort().join('\u0000');
}

export function readConversation(messages: readonly ChatMessage[], facts: readonly FactUnit[]): Conversation {
  const callArgs = new Map<string, string>();
  for (const m of messages)
    if (m.role === 'assistant')
      for (const c of m.tool_calls ?? []) callArgs.set(c.id, padded(JSON.stringify(c.arguments ?? null)));
  const texts: ReadText[] = [];
  for (const m of messages) {
    if (m.role === 'assistant') continue;
    const raw = messageText(m);
    texts.push({
      words: padded(raw),
      lines: raw
        .split(m.role === 'tool' ? /\n|\}\s*,\s*\{/ : /\n/)
        .map(padded)
        .filter((l) => l.length > 2),
      raw,
      callArgs: m.role === 'tool' && m.tool_call_id ? callArgs.get(m.tool_call_id) : undefined,
    });
  }
  const argsByKind = new Map<string, Set<string>>();
  const argWords = new Set<string>();
  for (const unit of facts)
    for (const source of unit.sources ?? [])
      for (const step of source.via) {
        const kind = kindOf(step);
        if (!argsByKind.has(kind)) argsByKind.set(kind, new Set());
        argsByKind.get(kind)!.add(step.arg);
        for (const w of toWords(step.arg)) argWords.add(w);
      }
  return { texts, argsByKind, argWords };
}

function padded(text: string): string {
  return ` ${toWords(text).join(' ')} `;
}

function holds(paddedText: string, arg: string): boolean {
  const words = toWords(arg);
  return words.length > 0 && countPhrase(paddedText, words) > 0;
}

export function isVisible(conversation: Conversation, arg: string): boolean {
  return conversation.texts.some((t) => holds(t.words, arg));
}

/**
 * Is the visible argument of step `at` of `source` linked, by rule (a) the unit's own text, (b) a
 * result of a call for the previous step, (c) the only argument of its kind in its message, or
 * (d) a line sharing distinctive words with what the step leads to? If not, the candidates the model
 * would choose among (the right one first).
 *
 * Rule (b) narrows, it does not decide: a search that answers every query with every id in the store
 * tells the model no more than the store's contents list. So in the previous lookup's result the
 * argument is linked when it is the only candidate of its kind there (ids that lead to this unit's own
 * evidence do not count as rivals), or by (d) within that result; otherwise the model guesses among
 * that result's candidates, not among everything it has seen.
 */
export function linkOf(conversation: Conversation, unit: FactUnit, source: Source, at: number): Link {
  const step = source.via[at]!;
  if (holds(padded(unit.text), step.arg)) return { linked: true };
  const previous = at > 0 ? source.via[at - 1]!.arg : undefined;
  const target = targetWords(unit, source, at);
  const kind = kindOf(step);
  const sameKind = conversation.argsByKind.get(kind) ?? new Set([step.arg]);
  const ownArgs = unitArgs(unit, kind);
  const shape = idShape(step.arg);
  const candidates = new Set<string>([step.arg]);
  let narrowed: string[] | undefined;
  for (const text of conversation.texts) {
    if (!holds(text.words, step.arg)) continue;
    const fromPrevious =
      previous !== undefined && text.callArgs !== undefined && holds(text.callArgs, previous);
    const here = new Set<string>();
    for (const other of sameKind) if (other !== step.arg && holds(text.words, other)) here.add(other);
    if (shape) for (const token of idTokens(text.raw, shape)) if (token !== step.arg) here.add(token);
    // (b): the previous lookup's result; ids in it that lead to this unit's own evidence are no rivals.
    if (fromPrevious) for (const own of ownArgs) here.delete(own);
    if (here.size === 0) return { linked: true };
    // (d): its line shares more distinctive words with what it leads to than any other candidate's
    // line; a tie is a guess among the tied (the same words on every line tell nothing).
    const score = (arg: string) => {
      let best = 0;
      for (const line of text.lines)
        if (holds(line, arg)) best = Math.max(best, sharedWords(line, arg, target, conversation));
      return best;
    };
    const right = score(step.arg);
    const rivals =
      right >= SIM_RULES.toolUse.linkSharedWords ? [...here].filter((c) => score(c) >= right) : [...here];
    if (right >= SIM_RULES.toolUse.linkSharedWords && rivals.length === 0) return { linked: true };
    if (fromPrevious) {
      // The model chooses among what the lookup for the previous step returned (the narrowest such
      // result, if it made that lookup more than once), not among everything else it has seen.
      if (narrowed === undefined || rivals.length + 1 < narrowed.length) narrowed = [step.arg, ...rivals];
    } else for (const c of rivals) candidates.add(c);
  }
  return { linked: false, candidates: narrowed ?? [...candidates] };
}

/** The unit's lookup arguments of one kind, but for the step's own: where its other evidence is. */
function unitArgs(unit: FactUnit, kind: string): Set<string> {
  const out = new Set<string>();
  for (const source of unit.sources ?? [])
    for (const step of source.via) if (kindOf(step) === kind) out.add(step.arg);
  return out;
}

/**
 * What a step leads to, and why: the span, the later steps' arguments, and the unit's own text (a
 * clause titled "Compensation for delays" is the one for a message about a late parcel).
 */
function targetWords(unit: FactUnit, source: Source, at: number): Set<string> {
  const out = new Set(toWords(source.span).map(crudeStem));
  for (const w of toWords(unit.text)) out.add(crudeStem(w));
  for (const later of source.via.slice(at + 1)) for (const w of toWords(later.arg)) out.add(crudeStem(w));
  return out;
}

/** Words cut to five letters, so cancelling, cancelled and cancellation meet. */
function crudeStem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

function sharedWords(
  line: string,
  arg: string,
  target: ReadonlySet<string>,
  conversation: Conversation,
): number {
  const own = new Set(toWords(arg));
  const seen = new Set<string>();
  for (const w of line.trim().split(' ')) {
    if (seen.has(w) || own.has(w) || STOP_WORDS.has(w) || conversation.argWords.has(w)) continue;
    if (w.length < 3 || /^\d+$/.test(w)) continue;
    if (target.has(crudeStem(w))) seen.add(crudeStem(w));
  }
  return seen.size;
}

/**
 * The shape of an id-like argument (one token holding a digit): runs of capitals, lowercase letters
 * and digits collapsed, `AR-1234` → `A-9`. Other tokens of the same shape are ids of the same kind
 * to the model, whether or not the case's facts name them. Undefined for words and phrases.
 */
function idShape(arg: string): string | undefined {
  if (/\s/.test(arg.trim()) || !/\d/.test(arg)) return undefined;
  return arg
    .trim()
    .replace(/[A-Z]+/g, 'A')
    .replace(/[a-z]+/g, 'a')
    .replace(/[0-9]+/g, '9');
}

function idTokens(raw: string, shape: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/[A-Za-z0-9][A-Za-z0-9_\-.@]*[A-Za-z0-9]/g))
    if (idShape(m[0]) === shape) out.push(m[0]);
  return out;
}
