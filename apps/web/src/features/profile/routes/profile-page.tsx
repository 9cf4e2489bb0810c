import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { ApiError } from '../../../lib/api-client';
import { formatApproxMs, formatApproxUsd, formatDate, formatRating, formatScore } from '../../../lib/format';
import { useProfile } from '../api/get-profile';
import { VerifyButton } from '../components/verify-button';

export function ProfilePage() {
  const { handle = '' } = useParams();
  const { data, isPending, isError, error, refetch } = useProfile(handle);
  if (isPending) return <Loading label="Loading the profile" lines={5} />;
  if (isError) {
    if (error instanceof ApiError && error.status === 404)
      return (
        <div className="empty">
          <h1>No learner @{handle}</h1>
          <p>Nobody on Reps has this handle.</p>
          <Link className="button" to="/leaderboards">
            See the leaderboards
          </Link>
        </div>
      );
    return <ErrorState title="The profile could not be loaded" error={error} onRetry={() => refetch()} />;
  }
  const passed = data.results.filter((r) => r.passed).length;
  return (
    <div className="stack">
      <header className="profile-head">
        <div className="avatar" aria-hidden="true">
          {data.display_name.slice(0, 1).toUpperCase()}
        </div>
        <div>
          <h1>{data.display_name}</h1>
          <p className="muted">
            @{data.handle} · practising since {formatDate(data.joined_at)}
          </p>
        </div>
        <div className="profile-head__rating">
          <span className="stat__label">Rating</span>
          <span className="profile-head__value">{formatRating(data.rating)}</span>
          <span className="muted small">
            {passed} of {data.results.length} challenges passed
          </span>
        </div>
      </header>

      <div className="two-col">
        <RatingList title="Skills" ratings={data.skills} />
        <RatingList title="Domains" ratings={data.domains} />
      </div>

      <section className="panel" aria-labelledby="results-title">
        <h2 id="results-title">Verified results</h2>
        <p className="muted small">
          Each result is signed by the server. Anyone can check one at <code>/api/verify/&lt;id&gt;</code>,
          and the Verify button does exactly that.
        </p>
        {data.results.length === 0 ? (
          <p className="empty empty--small">No graded submissions yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>Challenge</th>
                  <th className="num">Version</th>
                  <th className="num">Correctness</th>
                  <th className="num">Cost</th>
                  <th className="num">p95</th>
                  <th>Graded</th>
                  <th>Passed</th>
                  <th>Proof</th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((r) => (
                  <tr key={r.verification_id}>
                    <td>
                      <Link to={`/c/${r.challenge}`}>{r.title}</Link>
                      <span className="muted small"> · {r.domain}</span>
                    </td>
                    <td className="num">v{r.version}</td>
                    <td className="num">{formatScore(r.correctness, r.standard_error)}</td>
                    <td className="num">{formatApproxUsd(r.cost_usd)}</td>
                    <td className="num">{formatApproxMs(r.latency_p95_ms)}</td>
                    <td>{formatDate(r.graded_at)}</td>
                    <td>
                      {r.passed ? (
                        <span className="badge badge--ok">passed</span>
                      ) : (
                        <span className="badge badge--pending">not yet</span>
                      )}
                    </td>
                    <td className="proof-cell">
                      <code className="small" title="Verification id">
                        {r.verification_id}
                      </code>
                      <VerifyButton verificationId={r.verification_id} label={r.title} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function RatingList({ title, ratings }: { title: string; ratings: Record<string, number> }) {
  const entries = Object.entries(ratings).sort((a, b) => b[1] - a[1]);
  const top = Math.max(100, ...entries.map(([, v]) => v));
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing rated yet.</p>
      ) : (
        <ul className="ratings">
          {entries.map(([name, value]) => (
            <li key={name}>
              <span className="ratings__name">{name}</span>
              <span className="meter">
                <span className="meter__fill" style={{ width: `${(value / top) * 100}%` }} />
              </span>
              <strong>{formatRating(value)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
