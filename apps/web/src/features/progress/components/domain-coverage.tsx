import type { Progress } from '@reps/shared';

/** Per domain: challenges solved and attempted out of those published, as one stacked bar each. */
export function DomainCoverage({ domains }: { domains: Progress['domains'] }) {
  const rows = Object.entries(domains).sort((a, b) => a[0].localeCompare(b[0]));
  if (rows.length === 0) return <p className="muted">No domains in the catalogue yet.</p>;
  return (
    <>
      <ul className="coverage">
        {rows.map(([domain, d]) => {
          const pct = (n: number) => (d.total ? (n / d.total) * 100 : 0);
          return (
            <li key={domain}>
              <span className="coverage__name">{domain}</span>
              <span
                className="coverage__bar"
                role="img"
                aria-label={`${domain}: ${d.solved} solved, ${d.attempted} attempted, of ${d.total}`}
              >
                <span className="coverage__solved" style={{ width: `${pct(d.solved)}%` }} />
                <span
                  className="coverage__attempted"
                  style={{ width: `${pct(Math.max(0, d.attempted - d.solved))}%` }}
                />
              </span>
              <span className="coverage__count">
                {d.solved}/{d.attempted}/{d.total}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="coverage__legend muted small">
        <span className="coverage__key coverage__solved" /> solved{' '}
        <span className="coverage__key coverage__attempted" /> attempted, not yet solved · counts are solved /
        attempted / published
      </p>
    </>
  );
}
