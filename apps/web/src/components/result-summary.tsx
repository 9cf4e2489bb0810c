import { formatInt, formatMs, formatScore, formatUsd } from '../lib/format';
import { Stat, StatGrid } from './stat';

export interface Aggregates {
  correctness: number | null;
  standard_error?: number | null;
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  calls: number | null;
  tokens: { input: number | null; output: number | null };
  statuses?: Record<string, number>;
  failures?: Record<string, number>;
  cases?: number;
}

/** The headline figures of a graded set of cases: correctness, cost, latency, calls, tokens, statuses. */
export function ResultSummary({
  result,
  passMark,
  costLabel = 'Cost',
}: {
  result: Aggregates;
  passMark?: number;
  costLabel?: string;
}) {
  const passed = passMark !== undefined && result.correctness !== null && result.correctness >= passMark;
  const failures = Object.entries(result.failures ?? {});
  return (
    <div className="result-summary">
      <StatGrid>
        <Stat
          label="Correctness"
          value={
            <span className={passMark === undefined ? undefined : passed ? 'success' : 'warn'}>
              {formatScore(result.correctness, result.standard_error)}
            </span>
          }
          hint={
            passMark !== undefined ? (passed ? `passes ${passMark}` : `pass mark ${passMark}`) : undefined
          }
        />
        <Stat label={costLabel} value={formatUsd(result.cost_usd)} />
        <Stat
          label="Latency p50 / p95"
          value={`${formatMs(result.latency_ms.p50)} / ${formatMs(result.latency_ms.p95)}`}
        />
        <Stat label="Calls" value={formatInt(result.calls)} />
        <Stat
          label="Tokens in / out"
          value={`${formatInt(result.tokens.input)} / ${formatInt(result.tokens.output)}`}
        />
      </StatGrid>
      {result.statuses && (
        <p className="result-summary__statuses">
          <span className="muted">Cases{result.cases ? ` (${result.cases})` : ''}:</span>{' '}
          {Object.entries(result.statuses).map(([status, n]) => (
            <span key={status} className={`badge badge--${status === 'ok' ? 'ok' : 'bad'}`}>
              {status} × {n}
            </span>
          ))}
        </p>
      )}
      {failures.length > 0 && (
        <p className="result-summary__statuses">
          <span className="muted">Failures:</span>{' '}
          {failures.map(([code, n]) => (
            <span key={code} className="badge badge--bad">
              {code} × {n}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
