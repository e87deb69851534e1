import { type ComponentPropsWithoutRef, createElement, type ReactNode } from 'react';

type Control = 'input' | 'textarea' | 'select';

/**
 * A labelled form control in the app's `.field` layout: `<label>` (the control's accessible name) above the
 * `<input>`, `<textarea>` or `<select>` (`as`), and an optional hint below it, tied by `aria-describedby`
 * as `<id>-hint`. Controlled: `value` in, `onValue` with the new text out. Other attributes (`type`,
 * `required`, `aria-invalid`, the control's own `className`…) pass through to the control; a select's
 * `<option>`s are its children.
 */
export function Field<C extends Control = 'input'>({
  as,
  id,
  label,
  hint,
  fieldClass,
  value,
  onValue,
  ...control
}: {
  as?: C;
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Classes added to the `.field` wrapper. */
  fieldClass?: string;
  value: string;
  onValue: (value: string) => void;
} & Omit<ComponentPropsWithoutRef<C>, 'id' | 'value' | 'onChange'>) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={fieldClass ? `field ${fieldClass}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {createElement(as ?? 'input', {
        id,
        value,
        onChange: (e: { target: { value: string } }) => onValue(e.target.value),
        'aria-describedby': hintId,
        ...control,
      })}
      {hint && (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}
