import { STEP_KIND_INFO } from 'virtual:step-kinds';
import type { StepKind } from '@reps/shared';

/**
 * What the editor inserts for a step kind: its snippet (STEP_KIND_INFO), later lines indented to
 * the step's column, `$model` replaced by `model`, and where the cursor goes (`$0`, else the end).
 */
export function kindSnippet(kind: StepKind, column: number, model: string): { text: string; cursor: number } {
  const { snippet } = STEP_KIND_INFO[kind];
  const fill = (part: string) => part.replaceAll('$model', model).replaceAll('\n', `\n${' '.repeat(column)}`);
  const at = snippet.indexOf('$0');
  const before = fill(at < 0 ? snippet : snippet.slice(0, at));
  const after = at < 0 ? '' : fill(snippet.slice(at + '$0'.length));
  return { text: before + after, cursor: before.length };
}
