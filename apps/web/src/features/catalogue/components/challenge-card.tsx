import type { ChallengeSummary } from '@reps/shared';
import { Link } from 'react-router';
import { formatApproxUsd, formatScore } from '../../../lib/format';

export function ChallengeCard({ challenge }: { challenge: ChallengeSummary }) {
  const { best } = challenge;
  return (
    <article className={`card card--link${challenge.solved ? ' card--solved' : ''}`}>
      <header className="card__header">
        <span className="tag">{challenge.domain}</span>
        <span className="difficulty" role="img" aria-label={`Difficulty ${challenge.difficulty} of 5`}>
          {'●'.repeat(challenge.difficulty)}
          <span className="difficulty__rest">{'●'.repeat(5 - challenge.difficulty)}</span>
        </span>
      </header>
      <h3 className="card__title">
        <Link to={`/c/${challenge.slug}`} className="card__link">
          {challenge.title}
        </Link>
        {challenge.solved && (
          <span className="solved-mark" title="You passed this challenge">
            ✓ Solved
          </span>
        )}
      </h3>
      <p className="card__summary">{challenge.summary}</p>
      <footer className="card__footer">
        <span className="card__skills">
          {challenge.skills.map((skill) => (
            <span key={skill} className="chip">
              {skill}
            </span>
          ))}
        </span>
        {best ? (
          <span className="card__best" title={`Your best: cost ${formatApproxUsd(best.cost_usd)} per run`}>
            Your best <strong>{formatScore(best.correctness)}</strong>
            <span className="muted"> / pass {challenge.pass_mark}</span>
          </span>
        ) : (
          <span className="card__best muted">Pass mark {challenge.pass_mark}</span>
        )}
      </footer>
    </article>
  );
}
