import type { ChallengeDetail, Issue, RunView } from '@reps/shared';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, Suspense, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { ProgressBar } from '../../../components/progress-bar';
import { ApiError } from '../../../lib/api-client';

/** Wide enough for the graph to sit beside the editor: there it starts open, elsewhere closed. */
const WIDE_SCREEN = '(min-width: 1100px)';

/** The learner's pipeline text and its saved state (the editor feature's `useDraft`). */
export interface WorkbenchDraft {
  value: string;
  setValue: (value: string) => void;
  reset: () => void;
  savedAt: number | null;
  isStarter: boolean;
}

/** What the editor slot is given: the text, the server's issues and the two shortcuts. */
export interface EditorSlotProps {
  value: string;
  onChange: (value: string) => void;
  serverIssues: Issue[];
  onRun: () => void;
  onSubmit: () => void;
}

export interface WorkbenchProps {
  challenge: ChallengeDetail;
  draft: WorkbenchDraft;
  run: UseMutationResult<RunView, Error, string>;
  submit: UseMutationResult<{ id: string; status: 'queued' }, Error, string>;
  /** The other features, composed by the page: the workbench imports none of them. */
  slots: {
    editor: (props: EditorSlotProps) => ReactNode;
    graph: (text: string) => ReactNode;
    /** Extra controls beside Run and Submit (inserting a saved skill). */
    tools?: ReactNode;
    runResult: (result: NonNullable<RunView['result']>) => ReactNode;
    submission: (id: string) => ReactNode;
    submissions: (selected: string | null, onSelect: (id: string) => void) => ReactNode;
  };
}

function issuesOf(error: unknown): Issue[] {
  return error instanceof ApiError && error.code === 'invalid_pipeline' ? error.issues : [];
}

/**
 * The workbench: the editor beside the pipeline graph, running on the examples and submitting,
 * then the run's or the chosen submission's results and the learner's submissions. The submission
 * shown is in the address (`?submission=`), so a reload or a shared link keeps it.
 */
