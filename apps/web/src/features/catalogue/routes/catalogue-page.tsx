import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { FILTER_KEYS, type CatalogueFilters as Filters, useChallenges } from '../api/get-challenges';
import { CatalogueFilters } from '../components/catalogue-filters';
import { ChallengeCard } from '../components/challenge-card';

const steps = [
  ['Decompose', 'Split a realistic task into pieces a model can do reliably.'],
  ['Build', 'Write the pipeline: model calls, code steps, maps, branches, votes.'],
  ['Verify', 'Add validation and correction loops; read the full trace.'],
  ['Repeat', 'Submit to the hidden test set; watch correctness, cost and latency.'],
] as const;

export function CataloguePage({ signedIn = false }: { signedIn?: boolean }) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value && (key !== 'solved' || signedIn)) (out as Record<string, string>)[key] = value;
    }
    return out;
  }, [params, signedIn]);
  const setFilters = useCallback(
    (next: Filters) => {
      const query = new URLSearchParams();
      for (const key of FILTER_KEYS) if (next[key]) query.set(key, next[key] as string);
      setParams(query, { replace: true });
    },
    [setParams],
  );

  const all = useChallenges();
  const filtered = useChallenges(filters);
  const { data, isPending, isError, error, refetch, isPlaceholderData } = filtered;
  const anyFilter = Object.keys(filters).length > 0;

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

      <section aria-labelledby="catalogue-title" className="catalogue">
        <div className="section-head">
          <h2 id="catalogue-title">Challenges</h2>
          {data && (
            <span className="muted">
              {data.items.length} {data.items.length === 1 ? 'challenge' : 'challenges'}
              {anyFilter && all.data ? ` of ${all.data.items.length}` : ''}
            </span>
          )}
        </div>
        {(all.data?.items.length ?? 0) > 0 && (
          <CatalogueFilters
            filters={filters}
            all={all.data?.items ?? []}
            signedIn={signedIn}
            onChange={setFilters}
          />
        )}
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
        {data && data.items.length === 0 && !anyFilter && (
          <div className="empty">
            <h3>No challenges are published yet</h3>
            <p>
              {data.available
                ? 'An instructor can publish one from the instructor console, or load the catalogue from challenges/.'
                : 'This server does not serve the catalogue yet. Challenges appear here once they are loaded.'}
            </p>
          </div>
        )}
        {data && data.items.length === 0 && anyFilter && (
          <div className="empty">
            <h3>No challenge matches these filters</h3>
            <button type="button" className="button" onClick={() => setFilters({})}>
              Clear filters
            </button>
          </div>
        )}
        {data && data.items.length > 0 && (
          <div className="grid" aria-busy={isPlaceholderData || undefined}>
            {data.items.map((challenge) => (
              <ChallengeCard key={challenge.slug} challenge={challenge} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
