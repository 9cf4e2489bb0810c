import type { Period } from '../api/get-leaderboard';

export function PeriodToggle({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Period</legend>
      {(
        [
          ['all', 'All time'],
          ['week', 'This week'],
        ] as const
      ).map(([period, label]) => (
        <button
          key={period}
          type="button"
          className={`segmented__option${value === period ? ' segmented__option--active' : ''}`}
          aria-pressed={value === period}
          onClick={() => onChange(period)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
