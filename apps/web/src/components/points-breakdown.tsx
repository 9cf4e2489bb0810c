import type { GradeBreakdown } from '@reps/shared';

/**
 * Where the points went (docs/grading.md): accuracy per output field, correctness by case size and
 * what each failure code means, each figure over at least `min_cases` cases, with one hint per weak
 * field or trend. The same view for a practice run and for a submission's hidden cases.
 */
export function PointsBreakdown({ breakdown, hidden }: { breakdown: GradeBreakdown; hidden?: boolean }) {
  const { fields, sizes, failures, hints } = breakdown;
  if (fields.length === 0 && sizes.length < 2 && failures.length === 0 && hints.length === 0) return null;
  return (
    <section className="breakdown" aria-label="Where the points went">
      <h4 className="breakdown__title">Where the points went</h4>
      {hints.length > 0 && (
        <ul className="breakdown__hints">
          {hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
      {fields.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact" aria-label="Accuracy per field">
            <thead>
              <tr>
                <th>Field</th>
                <th className="num">Right</th>
                <th className="num">Cases</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.path}>
                  <td>
                    <code>{f.path}</code>
                  </td>
                  <td className="num">
                    <span
                      className="breakdown__bar"
                      style={{ width: `${Math.max(2, f.accuracy)}%` }}
                      aria-hidden
                    />{' '}
                    <span className={f.accuracy < 85 ? 'warn' : undefined}>
                      {f.accuracy.toFixed(hidden ? 0 : 1)}%
                    </span>
                  </td>
                  <td className="num">{f.cases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sizes.length > 1 && (
        <div className="table-scroll">
          <table className="table table--compact" aria-label="Correctness by case size">
            <thead>
              <tr>
                <th>Case size (units)</th>
                <th className="num">Correctness</th>
                <th className="num">Cases</th>
              </tr>
            </thead>
            <tbody>
              {sizes.map((s) => (
                <tr key={`${s.from}-${s.to}`}>
                  <td>{s.from === s.to ? s.from : `${s.from}–${s.to}`}</td>
                  <td className="num">{s.correctness.toFixed(hidden ? 0 : 1)}</td>
                  <td className="num">{s.cases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failures.length > 0 && (
        <ul className="breakdown__failures">
          {failures.map((f) => (
            <li key={f.code}>
              <span className="badge badge--bad">
                {f.code} × {f.cases}
              </span>{' '}
              {f.hint}
            </li>
          ))}
        </ul>
      )}
      {hidden && (
        <p className="muted small">
          Every figure is over at least {breakdown.min_cases} hidden cases: it says where points were lost,
          not which case lost them.
        </p>
      )}
    </section>
  );
}
