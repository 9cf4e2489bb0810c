import type { AttemptView } from '@reps/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDateTime } from '../../../lib/format';
import { attemptQueryOptions, useAttempts } from '../api/get-attempts';
import { AttemptCompare } from './attempt-compare';
import { AttemptFigures, KindBadge, StatusBadge } from './attempt-figures';
import './attempts.css';

const keyOf = (a: Pick<AttemptView, 'kind' | 'id'>) => `${a.kind}:${a.id}`;

/**
 * The learner's attempts on a challenge, practice runs and submissions together, newest first.
 * Ticking two compares them side by side; "Open in editor" puts an attempt's pipeline back in the
 * workbench (after a confirm when that would replace a different draft).
 */
export function AttemptsPanel({
  slug,
  draft,
  onOpen,
}: {
  slug: string;
  /** The editor's text now, to ask before replacing it with something else. */
  draft: string;
  onOpen: (pipeline: string) => void;
}) {
  const attempts = useAttempts(slug);
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);

  const items = attempts.data?.pages.flatMap((p) => p.items) ?? [];
  const byKey = new Map(items.map((a) => [keyOf(a), a]));
  const chosen = picked.map((k) => byKey.get(k)).filter((a): a is AttemptView => a !== undefined);

  const toggle = (key: string) =>
    // A third pick replaces the earlier of the two: the latest two picks are compared.
    setPicked((now) => (now.includes(key) ? now.filter((k) => k !== key) : [...now, key].slice(-2)));

  const open = async (attempt: AttemptView) => {
    setOpening(keyOf(attempt));
    setOpenError(null);
    try {
      const detail = await queryClient.fetchQuery(attemptQueryOptions(attempt.kind, attempt.id));
      const what = `the pipeline of your ${attempt.kind === 'run' ? 'run' : 'submission'} of ${formatDateTime(attempt.created_at)}`;
      if (detail.pipeline !== draft && !window.confirm(`Replace your draft with ${what}?`)) return;
      onOpen(detail.pipeline);
    } catch (error) {
      setOpenError(error);
    } finally {
      setOpening(null);
    }
  };

  if (attempts.isPending) return <Loading label="Loading your attempts" lines={3} />;
  if (attempts.isError)
    return (
      <ErrorState
        title="Your attempts could not be loaded"
        error={attempts.error}
        onRetry={() => attempts.refetch()}
      />
    );
  if (items.length === 0)
    return (
      <p className="muted">
        No attempts yet. Each run on the examples and each submission is listed here, to compare any two and
        to open an earlier one again.
      </p>
    );

  return (
    <div className="attempts">
      <p className="muted small">
        Tick two to compare them{chosen.length === 1 ? ': one more' : ''}. A run is scored on the public
        examples, a submission on the hidden set.
      </p>
      <ul className="attempts__list" aria-label="Your attempts">
        {items.map((a) => {
          const key = keyOf(a);
          const isPicked = picked.includes(key);
          return (
            <li key={key} className={`attempt${isPicked ? ' attempt--picked' : ''}`}>
              <label className="attempt__pick">
                <input type="checkbox" checked={isPicked} onChange={() => toggle(key)} />
                <span className="visually-hidden">
                  Compare the {a.kind} of {formatDateTime(a.created_at)}
                </span>
              </label>
              <div className="attempt__what">
                <KindBadge kind={a.kind} /> <StatusBadge status={a.status} />
                <time dateTime={a.created_at} className="small">
                  {formatDateTime(a.created_at)}
                </time>
              </div>
              <AttemptFigures attempt={a} />
              <button
                type="button"
                className="button button--ghost button--small attempt__open"
                disabled={opening !== null}
                onClick={() => open(a)}
              >
                {opening === key ? 'Opening…' : 'Open in editor'}
              </button>
            </li>
          );
        })}
      </ul>
      {attempts.hasNextPage && (
        <button
          type="button"
          className="button button--ghost"
          disabled={attempts.isFetchingNextPage}
          onClick={() => attempts.fetchNextPage()}
        >
          {attempts.isFetchingNextPage ? 'Loading…' : 'Show older attempts'}
        </button>
      )}
      {openError !== null && <ErrorState title="The attempt could not be opened" error={openError} />}
      {chosen.length === 2 && (
        <AttemptCompare
          key={picked.join('|')}
          first={chosen[0]!}
          second={chosen[1]!}
          onOpen={open}
          opening={opening}
        />
      )}
    </div>
  );
}
