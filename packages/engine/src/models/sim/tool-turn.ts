import type { Aspect } from '@reps/shared';
import type { ToolCall, ToolSpec } from '../types.js';
import { callKey, type EarlierCall, earlierCalls, messageText, toolTurnsSoFar } from './conversation.js';
import { type Conversation, isVisible, linkOf, readConversation } from './lookup-link.js';
import { Hasher, Rng } from './prng.js';
import type { SimCall } from './sim-call.js';
import { SIM_RULES, toolTier } from './sim-models.js';
import { countPhrase, toWords } from './text-index.js';
import { clarityOf, fitScore, rankTools, toolChoiceAccuracy } from './tool-choice.js';
import { buildArguments, toolInput, wrongArgumentWeight } from './tool-schema.js';
import { lookupWords } from './tool-words.js';
import type { PresentUnit } from './unit-matcher.js';

/**
 * A turn of a model offered tools (docs/sim.md, "Tool use"): for each present unit and requested
 * aspect, the evidence spans missing from the conversation that a tool can fetch are the model's
 * needs; it looks up what it can (the deepest lookup whose argument it has seen), with the tool
 * whose name and description fit the lookup best, right with the probability toolChoiceAccuracy
 * gives, else with a characteristic mistake. No lookup to make: it answers (undefined).
 */
export interface Lookup {
  unit: PresentUnit;
  aspect: Aspect;
  span: string;
  /** The lookup's words (stemmed) and the argument that fetches the next text on the way to the span. */
  words: Set<string>;
  rawWords: readonly string[];
  arg: string;
  /**
   * Set when the argument is visible but not linked (rule 3): the candidates of its kind the model
   * chooses among, the right one included; it picks the right one with 1 / their number.
   */
  guessAmong?: string[];
}

export type Mistake = 'wrongTool' | 'wrongArgument' | 'stopEarly' | 'loop';

/** One planned call, with why (for tests and the study). */
export interface PlannedCall {
  call: ToolCall;
  lookup: Lookup;
  /** undefined: the right call. */
  mistake?: Mistake;
}

export function planToolTurn(call: SimCall): PlannedCall[] | undefined {
  const request = call.request;
  const tools = request.tools ?? [];
  if (tools.length === 0 || request.toolChoice === 'none') return undefined;
  const seen = seenText(call);
  const earlier = earlierCalls(request.messages);
  const made = new Set(earlier.map((c) => c.key));
  const conversation = readConversation(request.messages, call.facts);
  const lookups = pendingLookups(call, conversation, tools, made);
  if (lookups.length === 0) return undefined;

  const turns = toolTurnsSoFar(request.messages);
  const state = turnHasher(call, earlier, turns);
  const tier = toolTier(call.spec);
  const planned: PlannedCall[] = [];
  const keys = new Set<string>();
  const parallel = new Rng(state.clone().str('parallel').seed());
  for (let i = 0; i < lookups.length && planned.length < SIM_RULES.toolUse.maxParallelCalls; i++) {
    // The first lookup is always attempted; each further one joins this turn with the tier's chance.
    if (i > 0 && !parallel.chance(tier.parallel)) continue;
    const lookup = lookups[i]!;
    const rng = new Rng(
      state
        .clone()
        .str('lookup')
        .str(lookup.unit.unit.id)
        .str(lookup.unit.unit.text)
        .str(lookup.span)
        .str(lookup.arg)
        .seed(),
    );
    const attempt = attemptLookup(call, lookup, { tools, earlier, turns, seen, rng });
    if (attempt === 'stopEarly') {
      // Giving up on the first lookup is answering now; on a further one, leaving it for later.
      if (i === 0) return undefined;
      continue;
    }
    const key = callKey(attempt.name, attempt.arguments);
    if (keys.has(key)) continue;
    keys.add(key);
    planned.push({
      call: {
        id: `call_${turns + 1}_${planned.length + 1}`,
        name: attempt.name,
        arguments: attempt.arguments,
      },
      lookup,
      mistake: attempt.mistake,
    });
  }
  return planned.length > 0 ? planned : undefined;
}