export function Workbench({ challenge, draft, run, submit, slots }: WorkbenchProps) {
  const [params, setParams] = useSearchParams();
  const submissionId = params.get('submission');
  const [shown, setShown] = useState<'run' | 'submission' | null>(submissionId ? 'submission' : null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [graphOpen, setGraphOpen] = useState(() => window.matchMedia?.(WIDE_SCREEN).matches ?? false);

  const showSubmission = useCallback(
    (id: string) => {
      const next = new URLSearchParams(params);
      next.set('submission', id);
      setParams(next, { replace: true });
      setShown('submission');
    },
    [params, setParams],
  );

  const doRun = useCallback(() => {
    if (run.isPending) return;
    setShown('run');
    run.mutate(draft.value, {
      onSuccess: () => setIssues([]),
      onError: (error) => setIssues(issuesOf(error)),
    });
  }, [run, draft.value]);

  const doSubmit = useCallback(() => {
    if (submit.isPending) return;
    submit.mutate(draft.value, {
      onSuccess: ({ id }) => {
        setIssues([]);
        showSubmission(id);
      },
      onError: (error) => setIssues(issuesOf(error)),
    });
  }, [submit, draft.value, showSubmission]);

  const runError = run.error && issuesOf(run.error).length === 0 ? run.error : null;
  const submitError = submit.error && issuesOf(submit.error).length === 0 ? submit.error : null;
  const runView = run.data;

  return (
    <>
      <section className="panel workbench" aria-labelledby="workbench-title">
        <div className="workbench__head">
          <div>
            <h2 id="workbench-title">Your pipeline</h2>
            <p className="muted small">
              YAML · completions with Ctrl-Space · <kbd>Ctrl/⌘</kbd>+<kbd>Enter</kbd> runs on the examples ·{' '}
              <kbd>Ctrl/⌘</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> submits
            </p>
          </div>
          <div className="workbench__actions">
            <span className="muted small" aria-live="polite">
              {draft.isStarter
                ? challenge.baseline_pipeline
                  ? 'The baseline'
                  : 'Starter template'
                : draft.savedAt
                  ? 'Draft saved'
                  : 'Draft'}
            </span>
            <button
              type="button"
              className="button button--ghost"
              disabled={draft.isStarter}
              onClick={() => {
                if (
                  window.confirm(
                    `Replace your draft with ${challenge.baseline_pipeline ? 'the baseline' : 'the starter template'}?`,
                  )
                )
                  draft.reset();
              }}
            >
              {challenge.baseline_pipeline ? 'Start from the baseline' : 'Reset to starter'}
            </button>
            {slots.tools}
            <button
              type="button"
              className="button button--secondary"
              onClick={doRun}
              disabled={run.isPending}
            >
              {run.isPending ? 'Running…' : 'Run on examples'}
            </button>
            <button type="button" className="button" onClick={doSubmit} disabled={submit.isPending}>
              {submit.isPending ? 'Submitting…' : 'Submit'}
            </button>
          </div>
        </div>
        <div className={`workbench__body${graphOpen ? ' workbench__body--graph' : ''}`}>
          <div className="workbench__editor">
            <Suspense
              fallback={
                <div
                  className="editor-skeleton"
                  role="status"
                  aria-busy="true"
                  aria-label="Loading the editor"
                />
              }
            >
              {slots.editor({
                value: draft.value,
                onChange: draft.setValue,
                serverIssues: issues,
                onRun: doRun,
                onSubmit: doSubmit,
              })}
            </Suspense>
            {issues.length > 0 && (
              <p className="form-error" role="alert">
                The pipeline is not valid: {issues.length} {issues.length === 1 ? 'problem' : 'problems'}{' '}
                marked above.
              </p>
            )}
          </div>
          <section className="graph-panel" aria-labelledby="graph-title">
            <div className="graph-panel__head">
              <h3 id="graph-title">Pipeline graph</h3>
              <button
                type="button"
                className="link-button"
                aria-expanded={graphOpen}
                aria-controls="graph-body"
                onClick={() => setGraphOpen((open) => !open)}
              >
                {graphOpen ? 'Hide' : 'Show'}
              </button>
            </div>
            {graphOpen && (
              <div id="graph-body" className="graph-panel__body">
                <Suspense
                  fallback={
                    <div
                      className="pipeline-graph__skeleton"
                      role="status"
                      aria-busy="true"
                      aria-label="Loading the graph"
                    />
                  }
                >
                  {slots.graph(draft.value)}
                </Suspense>
              </div>
            )}
          </section>
        </div>
        {submitError && <ErrorState title="The submission was not accepted" error={submitError} />}
      </section>

      {shown === 'run' && (
        <section className="panel" aria-labelledby="run-title">
          <h2 id="run-title">Run on the public examples</h2>
          {run.isPending && <ProgressBar label={`Running on ${challenge.cases.public} public examples…`} />}
          {runError && <ErrorState title="The run did not start" error={runError} onRetry={doRun} />}
          {runView && !run.isPending && runView.status !== 'done' && (
            <div className="form-error" role="alert">
              The run {runView.status === 'failed' ? 'failed' : 'could not finish'}:{' '}
              {runView.error ? (
                <>
                  <code>{runView.error.code}</code> {runView.error.message}
                </>
              ) : (
                'no detail was recorded.'
              )}
            </div>
          )}
          {runView?.status === 'done' && !run.isPending && runView.result && slots.runResult(runView.result)}
        </section>
      )}

      {shown === 'submission' && submissionId && slots.submission(submissionId)}

      <section className="panel" aria-labelledby="mine-title">
        <h2 id="mine-title">My submissions</h2>
        {slots.submissions(shown === 'submission' ? submissionId : null, showSubmission)}
      </section>
    </>
  );
}
