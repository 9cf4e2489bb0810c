import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import type { Issue } from '@reps/shared';
import { useEffect, useRef, useState } from 'react';
import { type CompletionData, pipelineCompletions } from '../utils/completions';
import { type EditorIssue, offsetOf, toDiagnostic, yamlSyntaxIssues } from '../utils/diagnostics';

export interface PipelineEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Issues from the API's 422 for the last pipeline sent. */
  serverIssues: Issue[];
  models: CompletionData['models'];
  onRun: () => void;
  onSubmit: () => void;
}

const setServerIssues = StateEffect.define<Diagnostic[]>();

/**
 * The API's issues as diagnostics that move with the text as it is edited; editing the marked
 * text drops its marker, since the server's verdict no longer applies to it.
 */
const serverDiagnostics = StateField.define<Diagnostic[]>({
  create: () => [],
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setServerIssues)) return effect.value;
    if (!tr.docChanged || value.length === 0) return value;
    return value
      .filter((d) => !tr.changes.touchesRange(d.from, d.to))
      .map((d) => ({ ...d, from: tr.changes.mapPos(d.from), to: tr.changes.mapPos(d.to, 1) }));
  },
});

const theme = EditorView.theme({
  '&': { fontSize: '13.5px', border: '1px solid #cbd5e1', borderRadius: '8px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid #93c5fd', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    minHeight: '340px',
    maxHeight: '560px',
    lineHeight: '1.55',
  },
  '.cm-gutters': { background: '#f8fafc', borderRight: '1px solid #e5e7eb', color: '#94a3b8' },
  '.cm-activeLine': { background: '#f1f5f9' },
  '.cm-activeLineGutter': { background: '#e2e8f0' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: '#1d4ed8' },
});

/** The pipeline editor: CodeMirror 6 with YAML, lint markers, completions and run/submit keys. */
export default function PipelineEditor({
  value,
  onChange,
  serverIssues,
  models,
  onRun,
  onSubmit,
}: PipelineEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun, onSubmit });
  callbacks.current = { onChange, onRun, onSubmit };
  const completionData = useRef<CompletionData>({ models });
  completionData.current.models = models;
  const [syntaxIssues, setSyntaxIssues] = useState<EditorIssue[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is created once; later values flow in below.
  useEffect(() => {
    const syntaxLinter = linter(
      (v) => {
        const issues = yamlSyntaxIssues(v.state.doc.toString());
        setSyntaxIssues((old) => (JSON.stringify(old) === JSON.stringify(issues) ? old : issues));
        return [...issues.map((i) => toDiagnostic(v.state.doc, i)), ...v.state.field(serverDiagnostics)];
      },
      {
        delay: 300,
        // New issues from the server need a fresh lint even when the text did not change.
        needsRefresh: (update) =>
          update.transactions.some((tr) => tr.effects.some((e) => e.is(setServerIssues))),
      },
    );
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          EditorState.tabSize.of(2),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          serverDiagnostics,
          syntaxLinter,
          lintGutter(),
          autocompletion({ override: [(ctx) => pipelineCompletions(completionData.current)(ctx)] }),
          placeholder('name: my-pipeline\nbudget: { max_calls: 5 }\nsteps:\n  - id: …'),
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  callbacks.current.onRun();
                  return true;
                },
              },
              {
                key: 'Shift-Mod-Enter',
                run: () => {
                  callbacks.current.onSubmit();
                  return true;
                },
              },
            ]),
          ),
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...completionKeymap,
            indentWithTab,
          ]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Pipeline (YAML)' }),
          theme,
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A value set from outside (reset to the starter, a draft from another tab) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const positioned = serverIssues.filter((i) => i.line !== undefined);
    const diagnostics = positioned.map((i) =>
      toDiagnostic(editor.state.doc, {
        message: i.message,
        line: i.line!,
        column: i.column ?? 1,
        source: 'server',
        path: i.path,
      }),
    );
    editor.dispatch({ effects: setServerIssues.of(diagnostics) });
    forceLinting(editor);
  }, [serverIssues]);

  const jumpTo = (line: number, column: number) => {
    const editor = view.current;
    if (!editor) return;
    const pos = offsetOf(editor.state.doc, line, column);
    editor.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    editor.focus();
  };

  const listed: EditorIssue[] = [
    ...syntaxIssues,
    ...serverIssues.map((i) => ({
      message: i.message,
      line: i.line ?? 0,
      column: i.column ?? 0,
      source: 'server' as const,
      path: i.path,
    })),
  ];

  return (
    <div className="editor">
      <div ref={host} className="editor__host" />
      {listed.length > 0 && (
        <ul className="editor__issues" aria-label="Problems in the pipeline">
          {listed.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues are replaced as a whole
            <li key={i}>
              <span className="editor__issue-source">{issue.source === 'yaml' ? 'YAML' : 'Pipeline'}</span>
              {issue.line > 0 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => jumpTo(issue.line, issue.column)}
                >
                  Line {issue.line}, column {issue.column}
                </button>
              ) : (
                <span className="muted">{issue.path ?? 'pipeline'}</span>
              )}
              <span className="editor__issue-message">{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
