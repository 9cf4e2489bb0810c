import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { parseDocument } from 'yaml';

/** A problem to mark in the editor and list under it, with 1-based line and column. */
export interface EditorIssue {
  message: string;
  line: number;
  column: number;
  source: 'yaml' | 'server';
  path?: string;
}

/** YAML syntax errors, found in the browser before anything is sent. */
export function yamlSyntaxIssues(text: string): EditorIssue[] {
  if (!text.trim()) return [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.map((error) => {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    return { message: firstLine(error.message), line, column, source: 'yaml' as const };
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

export function toDiagnostic(doc: Text, issue: EditorIssue): Diagnostic {
  const from = offsetOf(doc, issue.line, issue.column);
  const lineEnd = doc.lineAt(from).to;
  // Mark the word at the position (or the rest of the line when there is none).
  const word = /^[^\s:,{}[\]]+/.exec(doc.sliceString(from, lineEnd))?.[0];
  const to = word ? from + word.length : Math.max(lineEnd, from);
  return {
    from,
    to,
    severity: 'error',
    source: issue.source === 'yaml' ? 'YAML' : 'Reps',
    message: issue.path ? `${issue.message} (${issue.path})` : issue.message,
  };
}
