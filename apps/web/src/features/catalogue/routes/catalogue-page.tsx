import { ErrorState } from '../../../components/error-state';
import { useChallenges } from '../api/get-challenges';
import { ChallengeCard } from '../components/challenge-card';

const steps = [
  ['Decompose', 'Split a realistic task into pieces a model can do reliably.'],
  ['Build', 'Write the pipeline: model calls, code steps, maps, branches, votes.'],
  ['Verify', 'Add validation and correction loops; read the full trace.'],
  ['Repeat', 'Submit to the hidden test set; watch correctness, cost and latency.'],
] as const;

export function CataloguePage() {
  const { data, isPending, isError, error, refetch } = useChallenges();
  return (
    <>
      <section className="hero">
        <h1>Practise AI orchestration, one rep at a time.</h1>
        <p className="hero__lead">
          Models are capable; systems are reliable only when they are orchestrated. Pick a challenge,
          decompose it, build a pipeline, run it on the examples, read the trace, and submit it to be graded
          on a hidden test set.
        </p>
        <ol className="steps">
          {steps.map(([title, text], i) => (
            <li key={title} className="steps__item">
              <span className="steps__n">{i + 1}</span>
              <strong>{title}</strong>
              <span>{text}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">Challenges</h2>
        {isPending && (
          <div className="grid" role="status" aria-busy="true" aria-label="Loading challenges">
            {[0, 1, 2].map((i) => (
              <div key={i} className="card card--skeleton" />
            ))}
          </div>
        )}
        {isError && (
          <ErrorState title="The catalogue could not be loaded" error={error} onRetry={() => refetch()} />
        )}
        {data && data.items.length === 0 && (
          <div className="empty">
            <h3>No challenges are published yet</h3>
            <p>
              {data.available
                ? 'An instructor can publish one from the instructor console, or load the catalogue from challenges/.'
                : 'This server does not serve the catalogue yet. Challenges appear here once they are loaded.'}
            </p>
          </div>
        )}
        {data && data.items.length > 0 && (
          <div className="grid">
            {data.items.map((challenge) => (
              <ChallengeCard key={challenge.slug} challenge={challenge} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
