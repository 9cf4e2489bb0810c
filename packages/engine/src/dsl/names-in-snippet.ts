import { freeNames, type NameUse } from './free-names.js';
import { parseSnippet } from './js-parse.js';
import type { Snippet } from './step-parts.js';
import { parseTemplate } from './template.js';

/**
 * Free names used by a snippet, with offsets in the snippet's string (templates: all `{{ }}` parts).
 * Code that does not parse uses no names here; the checker reports its syntax error instead.
 */
export function namesInSnippet(snippet: Snippet): NameUse[] {
  if (snippet.kind !== 'template') return namesIn(snippet.text, snippet.kind, 0);
  const parsed = parseTemplate(snippet.text);
  if (!parsed.ok) return [];
  return parsed.parts.flatMap((part) =>
    'expression' in part ? namesIn(part.expression, 'expression', part.offset) : [],
  );
}

function namesIn(code: string, kind: 'expression' | 'body', base: number): NameUse[] {
  const parsed = parseSnippet(code, kind);
  if (!parsed.ok) return [];
  return freeNames(parsed.ast).map((use) => ({ name: use.name, offset: use.offset + base }));
}
