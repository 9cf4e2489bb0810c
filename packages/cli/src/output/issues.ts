import type { Issue } from '@reps/shared';

/**
 * `file:line:col code message`, the form editors and CI annotators pick up. An issue without a
 * position points at the file's start rather than being dropped.
 */
export function formatIssue(file: string, issue: Issue): string {
  const message = issue.message.replace(/\s*\n\s*/g, ' ');
  return `${file}:${issue.line ?? 1}:${issue.column ?? 1} ${issue.code} ${message}\n`;
}
