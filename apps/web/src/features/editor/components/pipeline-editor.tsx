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
import { forceLinting, linter, lintGutter } from '@codemirror/lint';
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
import {
  type EditorIssue,
  lineColumnOf,
  mergeIssues,
  offsetOf,
  toDiagnostic,
  yamlSyntaxIssues,
} from '../utils/diagnostics';
import { type InputShape, inputPathWarnings } from '../utils/input-warnings';

export interface PipelineEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Issues from the API's 422 for the last pipeline sent. */
  serverIssues: Issue[];
  models: CompletionData['models'];
  /** The learner's saved skills, offered after `use:`; none when signed out or not loaded yet. */
  skills?: CompletionData['skills'];
  /** The challenge's input schema and public inputs, for warnings about paths the input does not have. */
  inputShape?: InputShape;
  onRun: () => void;
  onSubmit: () => void;
}

/** An issue from the API and the text it marks, kept in step with edits. */
interface ServerMark {
  issue: EditorIssue;
  /** Where the issue is (its line and column); from–to is the text it marks. */
  at: number;
  from: number;
  to: number;
}

const setServerIssues = StateEffect.define<ServerMark[]>();

/**
 * The API's issues with the text they mark, moved with the text as it is edited; editing the
 * marked text drops the issue, since the server's verdict no longer applies to it.
 */
const serverMarks = StateField.define<ServerMark[]>({
  create: () => [],
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setServerIssues)) return effect.value;
    if (!tr.docChanged || value.length === 0) return value;
    return value
      .filter((m) => !tr.changes.touchesRange(m.from, m.to))
      .map((m) => ({
        ...m,
        at: tr.changes.mapPos(m.at),
        from: tr.changes.mapPos(m.from),
        to: tr.changes.mapPos(m.to, 1),
      }));
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

const NO_SKILLS: CompletionData['skills'] = [];

/** The pipeline editor: CodeMirror 6 with YAML, lint markers, completions and run/submit keys. */
export default function PipelineEditor({
  value,
  onChange,
  serverIssues,
  models,
  skills = NO_SKILLS,
  inputShape,
  onRun,
  onSubmit,
}: PipelineEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun, onSubmit });
  callbacks.current = { onChange, onRun, onSubmit };
  const completionData = useRef<CompletionData>({ models, skills });
  completionData.current.models = models;
  completionData.current.skills = skills;
  const shape = useRef(inputShape);
  shape.current = inputShape;
  /** The browser's and the server's positioned issues, merged: what the markers show. */
  const [marked, setMarked] = useState<EditorIssue[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is created once; later values flow in below.
  useEffect(() => {
    const syntaxLinter = linter(
      (v) => {
        const doc = v.state.doc;
        const text = doc.toString();
        const syntax = yamlSyntaxIssues(text);
        const warnings = syntax.length === 0 && shape.current ? inputPathWarnings(text, shape.current) : [];
        // The server's issues where their text is now, so that one found by both shows once.
        const server = v.state.field(serverMarks).map((m) => ({ ...m.issue, ...lineColumnOf(doc, m.at) }));
        // Every position as the document reads it (a column past its line's end is clamped).
        const here = (i: EditorIssue) => ({ ...i, ...lineColumnOf(doc, offsetOf(doc, i.line, i.column)) });
        const issues = mergeIssues([...syntax, ...warnings].map(here), server);
        setMarked((old) => (JSON.stringify(old) === JSON.stringify(issues) ? old : issues));
        return issues.map((i) => toDiagnostic(doc, i));
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
          serverMarks,
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
    const marks = serverIssues
      .filter((i) => i.line !== undefined)
      .map((i) => {
        const issue: EditorIssue = {
          message: i.message,
          line: i.line!,
          column: i.column ?? 1,
          source: 'server',
          path: i.path,
        };
        const { from, to } = toDiagnostic(editor.state.doc, issue);
        return { issue, at: offsetOf(editor.state.doc, issue.line, issue.column), from, to };
      });
    editor.dispatch({ effects: setServerIssues.of(marks) });
    forceLinting(editor);
  }, [serverIssues]);

  // New public inputs or schema (another challenge version): check the paths again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the linter reads the shape from a ref; a new one is the trigger.
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [inputShape]);

  const jumpTo = (line: number, column: number) => {
    const editor = view.current;
    if (!editor) return;
    const pos = offsetOf(editor.state.doc, line, column);
    editor.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    editor.focus();
  };

  const listed: EditorIssue[] = [
    ...marked,
    ...serverIssues
      .filter((i) => i.line === undefined)
      .map((i) => ({ message: i.message, line: 0, column: 0, source: 'server' as const, path: i.path })),
  ];

  return (
    <div className="editor">
      <div ref={host} className="editor__host" />
      {listed.length > 0 && (
        <ul className="editor__issues" aria-label="Problems in the pipeline">
          {listed.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues are replaced as a whole
            <li key={i} className={issue.severity === 'warning' ? 'editor__issue--warning' : undefined}>
              <span className="editor__issue-source">
                {issue.source === 'yaml' ? 'YAML' : issue.source === 'input' ? 'Warning' : 'Pipeline'}
              </span>
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
