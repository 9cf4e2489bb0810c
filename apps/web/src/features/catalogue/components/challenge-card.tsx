import type { ChallengeCard as Card } from '../api/get-challenges';

export function ChallengeCard({ challenge }: { challenge: Card }) {
  return (
    <article className="card">
      <header className="card__header">
        <span className="tag">{challenge.domain}</span>
        <span className="difficulty" role="img" aria-label={`Difficulty ${challenge.difficulty} of 5`}>
          {'●'.repeat(challenge.difficulty)}
          <span className="difficulty__rest">{'●'.repeat(5 - challenge.difficulty)}</span>
        </span>
      </header>
      <h3 className="card__title">{challenge.title}</h3>
      <p className="card__summary">{challenge.summary}</p>
      <footer className="card__skills">
        {challenge.skills.map((skill) => (
          <span key={skill} className="chip">
            {skill}
          </span>
        ))}
      </footer>
    </article>
  );
}
