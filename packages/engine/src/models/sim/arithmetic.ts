import type { Aspect } from '@reps/shared';
import { arithmeticAccuracy } from './accuracy.js';
import type { Rng } from './prng.js';
import type { TextIndex } from './text-index.js';
import { countOutsideUnits, type PresentUnit } from './unit-matcher.js';

export type ArithmeticOp = 'sum' | 'mean' | 'count';

/** Words that ask for arithmetic, most specific first. */
const OP_WORDS: Array<[ArithmeticOp, string[][]]> = [
  ['mean', [['average'], ['mean']]],
  ['count', [['how', 'many'], ['count']]],
  ['sum', [['sum'], ['total'], ['add', 'up'], ['added', 'up']]],
];

/** The operation the prompt asks for, looking only outside the units' own text. */
export function arithmeticOp(prompt: TextIndex, units: readonly PresentUnit[]): ArithmeticOp | undefined {
  for (const [op, phrases] of OP_WORDS) {
    if (phrases.some((p) => countOutsideUnits(prompt, units, p) > 0)) return op;
  }
  return undefined;
}

export interface ArithmeticTask {
  op: ArithmeticOp;
  operands: number[];
}

/**
 * Operands come from the facts when the units carry a numeric answer (the amounts the prompt lists),
 * else from the numbers written in the prompt itself.
 */
export function arithmeticTask(
  op: ArithmeticOp,
  units: readonly PresentUnit[],
  aspects: readonly Aspect[],
  instruction: string,
): ArithmeticTask | undefined {
  if (units.length >= 2) {
    if (op === 'count') return { op, operands: units.map(() => 1) };
    const aspect = numericAspect(units, aspects);
    if (aspect) return { op, operands: units.map((u) => u.unit.answers[aspect.name] as number) };
    return undefined;
  }
  if (units.length > 0) return undefined;
  const numbers = numbersIn(instruction);
  if (numbers.length < 2) return undefined;
  return { op, operands: op === 'count' ? numbers.map(() => 1) : numbers };
}

function numericAspect(units: readonly PresentUnit[], aspects: readonly Aspect[]): Aspect | undefined {
  return aspects.find((a) => units.every((u) => typeof u.unit.answers[a.name] === 'number'));
}

export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/g)) {
    out.push(Number(m[0].replace(/,/g, '')));
  }
  return out;
}

/** The exact result, rounded as a careful person would write it. */
export function exactResult(task: ArithmeticTask): number {
  const { op, operands } = task;
  if (op === 'count') return operands.length;
  const decimals = Math.max(0, ...operands.map(decimalsOf));
  const sum = round(
    operands.reduce((a, b) => a + b, 0),
    decimals,
  );
  return op === 'sum' ? sum : round(sum / operands.length, Math.max(2, decimals));
}

/** The model's result: right with probability 0.98^n, else off by a slip a person could make. */
export function modelResult(rng: Rng, task: ArithmeticTask): { value: number; correct: boolean } {
  const exact = exactResult(task);
  if (rng.chance(arithmeticAccuracy(task.operands.length))) return { value: exact, correct: true };
  return { value: slip(rng, task, exact), correct: false };
}

function slip(rng: Rng, task: ArithmeticTask, exact: number): number {
  const { op, operands } = task;
  if (op === 'count') return Math.max(0, exact + (rng.chance(0.5) ? 1 : -1));
  const decimals = Math.max(0, ...operands.map(decimalsOf));
  const term = operands[rng.int(operands.length)]!;
  const kind = rng.int(3);
  // Dropped a term, counted one twice, or carried a digit wrong.
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(exact) || 1)) - rng.int(3));
  const sumError = kind === 0 ? -term : kind === 1 ? term : (rng.chance(0.5) ? 1 : -1) * magnitude;
  const error = op === 'sum' ? sumError : sumError / operands.length;
  const wrong = round(exact + (error === 0 ? 1 : error), op === 'sum' ? decimals : Math.max(2, decimals));
  return wrong === exact ? exact + 1 : wrong;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(6, text.length - dot - 1);
}
