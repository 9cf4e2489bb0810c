import type { ChallengeDetail, Me } from '@reps/shared';
import { lazy, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Markdown } from '../../components/markdown';
import { AttemptsPanel } from '../../features/attempts/components/attempts-panel';
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
import { SolutionsPanel } from '../../features/solutions/components/solutions-panel';
import { useSubmitPipeline } from '../../features/submissions/api/submit';
import { MySubmissions } from '../../features/submissions/components/my-submissions';
import { SubmissionPanel } from '../../features/submissions/components/submission-panel';
import { Workbench } from '../../features/workbench/components/workbench';
import { ApiError } from '../../lib/api-client';
import { formatPricePerM } from '../../lib/format';

// CodeMirror is the heaviest part of the app: it loads only when a signed-in learner opens a challenge.
const PipelineEditor = lazy(() => import('../../features/editor/components/pipeline-editor'));
// The graph preview (React Flow, and ELK in a chunk of its own) loads only when its panel is open.
const PipelineGraph = lazy(() => import('../../features/pipeline-graph/components/pipeline-graph'));

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
        <LearnerWorkbench key={c.slug} challenge={c} me={me.data} />
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
      {/* Slot: what comes after a pass (solutions, the next challenge) goes here, above the board. */}
      <SolutionsPanel slug={c.slug} signedIn={Boolean(me.data)} />
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

/** The workbench with the features it is made of: editor, graph, skills, runs and submissions. */
function LearnerWorkbench({ challenge, me }: { challenge: ChallengeDetail; me: Me }) {
  const starter = useMemo(() => startingPipeline(challenge), [challenge]);
  const draft = useDraft(challenge.slug, starter);
  const run = useRunPipeline(challenge.slug);
  const submit = useSubmitPipeline(challenge.slug);

  // What the editor checks input paths against: the input schema, and the public inputs where it says nothing.
  const inputShape = useMemo(
    () => ({ schema: challenge.input_schema, examples: challenge.public_cases.map((c) => c.input) }),
    [challenge.input_schema, challenge.public_cases],
  );

  // Skills for `use:` completions (a step's or an agent tool's).
  const savedSkills = useSkills();
  const skills = useMemo(
    () =>
      (savedSkills.data?.items ?? []).map((s) => ({
        name: s.name,
        detail: s.latest.description ?? `v${s.latest.version}`,
      })),
    [savedSkills.data],
  );

  const models = useMemo(
    () =>
      challenge.models.map((m) => ({
        id: m.id,
        detail: `${formatPricePerM(m.input_price_per_m)} / ${formatPricePerM(m.output_price_per_m)} per M`,
      })),
    [challenge.models],
  );

  return (
    <>
      <Workbench
        challenge={challenge}
        draft={draft}
        run={run}
        submit={submit}
        slots={{
          editor: (props) => (
            <PipelineEditor {...props} models={models} skills={skills} inputShape={inputShape} />
          ),
          graph: (text) => <PipelineGraph text={text} />,
          tools: <InsertSkill draft={draft.value} onInsert={draft.setValue} />,
          runResult: (result) => <RunResults result={result} passMark={challenge.pass_mark} />,
          submission: (id) => (
            <SubmissionPanel
              key={id}
              id={id}
              passMark={challenge.pass_mark}
              handle={me.handle}
              renderPublic={(result) => <RunResults result={result as RunResult} />}
            />
          ),
          submissions: (selected, onSelect) => (
            <MySubmissions slug={challenge.slug} selected={selected} onSelect={onSelect} />
          ),
        }}
      />
      <section className="panel" aria-labelledby="attempts-title">
        <h2 id="attempts-title">Attempts</h2>
        <AttemptsPanel
          slug={challenge.slug}
          draft={draft.value}
          onOpen={(pipeline) => {
            draft.setValue(pipeline);
            document.getElementById('workbench-title')?.scrollIntoView({ behavior: 'smooth' });
          }}
        />
      </section>
    </>
  );
}

/** A menu of the learner's saved skills: choosing one appends a `use` step to the draft. */
function InsertSkill({ draft, onInsert }: { draft: string; onInsert: (next: string) => void }) {
  const skills = useSkills();
  if ((skills.data?.items.length ?? 0) === 0) return null;
  return (
    <select
      className="select"
      aria-label="Insert a saved skill"
      value=""
      onChange={async (e) => {
        const skill = skills.data?.items.find((s) => s.name === e.target.value);
        if (!skill) return;
        // The YAML editing code loads on demand, not with the page.
        const { appendUseStep } = await import('../../features/editor/utils/use-step');
        const next = appendUseStep(draft, { name: skill.name, source: skill.latest.source });
        if (next) onInsert(next);
      }}
    >
      <option value="">Insert a skill…</option>
      {skills.data?.items.map((s) => (
        <option key={s.name} value={s.name}>
          {s.name} (v{s.latest.version})
        </option>
      ))}
    </select>
  );
}
