/** Number formats used across pages, so a cost or a latency reads the same everywhere. */

export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  if (Math.abs(value) < 0.01) return `$${value.toPrecision(2)}`;
  return `$${value.toFixed(value < 1 ? 4 : 2)}`;
}

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '0 ms';
  if (value < 10) return `${value.toFixed(1)} ms`;
  if (value < 1000) return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

export function formatPct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return `${value.toFixed(digits)}%`;
}

/** Correctness with its standard error, e.g. `92.4 ± 1.3`. */
export function formatScore(correctness: number | null | undefined, se?: number | null): string {
  if (correctness === null || correctness === undefined) return '—';
  const base = correctness.toFixed(1);
  return se === null || se === undefined ? base : `${base} ± ${se.toFixed(1)}`;
}

export function formatInt(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('en-US');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Price per million tokens, e.g. `$0.10`. */
export function formatPricePerM(value: number): string {
  return `$${value.toFixed(value < 1 ? 2 : value < 10 ? 2 : 0)}`;
}

export function formatTokens(value: number): string {
  if (value >= 1024 && value % 1024 === 0) return `${value / 1024}k`;
  return value >= 1000 ? `${Math.round(value / 1000)}k` : String(value);
}
