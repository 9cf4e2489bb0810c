import { Fragment, useState } from 'react';
import { formatMs, formatUsd } from '../../../lib/format';
import type { CaseResultView } from '../types/run-result';
import { TraceTimeline } from './trace-timeline';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status === 'ok' ? 'ok' : 'bad'}`}>{status}</span>;
}

function scoreText(score: number | null): string {
  return score === null ? '—' : `${Math.round(score * 100)}`;
}

/** Per-case results; a row opens to output vs expected and the case's trace timeline. */
export function CaseTable({ cases }: { cases: CaseResultView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="table-scroll">
      <table className="table case-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Status</th>
            <th className="num">Score</th>
            <th className="num">Cost</th>
            <th className="num">Latency</th>
            <th>Reason</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => {
            const isOpen = open === c.id;
            return (
              <Fragment key={c.id}>
                <tr className={isOpen ? 'case-table__row--open' : undefined}>
                  <td>
                    <code>#{i + 1}</code>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="num">
                    <span
                      className={`score score--${(c.score ?? 0) >= 0.9 ? 'good' : (c.score ?? 0) > 0 ? 'mid' : 'bad'}`}
                    >
                      {scoreText(c.score)}
                    </span>
                  </td>
                  <td className="num">{formatUsd(c.cost_usd)}</td>
                  <td className="num">{formatMs(c.latency_ms)}</td>
                  <td className="case-table__reason">{c.reason || <span className="muted">—</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={isOpen}
                      onClick={() => setOpen(isOpen ? null : c.id)}
                    >
                      {isOpen ? 'Hide' : 'Trace'}
                      <span className="visually-hidden"> of case {i + 1}</span>
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr className="case-table__detail">
                    <td colSpan={7}>
                      <div className="side-by-side">
                        <div>
                          <h4 className="side-by-side__title">Output</h4>
                          <pre className="code-block">{JSON.stringify(c.output, null, 2) ?? 'no output'}</pre>
                        </div>
                        <div>
                          <h4 className="side-by-side__title">Expected</h4>
                          <pre className="code-block">{JSON.stringify(c.expected, null, 2)}</pre>
                        </div>
                      </div>
                      <details className="disclosure">
                        <summary>Input</summary>
                        <pre className="code-block">{JSON.stringify(c.input, null, 2)}</pre>
                      </details>
                      <TraceTimeline trace={c.trace} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
