/** A row of mutually exclusive options (a period, a view), as pressed buttons in a fieldset. */
export function Segmented<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{legend}</legend>
      {options.map(([option, label]) => (
        <button
          key={option}
          type="button"
          className={`segmented__option${value === option ? ' segmented__option--active' : ''}`}
          aria-pressed={value === option}
          onClick={() => onChange(option)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
