import { useSearchParams } from 'react-router';

/**
 * One filter of a list page: a labelled select whose first option (empty value) means « all ». The
 * options are `[value, label]` pairs.
 */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  all,
  options,
  className = 'filter-field',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  options: readonly (readonly [string, string])[];
  /** The field's classes (the trainer pages' filters are also `field`s). */
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Sets one filter kept in the address (`?promotion=…`), or removes it when empty; it replaces the history
 * entry and keeps the scroll position, so changing a filter is not a new page.
 */
export function useSetSearchParam(): (name: string, value: string | null) => void {
  const [, setParams] = useSearchParams();
  return (name, value) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
}

/** A select's `[value, label]` options from records with an id. */
export function optionsOf<T extends { id: string }>(
  items: readonly T[] | undefined,
  label: (item: T) => string,
): (readonly [string, string])[] {
  return (items ?? []).map((item) => [item.id, label(item)] as const);
}
