import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * Markdown from instructors (challenge briefs) and the docs, rendered to HTML and sanitised:
 * a brief is authored content, not trusted markup. `headingOffset` demotes headings so a brief's
 * `#` fits under the page's own title.
 */
export function Markdown({
  source,
  className,
  headingOffset = 0,
}: {
  source: string;
  className?: string;
  headingOffset?: number;
}) {
  const html = useMemo(() => {
    const clean = DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }) as string);
    if (!headingOffset) return clean;
    return clean.replace(
      /<(\/?)h([1-6])(?=[\s>])/g,
      (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + headingOffset)}`,
    );
  }, [source, headingOffset]);
  return (
    <div
      className={`prose${className ? ` ${className}` : ''}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
