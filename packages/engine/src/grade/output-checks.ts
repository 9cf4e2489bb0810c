import { RepsError } from '@reps/shared';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { TextMemo } from '../sandbox/text-memo.js';
import { compileSchema, createSchemaAjv } from '../schema/safe-ajv.js';

/** The most JSON a case's output may be (UTF-8 bytes, as JSON.stringify writes it): 256 KiB. */
export const MAX_OUTPUT_BYTES = 256 * 1024;

/** The deepest a case's output may nest lists and objects: `[[1]]` is 2 levels, `1` is 0. */
export const MAX_OUTPUT_DEPTH = 32;

/** Why an output may not be scored (a sentence a learner can act on), or undefined when it may. */
export type OutputCheck = (output: unknown) => OutputProblem | undefined;

export interface OutputProblem {
  reason: string;
  /** Too big or too deep to keep in a result (it is dropped); a schema mismatch is kept. */
  oversized: boolean;
}

/**
 * The checks every output passes before it is scored (docs/dsl.md, "Scoring"): at most
 * MAX_OUTPUT_BYTES of JSON, at most MAX_OUTPUT_DEPTH levels deep, and valid against the challenge's
 * output_schema when there is one. The schema is compiled here, once per schema (compiledSchemas).
 * Reasons name the place and the rule, never an expected value.
 */
export function createOutputCheck(outputSchema?: Record<string, unknown>): OutputCheck {
  const validate = outputSchema ? compileOutputSchema(outputSchema) : undefined;
  return (output) => {
    const shape = shapeProblem(output);
    if (shape) return { reason: shape, oversized: true };
    if (!validate || validate(output ?? null)) return undefined;
    return { reason: schemaReason(validate.errors ?? []), oversized: false };
  };
}

/**
 * Compiled output schemas by their JSON: a grading thread compiles a challenge version's once, not
 * once per grading (20-30 ms each). A validator holds no state between calls but the `errors` of
 * its last one, which the check reads right after the call.
 */
const compiledSchemas = new TextMemo<ValidateFunction>(1024 * 1024);

/** As the manifest's schemas are read: `format` is not checked (a grader must not guess at one). */
function compileOutputSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const known = compiledSchemas.get(key);
  if (known) return known;
  const compiled = compileSchema(schema, createSchemaAjv({ validateFormats: false }));
  if (compiled.ok) {
    compiledSchemas.set(key, compiled.validate);
    return compiled.validate;
  }
  throw new RepsError(
    'validation_failed',
    `The challenge's output_schema cannot be used: ${compiled.problems.map((p) => p.message).join('; ')}`,
  );
}

/** Where a value sits, as a linked path: written out only for the one that breaks the depth limit. */
interface At {
  parent: At | undefined;
  segment: string;
}

/**
 * Measures size and depth with a stack of its own (an output nested 100,000 deep must not overflow
 * the call stack that measures it), stopping at the first limit passed.
 */
export function shapeProblem(output: unknown): string | undefined {
  let bytes = 0;
  const pending: [value: unknown, depth: number, at: At | undefined][] = [[output, 0, undefined]];
  const tooBig = `The output is more than ${MAX_OUTPUT_BYTES / 1024} KiB of JSON; outputs may be at most ${MAX_OUTPUT_BYTES / 1024} KiB.`;
  while (pending.length > 0) {
    const [value, depth, at] = pending.pop()!;
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'string' && value.length > MAX_OUTPUT_BYTES) return tooBig;
      bytes += utf8Bytes(scalarJson(value));
      if (bytes > MAX_OUTPUT_BYTES) return tooBig;
      continue;
    }
    if (depth + 1 > MAX_OUTPUT_DEPTH)
      return `The output nests more than ${MAX_OUTPUT_DEPTH} levels deep (at ${pathText(at)}); outputs may nest at most ${MAX_OUTPUT_DEPTH} lists or objects.`;
    if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      if (bytes > MAX_OUTPUT_BYTES) return tooBig;
      for (let i = value.length - 1; i >= 0; i--)
        pending.push([value[i], depth + 1, { parent: at, segment: String(i) }]);
      continue;
    }
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    bytes += 2 + Math.max(0, entries.length - 1);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      bytes += utf8Bytes(JSON.stringify(key)) + 1;
      pending.push([item, depth + 1, { parent: at, segment: key }]);
    }
    if (bytes > MAX_OUTPUT_BYTES) return tooBig;
  }
  return undefined;
}

function scalarJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  return 'null';
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function pathText(at: At | undefined): string {
  const segments: string[] = [];
  for (let node = at; node; node = node.parent) segments.push(node.segment);
  const path = segments.reverse().join('.');
  if (!path) return 'the top level';
  return `"${path.length > 80 ? `${path.slice(0, 40)}…${path.slice(-39)}` : path}"`;
}

/** ajv's errors as `totals.net must be number; the output must have required property 'sum'`. */
function schemaReason(errors: ErrorObject[]): string {
  const shown = errors.slice(0, 3).map((error) => {
    const where = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
    return `${where ? `"${where}"` : 'the output'} ${error.message ?? 'is not valid'}`;
  });
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return `The output does not match the challenge's output schema: ${shown.join('; ')}${more}.`;
}
