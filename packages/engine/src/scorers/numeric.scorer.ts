import { z } from 'zod';
import { brief, kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { pathParam, pick, zero } from './scorer-params.js';
import { defineScorer } from './scorer-types.js';

/**
 * A tolerance: within `abs` of the expected value, or within `rel` × |expected| (either suffices).
 * With neither, the numbers must be equal up to floating-point noise (1e-9).
 */
export const toleranceSchema = z.strictObject({
  abs: z.number().min(0).optional(),
  rel: z.number().min(0).optional(),
});
export type Tolerance = z.output<typeof toleranceSchema>;

export function withinTolerance(got: number, want: number, tolerance: Tolerance): boolean {
  const diff = Math.abs(got - want);
  if (tolerance.abs === undefined && tolerance.rel === undefined) return diff <= 1e-9;
  if (tolerance.abs !== undefined && diff <= tolerance.abs) return true;
  return tolerance.rel !== undefined && diff <= tolerance.rel * Math.abs(want);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Compares one number; malformed output is a zero with its reason, a bad expected a GraderError. */
export function compareNumber(
  got: unknown,
  want: unknown,
  tolerance: Tolerance,
): { ok: boolean; reason: string } {
  if (!isFiniteNumber(want))
    throw new GraderError(`The expected value ${brief(want)} is not a finite number.`);
  if (!isFiniteNumber(got))
    return { ok: false, reason: `expected a number, got ${kindOf(got)} ${brief(got)}` };
  if (withinTolerance(got, want, tolerance)) return { ok: true, reason: `${got} ≈ ${want}` };
  return { ok: false, reason: `${got} is off by ${offBy(got, want)} from ${want}` };
}

function offBy(got: number, want: number): string {
  const diff = Math.abs(got - want);
  return want === 0
    ? String(Number(diff.toPrecision(4)))
    : `${Number(diff.toPrecision(4))} (${Number(((diff / Math.abs(want)) * 100).toPrecision(3))}%)`;
}

export const numericScorer = defineScorer({
  name: 'numeric',
  params: toleranceSchema.extend({ path: pathParam }),
  create: (params) => (output, expected) => {
    const picked = pick(output, expected, params.path);
    if ('result' in picked) return picked.result;
    const result = compareNumber(picked.output, picked.expected, params);
    return result.ok
      ? { score: 1, reason: `Within tolerance: ${result.reason}.` }
      : zero(`${capitalize(result.reason)}.`);
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
