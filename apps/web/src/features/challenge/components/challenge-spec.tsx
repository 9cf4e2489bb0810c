import type { ChallengeDetail } from '@reps/shared';
import { Link } from 'react-router';
import { JsonView } from '../../../components/json-view';
import { formatInt, formatMs, formatPricePerM, formatTokens, formatUsd } from '../../../lib/format';

/** The contract of a challenge: schemas, aspects, models with prices, budget caps, grading. */
export function ChallengeSpec({ challenge }: { challenge: ChallengeDetail }) {
  const { budget } = challenge;
  return (
    <div className="spec">
      <section className="panel" aria-labelledby="grading-title">
        <h2 id="grading-title">Grading</h2>
        <dl className="facts">
          <dt>Pass mark</dt>
          <dd>{challenge.pass_mark} correctness</dd>
          <dt>Scorer</dt>
          <dd>
            <code>{challenge.scorer}</code>
          </dd>
          <dt>Cases</dt>
          <dd>
            {challenge.cases.public} public examples, {challenge.cases.hidden} hidden
          </dd>
          <dt>Submissions</dt>
          <dd>
            {challenge.submissions_per_day} a day
            {challenge.submissions_today !== null && (
              <span className="muted">
                {' '}
                · {Math.max(0, challenge.submissions_per_day - challenge.submissions_today)} left today
              </span>
            )}
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="budget-title">
        <h2 id="budget-title">Budget caps per case</h2>
        <dl className="facts">
          <dt>Calls</dt>
          <dd>{formatInt(budget.max_calls)}</dd>
          <dt>Cost</dt>
          <dd>{formatUsd(budget.max_cost_usd)}</dd>
          <dt>Time</dt>
          <dd>{formatMs(budget.max_ms)}</dd>
          {budget.max_tokens !== undefined && (
            <>
              <dt>Tokens</dt>
              <dd>{formatInt(budget.max_tokens)}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="panel spec__models" aria-labelledby="models-title">
        <h2 id="models-title">Allowed models</h2>
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th>Model</th>
                <th>Context</th>
                <th>$ / M in</th>
                <th>$ / M out</th>
              </tr>
            </thead>
            <tbody>
              {challenge.models.map((m) => (
                <tr key={m.id}>
                  <td>
                    <code>{m.id}</code>
                    {m.simulated && <span className="chip chip--muted">sim</span>}
                  </td>
                  <td>{formatTokens(m.context_tokens)}</td>
                  <td>{formatPricePerM(m.input_price_per_m)}</td>
                  <td>{formatPricePerM(m.output_price_per_m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {challenge.model_patterns.length > 0 && (
          <p className="muted small">
            Also allowed:{' '}
            {challenge.model_patterns.map((p) => (
              <code key={p}>{p} </code>
            ))}{' '}
            (when the server has the provider configured).
          </p>
        )}
        <p className="small">
          Simulated models follow published rules: <Link to="/docs/sim">read the sim physics</Link>.
        </p>
      </section>

      <section className="panel" aria-labelledby="aspects-title">
        <h2 id="aspects-title">Aspects</h2>
        <p className="muted small">What each case asks about; name them in your JSON Schema or prompt.</p>
        <ul className="aspects">
          {challenge.aspects.map((a) => (
            <li key={a.name}>
              <code>{a.name}</code>
              {a.values ? (
                <span className="aspects__values">
                  {a.values.map((v) => (
                    <span key={String(v)} className="chip chip--muted">
                      {String(v)}
                    </span>
                  ))}
                </span>
              ) : (
                a.type && <span className="muted"> {a.type}</span>
              )}
              {a.synonyms.length > 0 && <span className="muted small"> · also {a.synonyms.join(', ')}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel spec__schemas" aria-labelledby="schemas-title">
        <h2 id="schemas-title">Schemas</h2>
        <JsonView label="Input schema" value={challenge.input_schema} />
        <JsonView label="Output schema" value={challenge.output_schema} />
      </section>
    </div>
  );
}
