/** A value as pretty JSON, optionally behind a disclosure. */
export function JsonView({ value, label, open }: { value: unknown; label?: string; open?: boolean }) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value, null, 2);
  const block = <pre className="code-block">{text}</pre>;
  if (!label) return block;
  return (
    <details className="disclosure" open={open}>
      <summary>{label}</summary>
      {block}
    </details>
  );
}
