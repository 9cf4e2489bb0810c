import type { ChallengeDetail, Issue, Me } from '@reps/shared';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Markdown } from '../../components/markdown';
import { ProgressBar } from '../../components/progress-bar';
import { useMe } from '../../features/auth/api/me';
import { useChallenge } from '../../features/challenge/api/get-challenge';
import { ChallengeHeader } from '../../features/challenge/components/challenge-header';
import { ChallengeSpec } from '../../features/challenge/components/challenge-spec';
import { PublicExamples } from '../../features/challenge/components/public-examples';
import { useDraft } from '../../features/editor/utils/drafts';
import { startingPipeline } from '../../features/editor/utils/starter';
import { ChallengeLeaderboard } from '../../features/leaderboards/components/challenge-leaderboard';
import { useRunPipeline } from '../../features/runs/api/run-pipeline';
import { RunResults } from '../../features/runs/components/run-results';
import type { RunResult } from '../../features/runs/types/run-result';
import { useSkills } from '../../features/skills/api/get-skills';
import { useSubmitPipeline } from '../../features/submissions/api/submit';
import { MySubmissions } from '../../features/submissions/components/my-submissions';
import { SubmissionPanel } from '../../features/submissions/components/submission-panel';
import { ApiError } from '../../lib/api-client';
import { formatPricePerM } from '../../lib/format';

// CodeMirror is the heaviest part of the app: it loads only when a signed-in learner opens a challenge.
const PipelineEditor = lazy(() => import('../../features/editor/components/pipeline-editor'));
// The graph preview (React Flow, and ELK in a chunk of its own) loads only when its panel is open.
const PipelineGraph = lazy(() => import('../../features/pipeline-graph/components/pipeline-graph'));

/** Wide enough for the graph to sit beside the editor: there it starts open, elsewhere closed. */
const WIDE_SCREEN = '(min-width: 1100px)';

/**
 * The challenge page: the brief and its contract, then the workbench (editor, runs on the
 * examples, submissions), the learner's submissions and the leaderboard. Composes the features.
 */
export function ChallengeRoute() {
  const { slug = '' } = useParams();
  const challenge = useChallenge(slug);
  const me = useMe();

  if (challenge.isPending) return <Loading label="Loading the challenge" lines={6} />;
  if (challenge.isError) {
    if (challenge.error instanceof ApiError && challenge.error.status === 404)
      return (
        <div className="empty">
          <h1>No challenge “{slug}”</h1>
          <p>It may have been renamed or unpublished.</p>
          <Link className="button" to="/">
            Back to the challenges
          </Link>
        </div>
      );
    return (
      <ErrorState
        title="The challenge could not be loaded"
        error={challenge.error}
        onRetry={() => challenge.refetch()}
      />
    );
  }
  const c = challenge.data;
  return (
    <div className="challenge">
      <ChallengeHeader challenge={c} />
      <div className="challenge__layout">
        <div className="challenge__main">
          <section className="panel" aria-labelledby="brief-title">
            <h2 id="brief-title">Brief</h2>
            <Markdown source={withoutTitle(c.brief, c.title)} headingOffset={2} />
          </section>
          <section className="panel" aria-labelledby="examples-title">
            <h2 id="examples-title">Public examples</h2>
            <PublicExamples cases={c.public_cases} />
          </section>
        </div>
        <aside className="challenge__aside">
          <ChallengeSpec challenge={c} />
        </aside>
      </div>
      {me.isPending ? (
        <Loading label="Checking your session" lines={2} />
      ) : me.data ? (
        <Workbench key={c.slug} challenge={c} me={me.data} />
      ) : (
        <section className="panel signin-prompt" aria-labelledby="workbench-title">
          <h2 id="workbench-title">Build your pipeline</h2>
          <p>
            Sign in to write a pipeline, run it on the public examples with full traces, and submit it to the
            hidden test set. It is free; your handle names you on the leaderboard.
          </p>
          <p className="signin-prompt__actions">
            <Link className="button" to={`/register?next=${encodeURIComponent(`/c/${slug}`)}`}>
              Create an account
            </Link>
            <Link to={`/login?next=${encodeURIComponent(`/c/${slug}`)}`}>Sign in</Link>
          </p>
        </section>
      )}
      <section className="panel" aria-labelledby="board-title">
        <h2 id="board-title">Leaderboard</h2>
        <ChallengeLeaderboard slug={c.slug} />
      </section>
    </div>
  );
}

