import type { ChallengeDetail } from '@reps/shared';
import { Link } from 'react-router';
import { formatScore } from '../../../lib/format';

export function ChallengeHeader({ challenge }: { challenge: ChallengeDetail }) {
  return (
    <header className="challenge-head">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/">Challenges</Link> <span aria-hidden="true">/</span> <span>{challenge.title}</span>
      </nav>
      <div className="challenge-head__row">
        <div>
          <div className="challenge-head__meta">
            <span className="tag">{challenge.domain}</span>
            <span className="difficulty" role="img" aria-label={`Difficulty ${challenge.difficulty} of 5`}>
              {'●'.repeat(challenge.difficulty)}
              <span className="difficulty__rest">{'●'.repeat(5 - challenge.difficulty)}</span>
            </span>
            <span className="muted">version {challenge.version}</span>
            {challenge.skills.map((s) => (
              <span key={s} className="chip">
                {s}
              </span>
            ))}
          </div>
          <h1>{challenge.title}</h1>
          <p className="challenge-head__summary">{challenge.summary}</p>
        </div>
        <div className="challenge-head__score">
          <span className="stat__label">Pass mark</span>
          <span className="challenge-head__pass">{challenge.pass_mark}</span>
          {challenge.best ? (
            <span className={challenge.solved ? 'success' : 'muted'}>
              {challenge.solved ? '✓ Solved · ' : ''}your best {formatScore(challenge.best.correctness)}
            </span>
          ) : (
            <span className="muted">not attempted yet</span>
          )}
        </div>
      </div>
    </header>
  );
}
