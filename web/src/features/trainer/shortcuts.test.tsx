import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { isTyping, type ShortcutMap, useShortcuts } from './shortcuts';

function Harness({ shortcuts, enabled }: { shortcuts: ShortcutMap; enabled?: boolean }) {
  useShortcuts(shortcuts, enabled);
  return (
    <form>
      <input aria-label="texte" />
      <input aria-label="case" type="checkbox" />
      <input aria-label="note" type="radio" />
      <textarea aria-label="commentaire" />
      <select aria-label="motif" />
      <button type="button">bouton</button>
    </form>
  );
}

describe('isTyping', () => {
  it('is true in text fields, selects and editable areas, false elsewhere', () => {
    const { getByLabelText, getByRole } = render(<Harness shortcuts={{}} />);
    expect(isTyping(getByLabelText('texte'))).toBe(true);
    expect(isTyping(getByLabelText('commentaire'))).toBe(true);
    expect(isTyping(getByLabelText('motif'))).toBe(true);
    expect(isTyping(getByLabelText('case'))).toBe(false);
    expect(isTyping(getByLabelText('note'))).toBe(false);
    expect(isTyping(getByRole('button'))).toBe(false);
    expect(isTyping(document.body)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('useShortcuts', () => {
  it('calls the handler of a key pressed outside a field, not inside one nor with a modifier', () => {
    const j = vi.fn();
    const { getByLabelText, getByRole } = render(<Harness shortcuts={{ j }} />);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(getByRole('button'), { key: 'j' });
    fireEvent.keyDown(getByLabelText('case'), { key: 'j' });
    expect(j).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(getByLabelText('texte'), { key: 'j' });
    fireEvent.keyDown(getByLabelText('commentaire'), { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j', metaKey: true });
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'J' });
    expect(j).toHaveBeenCalledTimes(3);
  });

  it('leaves a field on Escape, and does nothing when disabled', () => {
    const j = vi.fn();
    const { getByLabelText, rerender } = render(<Harness shortcuts={{ j }} />);
    const field = getByLabelText('commentaire') as HTMLTextAreaElement;
    field.focus();
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(document.activeElement).not.toBe(field);
    rerender(<Harness shortcuts={{ j }} enabled={false} />);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(j).not.toHaveBeenCalled();
  });
});
