/** A skeleton block while data loads; `lines` shapes it roughly like what is coming. */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="loading" role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={i} className="loading__line" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}