/** A brief often opens with the challenge's title, which the page already shows. */
function withoutTitle(brief: string, title: string): string {
  const first = /^\s*#\s+(.+)\n+/.exec(brief);
  return first && first[1]!.trim().toLowerCase() === title.toLowerCase()
    ? brief.slice(first[0].length)
    : brief;
}

function issuesOf(error: unknown): Issue[] {
  return error instanceof ApiError && error.code === 'invalid_pipeline' ? error.issues : [];
}

function Workbench({ challenge, me }: { challenge: ChallengeDetail; me: Me }) {
  const starter = useMemo(() => startingPipeline(challenge), [challenge]);
  const skills = useSkills();
  const draft = useDraft(challenge.slug, starter);
  const run = useRunPipeline(challenge.slug);
  const submit = useSubmitPipeline(challenge.slug);
  const [params, setParams] = useSearchParams();
  const submissionId = params.get('submission');
  const [shown, setShown] = useState<'run' | 'submission' | null>(submissionId ? 'submission' : null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [graphOpen, setGraphOpen] = useState(() => window.matchMedia?.(WIDE_SCREEN).matches ?? false);

  // What the editor checks input paths against: the input schema, and the public inputs where it says nothing.
  const inputShape = useMemo(
    () => ({ schema: challenge.input_schema, examples: challenge.public_cases.map((c) => c.input) }),
    [challenge.input_schema, challenge.public_cases],
  );

  const models = useMemo(
    () =>
      challenge.models.map((m) => ({
        id: m.id,
        detail: `${formatPricePerM(m.input_price_per_m)} / ${formatPricePerM(m.output_price_per_m)} per M`,
      })),
    [challenge.models],
  );

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
            {(skills.data?.items.length ?? 0) > 0 && (
              <select
                className="select"
                aria-label="Insert a saved skill"
                value=""
                onChange={async (e) => {
                  const skill = skills.data?.items.find((s) => s.name === e.target.value);
                  if (!skill) return;
                  // The YAML editing code loads on demand, not with the page.
                  const { appendUseStep } = await import('../../features/editor/utils/use-step');
                  const next = appendUseStep(draft.value, { name: skill.name, source: skill.latest.source });
                  if (next) draft.setValue(next);
                }}
              >
                <option value="">Insert a skill…</option>
                {skills.data?.items.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name} (v{s.latest.version})
                  </option>
                ))}
              </select>
            )}
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
              <PipelineEditor
                value={draft.value}
                onChange={draft.setValue}
                serverIssues={issues}
                models={models}
                inputShape={inputShape}
                onRun={doRun}
                onSubmit={doSubmit}
              />
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
                  <PipelineGraph text={draft.value} />
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
          {runView?.status === 'done' && !run.isPending && (
            <RunResults result={runView.result as RunResult} passMark={challenge.pass_mark} />
          )}
        </section>
      )}

      {shown === 'submission' && submissionId && (
        <SubmissionPanel
          key={submissionId}
          id={submissionId}
          passMark={challenge.pass_mark}
          handle={me.handle}
          renderPublic={(result) => <RunResults result={result as RunResult} />}
        />
      )}

      <section className="panel" aria-labelledby="mine-title">
        <h2 id="mine-title">My submissions</h2>
        <MySubmissions
          slug={challenge.slug}
          selected={shown === 'submission' ? submissionId : null}
          onSelect={showSubmission}
        />
      </section>
    </>
  );
}
