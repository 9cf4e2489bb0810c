/** Number formats shared by every table and timeline, so the same value reads the same everywhere. */

/** Dollars: sub-cent costs are the norm under sim models, so they keep six decimals. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  return `$${usd.toFixed(usd < 0.01 ? 6 : 4)}`;
}

/** Virtual milliseconds, whole, with thousands separators. */
export function formatMs(ms: number): string {
  return `${formatInt(ms)} ms`;
}

/**
 * A hidden-set figure the server rounded to 2 significant figures, read as such: `~1,200`,
 * `~0.042` (never padded with digits it does not have).
 */
export function formatApprox(value: number): string {
  if (value === 0) return '0';
  return `~${value.toLocaleString('en-US', { maximumSignificantDigits: 2 })}`;
}

export function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A 0..1 score as 0.00–1.00; a score the grader could not give is shown as such, not as zero. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(2);
}

/** `ok 4 · invalid_output 1`, most frequent first; `none` when empty. */
export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([key, n]) => `${key} ${n}`).join(' · ') : 'none';
}

/** One line, at most `max` characters: for prompts and outputs in tables and timelines. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

/** A value as compact JSON (strings as they are), for one-line display. */
export function compactJson(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}
