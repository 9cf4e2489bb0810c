import { lazy } from 'react';
import { Link } from 'react-router';
import { ChartFrame } from '../../../components/chart-frame';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { Stat, StatGrid } from '../../../components/stat';
import { formatInt, formatRating } from '../../../lib/format';
import { useProgress } from '../api/get-progress';
import { DomainCoverage } from '../components/domain-coverage';
import { PersonalBests } from '../components/personal-bests';
import { StreakCalendar } from '../components/streak-calendar';

// The charts (recharts) load after the page's figures, in their own chunk.
const charts = () => import('../components/progress-charts');
const ScoreOverTime = lazy(() => charts().then((m) => ({ default: m.ScoreOverTime })));
const SkillRadar = lazy(() => charts().then((m) => ({ default: m.SkillRadar })));
const RatingHistory = lazy(() => charts().then((m) => ({ default: m.RatingHistory })));

/** The signed-in learner's practice: reps and streaks, scores over time, bests, skills, domains, rating. */
export function ProgressPage() {
  const { data, isPending, isError, error, refetch } = useProgress();
  if (isPending) return <Loading label="Loading your progress" lines={6} />;
  if (isError)
    return <ErrorState title="Your progress could not be loaded" error={error} onRetry={() => refetch()} />;

  const solved = data.challenges.filter((c) => c.best?.passed).length;
  return (
    <div className="stack">
      <header>
        <h1>Progress</h1>
        <p className="muted">
          Every run on the examples and every submission is a rep. Days are counted in UTC.
        </p>
      </header>

      <section className="panel" aria-labelledby="reps-title">
        <h2 id="reps-title" className="visually-hidden">
          Reps and streaks
        </h2>
        <StatGrid>
          <Stat
            label="Reps"
            value={formatInt(data.reps)}
            hint={`${plural(data.runs, 'run')} · ${plural(data.submissions, 'submission')}`}
          />
          <Stat
            label="Current streak"
            value={`${data.streak_days} ${data.streak_days === 1 ? 'day' : 'days'}`}
            hint={data.streak_days > 0 ? 'keep it going today' : 'a rep today starts one'}
          />
          <Stat
            label="Longest streak"
            value={`${data.longest_streak_days} ${data.longest_streak_days === 1 ? 'day' : 'days'}`}
          />
          <Stat label="Solved" value={`${solved} of ${data.challenges.length}`} hint="attempted challenges" />
          <Stat label="Rating" value={formatRating(data.rating)} />
        </StatGrid>
        <StreakCalendar calendar={data.calendar} />
      </section>

      {data.reps === 0 ? (
        <div className="empty">
          <h3>No reps yet — pick a challenge</h3>
          <p>
            Run a pipeline on a challenge's public examples or submit it: your streak, scores, skills and
            rating start here.
          </p>
          <Link className="button" to="/">
            Browse the challenges
          </Link>
        </div>
      ) : (
        <>
          <section className="panel" aria-labelledby="scores-title">
            <h2 id="scores-title">Scores over time</h2>
            <p className="muted small">Correctness of each graded submission, one line per challenge.</p>
            <ChartFrame label="score chart" height={280}>
              <ScoreOverTime challenges={data.challenges} />
            </ChartFrame>
          </section>

          <section className="panel" aria-labelledby="bests-title">
            <h2 id="bests-title">Personal bests</h2>
            {data.challenges.length === 0 ? (
              <p className="muted">You have practised on the examples but not submitted yet.</p>
            ) : (
              <PersonalBests challenges={data.challenges} />
            )}
          </section>

          <div className="two-col">
            <section className="panel" aria-labelledby="skills-title">
              <h2 id="skills-title">Skills</h2>
              <p className="muted small">Your points in each skill as a share of the points available.</p>
              <ChartFrame label="skill radar" height={280}>
                <SkillRadar skills={data.skills} />
              </ChartFrame>
              <ul className="skill-shares" aria-label="Skill points">
                {Object.entries(data.skills).map(([skill, s]) => (
                  <li key={skill}>
                    <span className="coverage__name">{skill}</span> <strong>{s.share.toFixed(1)}%</strong>{' '}
                    <span className="muted">
                      ({formatRating(s.rating)} of {formatInt(s.possible)} pts)
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="panel" aria-labelledby="domains-title">
              <h2 id="domains-title">Domain coverage</h2>
              <DomainCoverage domains={data.domains} />
            </section>
          </div>

          <section className="panel" aria-labelledby="rating-title">
            <h2 id="rating-title">Rating history</h2>
            <ChartFrame label="rating chart" height={240}>
              <RatingHistory history={data.rating_history} />
            </ChartFrame>
          </section>
        </>
      )}
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
