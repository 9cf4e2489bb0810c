import type { ValidateFunction } from 'ajv';
import type { RunContext } from './run-context.js';
import { StepFailure } from './step-failure.js';

/**
 * The validator of a step's JSON Schema, compiled once per pipeline (ctx.schemas). A schema that is
 * refused (only possible for a pipeline that was not parsed first) stops the case.
 */
export function stepSchemaValidator(ctx: RunContext, schema: unknown, what: string): ValidateFunction {
  const compiled = ctx.schemas.compile(schema);
  if (compiled.ok) return compiled.validate;
  const [first] = compiled.problems;
  const where = first!.path.length ? ` at ${first!.path.join('.')}` : '';
  throw new StepFailure('invalid_pipeline', `${what}${where}: ${first!.message}`, true);
}
