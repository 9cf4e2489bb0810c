import type { Ajv } from 'ajv';
import { compileSchema, createSchemaAjv, type SchemaCompilation, schemaSizeProblem } from './safe-ajv.js';
import { stableStringify } from './stable-stringify.js';

/**
 * The compiled JSON Schemas of one pipeline, in an Ajv of its own: each distinct schema (by its
 * canonical JSON) is compiled once for all the cases of a grading, and everything goes when the
 * pipeline does. Nothing is shared between pipelines, so nothing accumulates across learners.
 */
export class PipelineSchemas {
  private ajv: Ajv | undefined;
  private readonly byObject = new WeakMap<object, SchemaCompilation>();
  private readonly byJson = new Map<string, SchemaCompilation>();

  /** The validator of `schema`, or why it is refused. */
  compile(schema: unknown): SchemaCompilation {
    const isObject = typeof schema === 'object' && schema !== null;
    const known = isObject ? this.byObject.get(schema) : undefined;
    if (known) return known;
    const compiled = this.compileByJson(schema);
    if (isObject) this.byObject.set(schema, compiled);
    return compiled;
  }

  private compileByJson(schema: unknown): SchemaCompilation {
    // The canonical text of a schema too deep or too large is never built: it is refused at once.
    const tooBig = typeof schema === 'object' && schema !== null ? schemaSizeProblem(schema) : undefined;
    if (tooBig) return { ok: false, problems: [tooBig] };
    const key = stableStringify(schema);
    let compiled = this.byJson.get(key);
    if (!compiled) {
      this.ajv ??= createSchemaAjv();
      compiled = compileSchema(schema, this.ajv);
      this.byJson.set(key, compiled);
    }
    return compiled;
  }
}

const byPipeline = new WeakMap<object, PipelineSchemas>();

/** The schemas of `pipeline` (a parsed Pipeline), created on first use and dropped with it. */
export function pipelineSchemas(pipeline: object): PipelineSchemas {
  let schemas = byPipeline.get(pipeline);
  if (!schemas) {
    schemas = new PipelineSchemas();
    byPipeline.set(pipeline, schemas);
  }
  return schemas;
}
