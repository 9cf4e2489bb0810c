import type {
  ReferenceSolution,
  SharedSolution,
  SolutionFigures,
  SolutionsContents,
  SolutionsView,
} from '@reps/shared';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { ApiError } from '../../../lib/api-client';
import { formatApproxMs, formatApproxUsd, formatDate, formatScore } from '../../../lib/format';
import { useOpenSolutions, useShareSolution, useSolutions } from '../api/solutions';

/**
 * After solving: the next challenge, sharing one's own, and behind an explicit "Show solutions"
 * (which freezes the learner's place on this version's board) the challenge's references and
 * learners' shared passing pipelines (Pareto front first). Locked until the learner passes; shown
 * only to a signed-in learner.
 */
export function SolutionsPanel({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  const { data, isPending, isError, error, refetch } = useSolutions(slug, signedIn);
  if (!signedIn) return null;
  return (
    <section className="panel solutions" aria-labelledby="solutions-title">
      <h2 id="solutions-title">Solutions</h2>
      {isPending && <Loading label="Loading the solutions" lines={2} />}
      {isError && (
        <ErrorState title="The solutions could not be loaded" error={error} onRetry={() => refetch()} />
      )}
      {data?.locked && (
        <p className="solutions__locked">
          <span aria-hidden="true">🔒 </span>
          {data.message} Then you can read the reference pipelines and the passing pipelines other learners
          chose to share, and share yours.
        </p>
      )}
      {data && !data.locked && <PassedSolutions slug={slug} view={data.view} />}
    </section>
  );
}

function PassedSolutions({ slug, view }: { slug: string; view: SolutionsView }) {
  return (
    <div className="stack">
      <NextUp next={view.next} />
      <ShareControls slug={slug} view={view} mine={view.my_share ?? undefined} />
      {view.solutions ? (
        <SolutionLists solutions={view.solutions} openedAt={view.opened_at} />
      ) : (
        <ShowSolutions slug={slug} counts={view.counts} />
      )}
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the solutions hold, and opening them with its consequence stated before the click. */
function ShowSolutions({ slug, counts }: { slug: string; counts: SolutionsView['counts'] }) {
  const mutation = useOpenSolutions(slug);
  return (
    // Not a labelled region: its name would read as a second "Solutions" region inside this one.
    <div className="callout">
      <p>
        This version has {plural(counts.references, 'reference pipeline', 'reference pipelines')} and{' '}
        {plural(counts.shared, 'solution', 'solutions')} shared by learners.
      </p>
      <div className="inline-form">
        <button
          className="button"
          type="button"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
          aria-describedby="show-solutions-consequence"
        >
          Show solutions
        </button>
        <span id="show-solutions-consequence" className="small">
          Your place on this board stays as it is now: later submissions are graded but not ranked.
        </span>
      </div>
      <FailedAction error={mutation.error} />
    </div>
  );
}

function SolutionLists({ solutions, openedAt }: { solutions: SolutionsContents; openedAt: string | null }) {
  return (
    <>
      {openedAt && (
        <p className="muted small">
          You opened these on {formatDate(openedAt)}: your place on this board stays as it was then; later
          submissions are graded but not ranked.
        </p>
      )}
      <h3 className="section-title">References</h3>
      {solutions.references.length === 0 ? (
        <p className="muted">This challenge has no reference pipeline to show.</p>
      ) : (
        <ul className="solution-list" aria-label="Reference pipelines">
          {solutions.references.map((r) => (
            <ReferenceItem key={r.name} reference={r} />
          ))}
        </ul>
      )}
      <h3 className="section-title">Learners’ solutions</h3>
      <p className="muted small">
        Ranked on the Pareto front of correctness, cost and p95 latency: the front first (no other solution
        beats it on all three), then the front of the rest, each by correctness.
      </p>
      {solutions.shared.length === 0 ? (
        <p className="empty empty--small">Nobody has shared a solution yet. Share yours to be the first.</p>
      ) : (
        <ol className="solution-list" aria-label="Learners’ solutions">
          {solutions.shared.map((s) => (
            <SharedItem key={s.submission_id} solution={s} />
          ))}
        </ol>
      )}
    </>
  );
}

function NextUp({ next }: { next: SolutionsView['next'] }) {
  if (!next)
    return (
      <section className="callout" aria-label="Next challenge">
        <strong>You have passed every challenge.</strong>
        <span>New ones appear in the catalogue as they are published.</span>
      </section>
    );
  return (
    <section className="callout" aria-label="Next challenge">
      <span className="muted small">Next challenge</span>
      <Link to={`/c/${next.slug}`} className="next-up__link">
        {next.title} →
      </Link>
      <span className="small">
        Difficulty {next.difficulty} of 5 · {next.skills.join(', ')}
      </span>
    </section>
  );
}

function ShareControls({ slug, view, mine }: { slug: string; view: SolutionsView; mine?: SharedSolution }) {
  const mutation = useShareSolution(slug);
  const [choice, setChoice] = useState(view.shareable[0]?.submission_id ?? '');
  const chosen = view.shareable.some((s) => s.submission_id === choice)
    ? choice
    : view.shareable[0]?.submission_id;
  return (
    <div className="share">
      {mine ? (
        <p>
          <span className="badge badge--ok">Shared</span> Your solution (
          {formatScore(mine.figures.correctness)}) is shown to learners who pass.
        </p>
      ) : (
        <p className="muted">
          Share one of your passing pipelines with learners who pass; you can withdraw it.
        </p>
      )}
      {view.shareable.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) mutation.mutate(chosen);
          }}
        >
          <label className="field">
            <span>Passing submission</span>
            <select className="select" value={chosen} onChange={(e) => setChoice(e.target.value)}>
              {view.shareable.map((s) => (
                <option key={s.submission_id} value={s.submission_id}>
                  {formatScore(s.figures.correctness)} · {formatApproxUsd(s.figures.cost_usd)} ·{' '}
                  {formatDate(s.graded_at)}
                </option>
              ))}
            </select>
          </label>
          <button className="button" type="submit" disabled={mutation.isPending}>
            {mine ? 'Share this one instead' : 'Share my solution'}
          </button>
          {mine && (
            <button
              className="button button--secondary"
              type="button"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(null)}
            >
              Withdraw
            </button>
          )}
        </form>
      )}
      <FailedAction error={mutation.error} />
    </div>
  );
}

