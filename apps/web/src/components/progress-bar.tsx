/** A progress bar; without a total it shows indeterminate activity. */
export function ProgressBar({ done, total, label }: { done?: number; total?: number; label: string }) {
  const known = total !== undefined && total > 0 && done !== undefined;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className="progress">
      <div className="progress__label">
        <span>{label}</span>
        {known && (
          <span className="progress__count">
            {done} / {total}
          </span>
        )}
      </div>
      <div
        className={`progress__track${known ? '' : ' progress__track--indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
      >
        <div className="progress__fill" style={known ? { width: `${pct}%` } : undefined} />
      </div>
    </div>
  );
}
