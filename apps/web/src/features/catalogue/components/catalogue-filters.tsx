import type { ChallengeSummary } from '@reps/shared';
import { useEffect, useId, useState } from 'react';
import type { CatalogueFilters as Filters } from '../api/get-challenges';

/**
 * Filters over the catalogue. The options come from the whole catalogue (not the filtered list),
 * so choosing one never hides the others.
 */
export function CatalogueFilters({
  filters,
  all,
  signedIn,
  onChange,
}: {
  filters: Filters;
  all: ChallengeSummary[];
  signedIn: boolean;
  onChange: (next: Filters) => void;
}) {
  const id = useId();
  const [q, setQ] = useState(filters.q ?? '');
  const domains = [...new Set(all.map((c) => c.domain))].sort();
  const skills = [...new Set(all.flatMap((c) => c.skills))].sort();

  // The search box writes to the URL after a short pause, not on every key.
  useEffect(() => {
    if ((filters.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q || undefined }), 250);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const select = (key: keyof Filters) => (e: { target: { value: string } }) =>
    onChange({ ...filters, [key]: e.target.value || undefined });
  const active = Object.values(filters).some(Boolean);

  return (
    <form className="filters" aria-label="Filter challenges" onSubmit={(e) => e.preventDefault()}>
      <div className="filters__search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search challenges
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Search challenges…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <label className="filters__select">
        <span>Domain</span>
        <select aria-label="Domain" value={filters.domain ?? ''} onChange={select('domain')}>
          <option value="">All</option>
          {domains.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span>Skill</span>
        <select aria-label="Skill" value={filters.skill ?? ''} onChange={select('skill')}>
          <option value="">All</option>
          {skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__select">
        <span>Difficulty</span>
        <select aria-label="Difficulty" value={filters.difficulty ?? ''} onChange={select('difficulty')}>
          <option value="">All</option>
          {[1, 2, 3, 4, 5].map((d) => (
            <option key={d} value={String(d)}>
              {d} {'●'.repeat(d)}
            </option>
          ))}
        </select>
      </label>
      {signedIn && (
        <label className="filters__select">
          <span>Progress</span>
          <select aria-label="Progress" value={filters.solved ?? ''} onChange={select('solved')}>
            <option value="">All</option>
            <option value="false">Not solved yet</option>
            <option value="true">Solved</option>
          </select>
        </label>
      )}
      {active && (
        <button type="button" className="link-button filters__clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
