import { type Issue, type Pipeline, pipelineSchema } from '@reps/shared';
import { allowedPipelineKeys, type SkillResolver, StepChecker } from './check-steps.js';
import { type BlockGraph, blockGraph } from './dependency-graph.js';
import type { SchemaBudget } from './schema-budget.js';
import { SourceMap } from './source-map.js';
import { isObject, nestedBlocks } from './step-parts.js';
import { type Located, locateZodIssue } from './zod-issues.js';

export interface ParseOptions {
  /** True when a model id may be used (the challenge's allowed models); unchecked when absent. */
  knownModels?: (id: string) => boolean;
  /** Resolves `use:` skills by name; unchecked when absent. */
  skills?: SkillResolver;
  /** The schema budget to count into (a skill library's, shared with its skills); a fresh one by default. */
  schemaBudget?: SchemaBudget;
}

export type ParseResult =
  | { ok: true; pipeline: Pipeline; graph: BlockGraph }
  | { ok: false; issues: Issue[] };

/** Past this many problems the rest are noise; the learner fixes these first. */
const MAX_ISSUES = 200;

/**
 * The largest pipeline accepted, and the most steps it may hold (nested ones included): far past
 * any real pipeline, and small enough that checking one stays quick wherever it is parsed (the
 * API parses on its request thread).
 */
export const MAX_PIPELINE_BYTES = 256 * 1024;
export const MAX_PIPELINE_STEPS = 500;

/**
 * Parses a pipeline written in YAML or JSON and checks everything that can be checked before a
 * run (docs/dsl.md, "Errors before anything runs"): the schema, ids and references, cycles,
 * models, templates, the syntax and free names of expressions and code (parsed, never run) and
 * JSON Schemas. Reports every problem with its line and column; never throws.
 */
export function parsePipeline(source: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(source, options);
  } catch (error) {
    // A checker bug must not take the editor or the worker down; say so instead.
    return fail([
      {
        path: [],
        message: `the pipeline could not be checked: ${(error as Error).message}`,
        position: { line: 1, column: 1 },
      },
    ]);
  }
}

function parse(source: string, options: ParseOptions): ParseResult {
  if (source.length > MAX_PIPELINE_BYTES)
    return fail([
      {
        path: [],
        message: `the pipeline is ${Math.ceil(source.length / 1024)} KiB; at most ${MAX_PIPELINE_BYTES / 1024} KiB is accepted`,
        position: { line: 1, column: 1 },
      },
    ]);
  const map = new SourceMap(source);
  if (map.problems.length)
    return fail(map.problems.map((p) => ({ path: [], message: p.message, position: p.position })));
  const data = map.data;
  if (data === undefined || data === null)
    return fail([
      {
        path: [],
        message: 'the file is empty; a pipeline needs a name and steps',
        position: { line: 1, column: 1 },
      },
    ]);
  if (!isObject(data))
    return fail([
      {
        path: [],
        message:
          'a pipeline must be a mapping with a name and steps (and optionally description, budget, inputs)',
        position: map.valueAt([]),
      },
    ]);

  const steps = countSteps(data.steps);
  if (steps > MAX_PIPELINE_STEPS)
    return fail([
      {
        path: ['steps'],
        message: `the pipeline has ${steps} steps (nested ones included); at most ${MAX_PIPELINE_STEPS} are accepted`,
        position: map.keyAt(['steps']) ?? { line: 1, column: 1 },
      },
    ]);

  const problems: Located[] = [];
  const parsed = pipelineSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Steps are checked one by one below, with messages for their kind.
      if (issue.path[0] === 'steps' && issue.path.length >= 2) continue;
      problems.push(...locateZodIssue(issue, [], map, allowedPipelineKeys));
    }
  }
  if (Array.isArray(data.steps)) {
    const checker = new StepChecker(map, options);
    checker.check(data.steps);
    problems.push(...checker.problems);
  }
  if (problems.length || !parsed.success) return fail(problems);
  return { ok: true, pipeline: parsed.data, graph: blockGraph(parsed.data.steps) };
}

/** Steps at every depth, counted without recursion (a document can nest deeply). */
function countSteps(steps: unknown): number {
  let count = 0;
  const pending: unknown[][] = Array.isArray(steps) ? [steps] : [];
  while (pending.length && count <= MAX_PIPELINE_STEPS) {
    const block = pending.pop()!;
    count += block.length;
    block.forEach((step, i) => {
      for (const nested of nestedBlocks(step, [i])) pending.push(nested.steps);
    });
  }
  return count;
}

function fail(problems: Located[]): ParseResult {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  const sorted = [...problems].sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  );
  for (const problem of sorted) {
    const path = problem.path.join('.');
    const key = `${path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({
      code: 'invalid_pipeline',
      message: problem.message,
      path,
      line: problem.position.line,
      column: problem.position.column,
    });
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length === 0)
    issues.push({
      code: 'invalid_pipeline',
      message: 'the pipeline is not valid',
      path: '',
      line: 1,
      column: 1,
    });
  return { ok: false, issues };
}
