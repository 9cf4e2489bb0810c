import { type Challenge, challengeSchema, type Issue, RepsError } from '@reps/shared';
import { type Path, SourceMap } from '../dsl/source-map.js';
import { locateZodIssue } from '../dsl/zod-issues.js';
import { checkScorerParams } from '../scorers/registry.js';
import { schemaProblems } from './json-schemas.js';

/** Keys allowed at each mapping of the manifest, for "did you mean" hints on unknown keys. */
const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(challengeSchema.shape),
  budget: Object.keys(challengeSchema.shape.budget.shape),
  scoring: Object.keys(challengeSchema.shape.scoring.shape),
  cases: Object.keys(challengeSchema.shape.cases.shape),
};

/**
 * Parses challenge.yaml: YAML syntax, the manifest schema, the input and output JSON Schemas (ajv)
 * and the scorer's params. Every problem carries `file:line:col`; all are reported at once in one
 * RepsError (validation_failed) so an author fixes them in one pass.
 */
export function readManifest(source: string, file: string): Challenge {
  const map = new SourceMap(source);
  const located = (issues: Issue[]) =>
    new RepsError(
      'validation_failed',
      `${file} is not a valid challenge manifest:\n${issues.map((i) => `  ${file}:${i.line}:${i.column}: ${i.message}`).join('\n')}`,
      issues,
    );
  if (map.problems.length)
    throw located(
      map.problems.map((p) => ({ code: 'validation_failed', message: p.message, ...p.position })),
    );
  const parsed = challengeSchema.safeParse(map.data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) =>
      locateZodIssue(issue, [], map, (relative) => ALLOWED_KEYS[relative.join('.')]).map((l) =>
        issueAt(l.path, l.message, l.position),
      ),
    );
    throw located(issues);
  }
  const manifest = parsed.data;
  const issues = [
    ...schemaIssues(map, 'input_schema', manifest.input_schema),
    ...schemaIssues(map, 'output_schema', manifest.output_schema),
    ...checkScorerParams(manifest.scoring).map((i) => {
      const path = i.path!.split('.');
      return issueAt(path, i.message, map.valueAt(path));
    }),
  ];
  if (issues.length) throw located(issues);
  return manifest;
}

/** The problems of one of the manifest's JSON Schemas, at their line and column in the file. */
function schemaIssues(map: SourceMap, field: string, schema: Record<string, unknown>): Issue[] {
  return schemaProblems(schema).map((p) => {
    const path = [field, ...p.path];
    return issueAt(path, `${field}: ${p.message}`, p.key ? map.keyAt(path) : map.valueAt(path));
  });
}

function issueAt(path: Path, message: string, position: { line: number; column: number }): Issue {
  return {
    code: 'validation_failed',
    message,
    path: path.join('.'),
    line: position.line,
    column: position.column,
  };
}
