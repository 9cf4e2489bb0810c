/**
 * A search term as an ILIKE pattern that matches it anywhere, literally: `%`, `_` and `\` in the
 * term are escaped (Postgres' default LIKE escape is the backslash), so `q=%` finds titles that
 * contain a percent sign, not every row.
 */
export function containsPattern(term: string | undefined | null): string | null {
  if (term === undefined || term === null) return null;
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
