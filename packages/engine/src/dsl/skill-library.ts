import type { Issue, Pipeline } from '@reps/shared';
import type { SkillResolver } from './check-steps.js';
import { parsePipeline } from './parse-pipeline.js';
import { SchemaBudget } from './schema-budget.js';

/** `name` or `name@version`, as a `use:` step writes it. */
export const SKILL_REF = /^([a-z][a-z0-9-]{1,39})(?:@([1-9][0-9]*))?$/;

/**
 * A resolver over skill sources keyed `name` (latest) and `name@version`. A skill is itself a
 * pipeline (with `inputs`); skills do not use other skills, so one level is all there is. Each
 * source is parsed once, on first use.
 */
export function skillLibrary(
  sources: Record<string, string>,
  knownModels?: (id: string) => boolean,
): SkillResolver {
  const parsed = new Map<string, Pipeline | undefined>();
  const problems = new Map<string, Issue[]>();
  // One budget for the skills and the pipeline that uses them (check-steps takes it from here).
  const schemaBudget = new SchemaBudget();
  const resolve = (ref: string) => {
    if (!parsed.has(ref)) {
      const source = sources[ref];
      const result = source === undefined ? undefined : parsePipeline(source, { knownModels, schemaBudget });
      parsed.set(ref, result?.ok ? result.pipeline : undefined);
      if (result && !result.ok) problems.set(ref, result.issues);
    }
    return parsed.get(ref);
  };
  return Object.assign(resolve, { problems: (ref: string) => problems.get(ref), schemaBudget });
}

/** Problems that make a pipeline unfit to be saved as a skill (beyond being a valid pipeline). */
export function skillProblems(source: string, knownModels?: (id: string) => boolean): Issue[] {
  const result = parsePipeline(source, { knownModels });
  if (!result.ok) return result.issues;
  const issues: Issue[] = [];
  if (!result.pipeline.inputs) {
    issues.push({
      code: 'invalid_pipeline',
      path: 'inputs',
      message: 'a skill declares its inputs (name → JSON Schema) under `inputs`',
    });
  }
  if (JSON.stringify(result.pipeline.steps).includes('"use":')) {
    issues.push({ code: 'invalid_pipeline', path: 'steps', message: 'a skill cannot use another skill' });
  }
  return issues;
}
