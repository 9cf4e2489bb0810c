/** A prompt template: literal text with `{{ expression }}` parts. */
export type TemplatePart = { text: string } | { expression: string; offset: number };

export interface TemplateProblem {
  message: string;
  /** Offset in the template. */
  offset: number;
}

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; problem: TemplateProblem };

/**
 * Splits a template. A `}}` without an opening `{{` is literal text (JSON examples in prompts end
 * with `}}`); an unclosed `{{` or an empty `{{ }}` is a problem.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      parts.push({ text: template.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: template.slice(i, open) });
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, problem: { message: 'a {{ is never closed with }}', offset: open } };
    const raw = template.slice(open + 2, close);
    if (!raw.trim())
      return { ok: false, problem: { message: 'an empty {{ }} has nothing to insert', offset: open } };
    parts.push({ expression: raw, offset: open + 2 });
    i = close + 2;
  }
  return { ok: true, parts };
}
