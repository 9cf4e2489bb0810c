import type { Calibration } from '@reps/shared';
import { formatInt, formatMs, formatUsd } from '../../../lib/format';

/**
 * Each calibration pipeline (baseline, references, and the shortcut checks: adversaries, context-free,
 * ablations) on the hidden cases, its role, and whether it holds its role's bar.
 */
export function CalibrationTable({ calibration }: { calibration: Calibration }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact calibration" aria-label="Calibration">
        <thead>
          <tr>
            <th>Pipeline</th>
            <th>Role</th>
            <th className="num">Correctness</th>
            <th className="num">Cost</th>
            <th className="num">p50 / p95</th>
            <th className="num">Calls</th>
            <th className="num">Over budget</th>
            <th>Holds</th>
          </tr>
        </thead>
        <tbody>
          {calibration.lines.map((line) => (
            <tr key={line.pipeline}>
              <td>
                <code>{line.pipeline}</code>
              </td>
              <td>{line.role ?? (line.pipeline === 'baseline' ? 'baseline' : 'reference')}</td>
              <td className="num">{line.correctness.toFixed(1)}</td>
              <td className="num">{formatUsd(line.cost_usd)}</td>
              <td className="num">
                {formatMs(line.latency_ms.p50)} / {formatMs(line.latency_ms.p95)}
              </td>
              <td className="num">{formatInt(line.calls)}</td>
              <td className="num">{formatInt(line.budget_exceeded)}</td>
              <td>
                {line.holds ? (
                  <span className="badge badge--ok">holds</span>
                ) : (
                  <>
                    <span className="badge badge--bad">does not hold</span>
                    {line.note && <span className="small warn"> {line.note}</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
