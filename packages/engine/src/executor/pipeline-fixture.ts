import type { Pipeline } from '@reps/shared';
import { parsePipeline } from '../dsl/parse-pipeline.js';

/** Parses YAML in tests and fails loudly with the issues (tests only). */
export function pipeline(yaml: string): Pipeline {
  const result = parsePipeline(yaml);
  if (!result.ok)
    throw new Error(
      `invalid test pipeline:\n${result.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n')}`,
    );
  return result.pipeline;
}
