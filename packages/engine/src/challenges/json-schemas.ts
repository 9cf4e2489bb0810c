import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * The JSON Schemas of a challenge (input_schema, output_schema) are checked and compiled with ajv
 * in strict mode, like the DSL's output schemas, so a typo in a keyword is an error. `format` is not
 * validated: no format library is installed, and a format the grader ignores must not silently
 * pass or fail cases.
 */
function newAjv(): Ajv {
  return new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: false });
}

export interface SchemaProblem {
  path: string[];
  message: string;
}

/** Why `schema` is not a valid JSON Schema (empty when it is). */
export function schemaProblems(schema: Record<string, unknown>): SchemaProblem[] {
  const ajv = newAjv();
  if (!ajv.validateSchema(schema))
    return (ajv.errors ?? []).map((e) => ({
      path: pointerSegments(e.instancePath),
      message: `is not a valid JSON Schema: ${e.instancePath || '(root)'} ${e.message ?? ''}`.trim(),
    }));
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [
      {
        path: [],
        message: `is not a valid JSON Schema: ${(error as Error).message.replace(/^strict mode: /, '')}`,
      },
    ];
  }
}

/** A compiled validator; the schema was checked when the manifest was read. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return newAjv().compile(schema);
}

/** One ajv error as `at <where>/x/0 (schema #/properties/x/...): must be integer`. */
export function describeSchemaError(root: string, error: ErrorObject): string {
  return `at ${root}${error.instancePath} (schema ${error.schemaPath}): ${error.message ?? 'is not valid'}`;
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
