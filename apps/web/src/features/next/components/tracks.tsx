import type { ChallengeSummary } from '@reps/shared';
import { tracksOf } from '@reps/shared/tracks';
import { Link } from 'react-router';

/**
 * One ordered path per skill (by difficulty, then title: `tracksOf` in packages/shared/src/tracks.ts),
 * each step marked solved or not for a signed-in learner. A track is a section, not an article: the
 * catalogue's articles are its challenge cards.
 */
export function Tracks({ challenges, signedIn }: { challenges: ChallengeSummary[]; signedIn: boolean }) {
  const tracks = tracksOf(challenges);
  if (tracks.length === 0) return null;
  return (
    <section aria-labelledby="tracks-title" className="tracks">
      <div className="section-head">
        <h2 id="tracks-title">Tracks</h2>
        <span className="muted">One path per skill, easiest first</span>
      </div>
      <div className="tracks__grid">
        {tracks.map(({ skill, steps }) => {
          const solved = steps.filter((s) => s.solved).length;
          return (
            <section key={skill} className="track" aria-labelledby={`track-${skill}`}>
              <h3 id={`track-${skill}`} className="track__title">
                {skill[0]?.toUpperCase()}
                {skill.slice(1)}
                {signedIn && (
                  <span className="muted small">
                    {' '}
                    {solved} of {steps.length} solved
                  </span>
                )}
              </h3>
              <ol className="track__steps">
                {steps.map((step) => (
                  <li key={step.slug} className={`track__step${step.solved ? ' track__step--solved' : ''}`}>
                    <span className="track__mark" aria-hidden="true">
                      {signedIn ? (step.solved ? '✓' : '○') : '·'}
                    </span>
                    <span className="track__body">
                      <Link to={`/c/${step.slug}`}>{step.title}</Link>
                      <span className="track__meta muted small">
                        {step.difficulty}/5{signedIn ? (step.solved ? ' · solved' : ' · not solved') : ''}
                      </span>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </section>
  );
}