/** The words of every message but the model's own: what it has seen (prompt and tool results). */
function seenText(call: SimCall): string {
  const words: string[] = [];
  for (const m of call.request.messages) if (m.role !== 'assistant') words.push(...toWords(messageText(m)));
  return ` ${words.join(' ')} `;
}

function wasSeen(seen: string, arg: string): boolean {
  const words = toWords(arg);
  return words.length > 0 && countPhrase(seen, words) > 0;
}

/**
 * The lookups the model can make now, in prompt order, each once, none it already made right. For
 * each need, the deepest step whose argument is visible and linked; else the deepest visible one,
 * as a guess among the candidates it has not tried yet.
 */
function pendingLookups(
  call: SimCall,
  conversation: Conversation,
  tools: readonly ToolSpec[],
  made: ReadonlySet<string>,
): Lookup[] {
  const out: Lookup[] = [];
  const keys = new Set<string>();
  for (const unit of call.units) {
    const sources = unit.unit.sources;
    if (!sources || sources.length === 0) continue;
    for (const { aspect } of call.requested) {
      for (const span of unit.unit.evidence?.[aspect.name] ?? []) {
        if (call.spanPresent(span)) continue;
        const source = sources.find((s) => s.span === span);
        if (!source) continue;
        // The deepest linked step whose lookup a tool fits: a fetch by an id the search listed beats
        // the search. None linked: the deepest visible one, guessed.
        let chosen:
          | { step: (typeof source.via)[number]; words: Set<string>; key: string; guessAmong?: string[] }
          | undefined;
        let guess: typeof chosen;
        for (let i = source.via.length - 1; i >= 0 && !chosen; i--) {
          const step = source.via[i]!;
          if (!isVisible(conversation, step.arg)) continue;
          const words = lookupWords(step.words);
          const right = rankTools(tools, words)[0]!;
          if (fitScore(right, words) === 0) continue;
          const key = callKey(right.name, buildArguments(right, toolInput(right, words), step.arg));
          const link = linkOf(conversation, unit.unit, source, i);
          // Made already (a search whose result did not single out the next id): the next step is
          // the guess below, among what that result listed.
          if (link.linked && made.has(key)) break;
          if (link.linked) chosen = { step, words, key };
          else if (!guess) {
            // Candidates it already called are ruled out: their results are in the conversation.
            const untried = link.candidates.filter(
              (c) =>
                c === step.arg ||
                !made.has(callKey(right.name, buildArguments(right, toolInput(right, words), c))),
            );
            guess = { step, words, key, guessAmong: untried };
          }
        }
        chosen ??= guess;
        if (!chosen) continue;
        const { step, words, key } = chosen;
        // Made already and the span is still missing: nothing more to learn from it.
        if (made.has(key) || keys.has(key)) continue;
        keys.add(key);
        out.push({
          unit,
          aspect,
          span,
          words,
          rawWords: step.words,
          arg: step.arg,
          guessAmong: chosen.guessAmong,
        });
      }
    }
  }
  return out;
}

interface AttemptContext {
  tools: readonly ToolSpec[];
  earlier: readonly EarlierCall[];
  turns: number;
  seen: string;
  rng: Rng;
}

type Attempt =
  | { name: string; arguments: Record<string, unknown> | unknown; mistake?: Mistake }
  | 'stopEarly';