/** Why opening or sharing failed, when it did. */
function FailedAction({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error instanceof ApiError ? error.message : 'That did not work; try again.'}
    </p>
  );
}

function Figures({ figures }: { figures: SolutionFigures }) {
  return (
    <span className="solution__figures">
      <strong>{formatScore(figures.correctness)}</strong> · {formatApproxUsd(figures.cost_usd)} · p95{' '}
      {formatApproxMs(figures.latency_p95_ms)}
    </span>
  );
}

/** One solution: what it is and its figures in the summary, the pipeline inside. */
function SolutionItem({
  label,
  figures,
  pipeline,
}: {
  label: ReactNode;
  figures: SolutionFigures | null;
  pipeline: string;
}) {
  return (
    <li className="solution">
      <details className="disclosure">
        <summary>
          {label} {figures && <Figures figures={figures} />}
        </summary>
        <pre className="code-block">{pipeline}</pre>
      </details>
    </li>
  );
}

function ReferenceItem({ reference }: { reference: ReferenceSolution }) {
  return <SolutionItem label={reference.name} figures={reference.figures} pipeline={reference.pipeline} />;
}

function SharedItem({ solution }: { solution: SharedSolution }) {
  const label = (
    <>
      <span className={`badge ${solution.layer === 1 ? 'badge--ok' : 'badge--pending'}`}>
        {solution.layer === 1 ? 'Front' : `Layer ${solution.layer}`}
      </span>
      <Link to={`/u/${solution.handle}`}>@{solution.handle}</Link>
      {solution.mine ? ' (you)' : ''}
    </>
  );
  return <SolutionItem label={label} figures={solution.figures} pipeline={solution.pipeline} />;
}
