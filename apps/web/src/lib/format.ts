/** Number formats used across pages, so a cost or a latency reads the same everywhere. */

export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  if (Math.abs(value) < 0.01) return `$${value.toPrecision(2)}`;
  return `$${value.toFixed(value < 1 ? 4 : 2)}`;
}

/*
 * Hidden-set figures come from the API already rounded (docs/grading.md: correctness and standard
 * error to 0.1, cost, latency and tokens per case to 2 significant figures, ratings to the whole
 * point). The `Approx` formats show them at that resolution, marked `~`, never padded with digits
 * they do not have; public-case results are exact and use the plain formats.
 */

/** A rounded cost: `~$0.012`, `~$1.2`; `$0` is exact. */
export function formatApproxUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  return `~$${approx(value)}`;
}

/** A rounded latency: `~430 ms`, `~1.2 s`; 0 stands for under 5 ms. */
export function formatApproxMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '< 5 ms';
  return value < 1000 ? `~${approx(value)} ms` : `~${approx(value / 1000)} s`;
}

/** A rounded count, e.g. tokens per case: `~1,200`. */
export function formatApproxCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value === 0 ? '0' : `~${approx(value)}`;
}

/** Calls per case, to 0.1: `2.1`. */
export function formatPerCase(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(1);
}

/** A rating, to the whole point. */
export function formatRating(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Math.round(value).toLocaleString('en-US');
}

function approx(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 2 });
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