function attemptLookup(call: SimCall, lookup: Lookup, ctx: AttemptContext): Attempt {
  const { tools, rng } = ctx;
  const ranked = rankTools(tools, lookup.words);
  const right = ranked[0]!;
  const input = toolInput(right, lookup.words);
  const among = lookup.guessAmong;
  if (among && among.length > 1 && !rng.chance(1 / among.length)) {
    // An unlinked argument: it picked another visible candidate of the kind (a wrong argument).
    const others = among.filter((c) => c !== lookup.arg).sort();
    return {
      name: right.name,
      arguments: buildArguments(right, input, rng.pick(others)),
      mistake: 'wrongArgument',
    };
  }
  const p = toolChoiceAccuracy(call.spec, {
    clarity: clarityOf(right, lookup.words),
    tightness: input.tightness,
    tools: tools.length,
    turns: ctx.turns,
    contextFill: call.contextFill,
  });
  if (rng.next() < p) return { name: right.name, arguments: buildArguments(right, input, lookup.arg) };

  const mistakes = SIM_RULES.toolUse.mistakes;
  const options: Array<[Mistake, number]> = [
    ['wrongArgument', wrongArgumentWeight(input.tightness)],
    ['stopEarly', mistakes.stopEarly],
  ];
  if (tools.length > 1) options.push(['wrongTool', mistakes.wrongTool]);
  if (ctx.earlier.length > 0) options.push(['loop', mistakes.loop]);
  const mistake = weighted(rng, options);
  switch (mistake) {
    case 'stopEarly':
      return 'stopEarly';
    case 'loop': {
      const last = ctx.earlier[ctx.earlier.length - 1]!;
      return { name: last.name, arguments: last.arguments, mistake };
    }
    case 'wrongTool': {
      // A plausible neighbour: the second or third best fit.
      const other = ranked[1 + rng.int(Math.min(2, ranked.length - 1))]!;
      return {
        name: other.name,
        arguments: buildArguments(other, toolInput(other, lookup.words), lookup.arg),
        mistake,
      };
    }
    default:
      return {
        name: right.name,
        arguments: buildArguments(right, input, wrongArgument(call, lookup, ctx)),
        mistake,
      };
  }
}

/**
 * A plausible wrong argument: another argument of the same kind of lookup (the same words in the
 * case's sources) that the model has seen, else a near miss of the right one.
 */
function wrongArgument(call: SimCall, lookup: Lookup, ctx: AttemptContext): string {
  const kind = [...lookup.rawWords].sort().join('\u0000');
  const others = new Set<string>();
  for (const unit of call.units)
    for (const source of unit.unit.sources ?? [])
      for (const step of source.via)
        if (
          step.arg !== lookup.arg &&
          [...step.words].sort().join('\u0000') === kind &&
          wasSeen(ctx.seen, step.arg)
        )
          others.add(step.arg);
  if (others.size > 0) return ctx.rng.pick([...others].sort());
  return nearMiss(ctx.rng, lookup.arg);
}

/** An argument one slip away: a digit off by one, the last word dropped, a letter dropped. */
export function nearMiss(rng: Rng, arg: string): string {
  const digits = [...arg.matchAll(/\d/g)];
  if (digits.length > 0) {
    const at = digits[digits.length - 1]!.index!;
    const d = Number(arg[at]);
    const changed = rng.chance(0.5) ? (d + 1) % 10 : (d + 9) % 10;
    return `${arg.slice(0, at)}${changed}${arg.slice(at + 1)}`;
  }
  const words = arg.trim().split(/\s+/);
  if (words.length > 1) return words.slice(0, -1).join(' ');
  return arg.length > 3 ? arg.slice(0, -1) : `${arg}s`;
}

function weighted<T>(rng: Rng, options: ReadonlyArray<[T, number]>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [option, w] of options) {
    x -= w;
    if (x < 0) return option;
  }
  return options[options.length - 1]![0];
}

/**
 * The seed of a tool turn: the model, the tools offered, the calls made so far and the turn, so
 * rewording the prompt at temperature 0 does not draw again (a clearer tool only raises p); above
 * 0 every message counts too, and the sample index.
 */
function turnHasher(call: SimCall, earlier: readonly EarlierCall[], turns: number): Hasher {
  const request = call.request;
  const h = new Hasher().str('tool-turn').str(request.model).num(turns);
  for (const tool of request.tools ?? []) h.str(tool.name);
  for (const c of earlier) h.str(c.key);
  const temperature = request.temperature ?? 0;
  if (temperature > 0) {
    h.num(temperature).num(request.sampleIndex ?? 0);
    for (const m of request.messages) h.str(m.role).str(m.content);
  }
  return h;
}
