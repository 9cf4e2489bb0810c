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
    ...schemaProblems(manifest.input_schema).map((p) =>
      issueAt(
        ['input_schema', ...p.path],
        `input_schema ${p.message}`,
        map.valueAt(['input_schema', ...p.path]),
      ),
    ),
    ...schemaProblems(manifest.output_schema).map((p) =>
      issueAt(
        ['output_schema', ...p.path],
        `output_schema ${p.message}`,
        map.valueAt(['output_schema', ...p.path]),
      ),
    ),
    ...checkScorerParams(manifest.scoring).map((i) => {
      const path = i.path!.split('.');
      return issueAt(path, i.message, map.valueAt(path));
    }),
  ];
  if (issues.length) throw located(issues);
  return manifest;
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
