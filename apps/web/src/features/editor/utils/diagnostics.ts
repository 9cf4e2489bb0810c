import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
// The engine's own reading of the file: the browser's YAML problems are the API's, word for word
// and at the same line and column, so the two can be told apart from duplicates.
import { SourceMap } from '../../../../../../packages/engine/src/dsl/source-map';

/** A problem to mark in the editor and list under it, with 1-based line and column. */
export interface EditorIssue {
  message: string;
  line: number;
  column: number;
  /** yaml: the browser's YAML check; server: the API's 422; input: a path the input does not have. */
  source: 'yaml' | 'server' | 'input';
  /** Errors stop a run; warnings only say something looks wrong. Errors when absent. */
  severity?: 'error' | 'warning';
  path?: string;
}

/** YAML syntax errors, found in the browser before anything is sent, at their line and column. */
export function yamlSyntaxIssues(text: string): EditorIssue[] {
  if (!text.trim()) return [];
  return new SourceMap(text).problems.map((p) => ({
    message: p.message,
    line: p.position.line,
    column: p.position.column,
    source: 'yaml' as const,
  }));
}

/** The same problem whoever found it: the place and the message, without a `YAML: ` prefix. */
function problemKey(line: number, column: number, message: string): string {
  return `${line}:${column}:${message.replace(/^YAML:\s*/, '').trim()}`;
}

/**
 * The browser's issues and the API's in one list, each problem once: the same line, column and
 * message (a YAML error both found) is listed once, as the browser's. Issues without a line come
 * last, in their order.
 */
export function mergeIssues(client: EditorIssue[], server: EditorIssue[]): EditorIssue[] {
  const seen = new Set<string>();
  const out: EditorIssue[] = [];
  for (const issue of [...client, ...server]) {
    const key = problemKey(issue.line, issue.column, issue.message);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  const positioned = out.filter((i) => i.line > 0);
  positioned.sort((a, b) => a.line - b.line || a.column - b.column);
  return [...positioned, ...out.filter((i) => i.line <= 0)];
}

/** 1-based line and column of a document offset. */
export function lineColumnOf(doc: Text, offset: number): { line: number; column: number } {
  const line = doc.lineAt(Math.min(Math.max(offset, 0), doc.length));
  return { line: line.number, column: offset - line.from + 1 };
}

/** Document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

export function toDiagnostic(doc: Text, issue: EditorIssue): Diagnostic {
  let from = offsetOf(doc, issue.line, issue.column);
  // At the end of the file or on a blank line (an unclosed bracket is found there), mark the last
  // character written before it, so that the marker can be seen.
  if (!doc.lineAt(from).text.trim()) {
    const before = doc.sliceString(0, from).trimEnd().length;
    if (before > 0) from = before - 1;
  }
  const lineEnd = doc.lineAt(from).to;
  // Mark the word at the position (or the rest of the line when there is none); a warning marks
  // the whole path it is about.
  const pattern = issue.severity === 'warning' ? /^[\w$.[\]"'?]+/ : /^[^\s:,{}[\]]+/;
  const word = pattern.exec(doc.sliceString(from, lineEnd))?.[0];
  const to = word ? from + word.length : Math.max(lineEnd, from);
  return {
    from,
    to,
    severity: issue.severity ?? 'error',
    source: issue.source === 'yaml' ? 'YAML' : issue.source === 'input' ? 'Input' : 'Reps',
    message: issue.path ? `${issue.message} (${issue.path})` : issue.message,
  };
}
