import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipelineSchema, STEP_ERROR_CODES, STEP_KINDS, stepSchemasByKind } from '@reps/shared';
import type { z } from 'zod';
import { parsePipeline } from './parse-pipeline.js';

// docs/dsl.md is the DSL reference learners read (also served by the web app): it must name every
// key the schema accepts and show a pipeline that parses, so it cannot drift from the schema.
const doc = readFileSync(join(process.cwd(), 'docs/dsl.md'), 'utf8');
const keysOf = (schema: z.ZodType) => Object.keys((schema as unknown as z.ZodObject).shape ?? {});

describe('docs/dsl.md', () => {
  it('documents every step kind, every key of every step and of the document, and every error code', () => {
    const keys = new Set<string>([...keysOf(pipelineSchema), ...STEP_KINDS, ...STEP_ERROR_CODES]);
    for (const kind of STEP_KINDS) for (const key of keysOf(stepSchemasByKind[kind])) keys.add(key);
    const missing = [...keys].filter((key) => !doc.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('shows an example that parses', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = parsePipeline(example, { knownModels: (id) => id.startsWith('sim-') });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
