import type { ToolSpec } from '../types.js';
import { SIM_RULES, type SimModelSpec, toolTier } from './sim-models.js';
import { overlap, stemmedWords } from './tool-words.js';

/**
 * Choosing a tool for a lookup (docs/sim.md, "Tool use"). The right tool is the one whose name and
 * description hold the lookup's words best; how likely the model is to pick it (with the right
 * argument) depends on how clear that tool is, how tight its input schema is, how many tools are
 * offered and how long the conversation already is, per tier.
 */
interface ToolWords {
  name: Set<string>;
  description: Set<string>;
  descriptionLength: number;
}

const wordsMemo = new WeakMap<ToolSpec, ToolWords>();

function wordsOf(tool: ToolSpec): ToolWords {
  let words = wordsMemo.get(tool);
  if (!words) {
    const description = stemmedWords(tool.description ?? '');
    words = {
      name: new Set(stemmedWords(tool.name)),
      description: new Set(description),
      descriptionLength: description.length,
    };
    wordsMemo.set(tool, words);
  }
  return words;
}

/** How well a tool fits a lookup: its name's matching words count double. 0: it does not fit. */
export function fitScore(tool: ToolSpec, lookup: ReadonlySet<string>): number {
  const words = wordsOf(tool);
  return 2 * overlap(lookup, words.name) + overlap(lookup, words.description);
}

/**
 * The offered tools from best to worst fit. On a tie the tool whose name is most about the lookup
 * (the larger share of its name's words matched: get_order before find_customer_orders for an
 * order) comes first, then the first offered.
 */
export function rankTools(tools: readonly ToolSpec[], lookup: ReadonlySet<string>): ToolSpec[] {
  return tools
    .map((tool, i) => ({ tool, i, score: fitScore(tool, lookup), focus: nameFocus(tool, lookup) }))
    .sort((a, b) => b.score - a.score || b.focus - a.focus || a.i - b.i)
    .map((r) => r.tool);
}

function nameFocus(tool: ToolSpec, lookup: ReadonlySet<string>): number {
  const name = wordsOf(tool).name;
  return name.size === 0 ? 0 : overlap(lookup, name) / name.size;
}

/**
 * Clarity (0..1): the name holds a lookup word, the description holds one, the description is of a
 * useful length (SIM_RULES.toolUse.usefulDescriptionWords).
 */
export function clarityOf(tool: ToolSpec, lookup: ReadonlySet<string>): number {
  const rules = SIM_RULES.toolUse;
  const words = wordsOf(tool);
  const [least, most] = rules.usefulDescriptionWords;
  let clarity = 0;
  if (overlap(lookup, words.name) > 0) clarity += rules.clarityName;
  if (overlap(lookup, words.description) > 0) clarity += rules.clarityDescription;
  if (words.descriptionLength >= least && words.descriptionLength <= most) clarity += rules.clarityLength;
  return clarity;
}

export interface ToolChoiceInputs {
  /** 0..1, clarityOf the right tool. */
  clarity: number;
  /** 0..1, the right tool's input schema (toolInput). */
  tightness: number;
  /** Tools offered. */
  tools: number;
  /** Tool-call turns already in the conversation. */
  turns: number;
  /** Input tokens / context window. */
  contextFill: number;
}

/**
 * The chance of a right lookup (the right tool, the right argument):
 * toolBase × (1 − vaguePenalty × (1 − clarity)) × (1 − loosePenalty × (1 − tightness))
 * × (1 − toolDilution)^(tools − 1) × (1 − turnLoss)^turns × (1 − fillLoss × fill), capped.
 */
export function toolChoiceAccuracy(spec: SimModelSpec, inputs: ToolChoiceInputs): number {
  const rules = SIM_RULES.toolUse;
  const tier = toolTier(spec);
  let p = tier.toolBase;
  p *= 1 - rules.vaguePenalty * (1 - clamp01(inputs.clarity));
  p *= 1 - rules.loosePenalty * (1 - clamp01(inputs.tightness));
  p *= (1 - tier.toolDilution) ** Math.max(0, inputs.tools - 1);
  p *= (1 - tier.turnLoss) ** Math.max(0, inputs.turns);
  p *= 1 - rules.fillLoss * clamp01(inputs.contextFill);
  return Math.min(SIM_RULES.maxAccuracy, p);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
