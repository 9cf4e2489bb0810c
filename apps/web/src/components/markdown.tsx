import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * Markdown from instructors (challenge briefs) and the docs, rendered to HTML and sanitised:
 * a brief is authored content, not trusted markup.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(
    () => DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }) as string),
    [source],
  );
  return (
    <div
      className={`prose${className ? ` ${className}` : ''}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
