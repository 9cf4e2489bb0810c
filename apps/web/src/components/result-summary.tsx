import type { GradeBreakdown } from '@reps/shared';
import { Link } from 'react-router';
import {
  formatApproxCount,
  formatApproxMs,
  formatApproxUsd,
  formatInt,
  formatMs,
  formatPerCase,
  formatScore,
  formatUsd,
} from '../lib/format';
import { PointsBreakdown } from './points-breakdown';
import { Stat, StatGrid } from './stat';

interface Common {
  correctness: number | null;
  standard_error?: number | null;
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  statuses?: Record<string, number>;
  failures?: Record<string, number>;
  cases?: number;
  breakdown?: GradeBreakdown;
}

/** Public cases (a practice run, the public part of a submission): exact totals. */
export interface Aggregates extends Common {
  calls: number | null;
  tokens: { input: number | null; output: number | null };
}

/** Hidden cases, as the API rounds them: calls and tokens per case, cost and latency approximate. */
export interface HiddenAggregates extends Common {
  calls_per_case: number | null;
  tokens_per_case: { input: number | null; output: number | null };
}

/**
 * The headline figures of a graded set of cases: correctness, cost, latency, calls, tokens,
 * statuses. Hidden-set figures are shown at the resolution they arrive at, marked `~`.
 */
export function ResultSummary({
  result,
  passMark,
  costLabel = 'Cost',
}: {
  result: Aggregates | HiddenAggregates;
  passMark?: number;
  costLabel?: string;
}) {
  const passed = passMark !== undefined && result.correctness !== null && result.correctness >= passMark;
  const failures = Object.entries(result.failures ?? {});
  const hidden = 'calls_per_case' in result;
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
        {hidden ? (
          <>
            <Stat label={costLabel} value={formatApproxUsd(result.cost_usd)} />
            <Stat
              label="Latency p50 / p95"
              value={`${formatApproxMs(result.latency_ms.p50)} / ${formatApproxMs(result.latency_ms.p95)}`}
            />
            <Stat label="Calls per case" value={formatPerCase(result.calls_per_case)} />
            <Stat
              label="Tokens per case in / out"
              value={`${formatApproxCount(result.tokens_per_case.input)} / ${formatApproxCount(result.tokens_per_case.output)}`}
            />
          </>
        ) : (
          <>
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
          </>
        )}
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
      {result.breakdown && <PointsBreakdown breakdown={result.breakdown} hidden={hidden} />}
      {hidden && (
        <p className="muted small">
          Hidden-set figures are rounded: correctness ± standard error to 0.1, cost and latency to two
          significant figures, calls and tokens per case. Enough to learn from, too coarse to tell which
          hidden case a change flipped (<Link to="/docs/grading">why</Link>).
        </p>
      )}
    </div>
  );
}
