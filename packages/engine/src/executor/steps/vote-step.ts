import type { VoteStep } from '@reps/shared';
import type { StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { StepFailure } from '../step-failure.js';

/**
 * Combines answers: of one step with samples (its array) or of several steps. majority: the most
 * frequent value (ties go to the earliest); unanimous: the value when all agree, else
 * invalid_output; mean: the mean of numbers. Values compare as canonical JSON (key order ignored).
 */
export async function runVoteStep(
  _ctx: RunContext,
  step: VoteStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const values = ballots(step, frame);
  if (values.length === 0) throw new StepFailure('invalid_output', 'vote: there is nothing to vote on');
  const method = step.method ?? 'majority';
  if (method === 'mean') return mean(values);
  const tally = new Map<string, { count: number; value: unknown }>();
  for (const value of values) {
    const key = canonical(value);
    const entry = tally.get(key) ?? { count: 0, value };
    entry.count++;
    tally.set(key, entry);
  }
  trace.tally = Object.fromEntries([...tally].map(([key, e]) => [key, e.count]));
  if (method === 'unanimous' && tally.size > 1) {
    throw new StepFailure(
      'invalid_output',
      `vote: the ${values.length} answers are not unanimous (${tally.size} different)`,
    );
  }
  let best: { count: number; value: unknown } | undefined;
  for (const entry of tally.values()) if (!best || entry.count > best.count) best = entry;
  return best!.value;
}

function ballots(step: VoteStep, frame: Frame): unknown[] {
  if (Array.isArray(step.vote))
    return step.vote.map((id) => frame.values[id]).filter((v) => v !== null && v !== undefined);
  const value = frame.values[step.vote];
  if (!Array.isArray(value)) {
    throw new StepFailure(
      'invalid_output',
      `vote: "${step.vote}" gave a single value; give it samples > 1 or vote over several steps`,
    );
  }
  return value.filter((v) => v !== null && v !== undefined);
}

function mean(values: unknown[]): number {
  const numbers = values.map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v));
  if (!numbers.every((n): n is number => typeof n === 'number' && Number.isFinite(n))) {
    throw new StepFailure('invalid_output', 'vote: mean needs numbers, but some answers are not numbers');
  }
  return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
