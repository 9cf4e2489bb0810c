import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  compileSchema,
  createSchemaAjv,
  type SchemaAjvOptions,
  type SchemaProblem,
} from '../schema/safe-ajv.js';

/**
 * The JSON Schemas of a challenge (input_schema, output_schema) are checked and compiled like the
 * DSL's (schema/safe-ajv: patterns on RE2, caps, `$id` ignored), in strict mode, so a typo in a
 * keyword is an error. `format` is not validated: no format library is installed, and a format the
 * grader ignores must not silently pass or fail cases. Each call gets a fresh Ajv.
 */
const MANIFEST_SCHEMAS: SchemaAjvOptions = { strict: true, validateFormats: false };

/** Why `schema` cannot be used (empty when it can), each problem with its path inside the schema. */
export function schemaProblems(schema: Record<string, unknown>): SchemaProblem[] {
  const compiled = compileSchema(schema, createSchemaAjv(MANIFEST_SCHEMAS));
  return compiled.ok ? [] : compiled.problems;
}

/** A compiled validator; the schema was checked when the manifest was read. */
export function compileManifestSchema(schema: Record<string, unknown>): ValidateFunction {
  const compiled = compileSchema(schema, createSchemaAjv(MANIFEST_SCHEMAS));
  if (compiled.ok) return compiled.validate;
  throw new Error(`the schema cannot be compiled: ${compiled.problems[0]!.message}`);
}

/** One ajv error as `at <where>/x/0 (schema #/properties/x/...): must be integer`. */
export function describeSchemaError(root: string, error: ErrorObject): string {
  return `at ${root}${error.instancePath} (schema ${error.schemaPath}): ${error.message ?? 'is not valid'}`;
}
