import { useEffect, useRef } from 'react';

/** True when a key press belongs to what the user is typing (a field, a select, an editable area). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Radios, checkboxes and buttons take no text: shortcuts still apply on them.
    return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** Handlers by key (`event.key`: 'j', '0', '?'). */
export type ShortcutMap = Partial<Record<string, (event: KeyboardEvent) => void>>;

/**
 * Single-key shortcuts on the document. Keys typed in a field are left alone, as are combinations with
 * Ctrl, Alt or Meta (the browser's and the screen reader's own). Escape in a field leaves it, so the
 * shortcuts are one key away.
 */
export function useShortcuts(shortcuts: ShortcutMap, enabled = true) {
  // The latest handlers, without re-subscribing on every render.
  const ref = useRef(shortcuts);
  ref.current = shortcuts;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const handler = ref.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
