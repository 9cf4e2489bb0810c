import { freeNames, type NameUse } from './free-names.js';
import type { Snippet } from './step-parts.js';
import { parseTemplate } from './template.js';

/** Free names used by a snippet, with offsets in the snippet's string (templates: all `{{ }}` parts). */
export function namesInSnippet(snippet: Snippet): NameUse[] {
  if (snippet.kind !== 'template') return freeNames(snippet.text);
  const parsed = parseTemplate(snippet.text);
  if (!parsed.ok) return [];
  return parsed.parts.flatMap((part) =>
    'expression' in part
      ? freeNames(part.expression).map((use) => ({ name: use.name, offset: use.offset + part.offset }))
      : [],
  );
}
