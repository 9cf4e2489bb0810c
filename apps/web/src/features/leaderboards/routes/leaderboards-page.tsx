import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { type Period, useBoardChoices } from '../api/get-leaderboard';
import { ChallengeLeaderboard } from '../components/challenge-leaderboard';
import { PeriodToggle } from '../components/period-toggle';
import { RatingBoard } from '../components/rating-board';

export function LeaderboardsPage() {
  const [params, setParams] = useSearchParams();
  const choices = useBoardChoices();
  const scope = params.get('scope') ?? 'global';
  const period: Period = params.get('period') === 'week' ? 'week' : 'all';
  const slug = params.get('challenge') ?? choices.data?.challenges[0]?.slug;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="stack">
      <header>
        <h1>Leaderboards</h1>
        <p className="muted">
          Ratings weigh each learner's best correctness by the challenge's difficulty. A displayed best
          changes only when a new submission beats it by more than the hidden set's standard error.
        </p>
      </header>

      <section className="panel" aria-labelledby="ratings-title">
        <div className="board__head">
          <h2 id="ratings-title">Ratings</h2>
          <label className="filters__select">
            <span>Scope</span>
            <select aria-label="Scope" value={scope} onChange={(e) => set('scope', e.target.value)}>
              <option value="global">Global</option>
              {choices.data?.skills.length ? (
                <optgroup label="Skill">
                  {choices.data.skills.map((s) => (
                    <option key={s} value={`skill:${s}`}>
                      {s}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {choices.data?.domains.length ? (
                <optgroup label="Domain">
                  {choices.data.domains.map((d) => (
                    <option key={d} value={`domain:${d}`}>
                      {d}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <PeriodToggle value={period} onChange={(p) => set('period', p)} />
        </div>
        <RatingBoard scope={scope} period={period} />
      </section>

      <section className="panel" aria-labelledby="challenge-board-title">
        <div className="board__head">
          <h2 id="challenge-board-title">By challenge</h2>
          {choices.data && choices.data.challenges.length > 0 && (
            <label className="filters__select">
              <span>Challenge</span>
              <select aria-label="Challenge" value={slug} onChange={(e) => set('challenge', e.target.value)}>
                {choices.data.challenges.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {choices.isError && (
          <ErrorState
            title="The challenges could not be loaded"
            error={choices.error}
            onRetry={() => choices.refetch()}
          />
        )}
        {choices.data && choices.data.challenges.length === 0 && (
          <p className="empty empty--small">No challenges are published yet.</p>
        )}
        {slug && <ChallengeLeaderboard key={slug} slug={slug} />}
      </section>
    </div>
  );
}
