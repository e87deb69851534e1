import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { renderWithProviders, testQueryClient } from '../../test/render';
import { dossierKeys } from '../dossiers/queries';
import { TextPanel } from './text-panel';

const DOSSIER = '0b6f2f4e-7d0a-4d7c-9a55-3f1f6c1d2e10';

describe('TextPanel', () => {
  it('opens at the page of the quote, with the quote highlighted', () => {
    // jsdom has no layout: scrolling is a no-op we only check is asked for.
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    const queryClient = testQueryClient();
    queryClient.setQueryData(dossierKeys.text(DOSSIER, 2), {
      version: 2,
      text: '',
      sections: [],
      pages: [
        { page: 1, text: 'Audit RSE de la société Transalp.' },
        { page: 2, text: 'La directive CSRD impose un reporting\nde durabilité dès 2025.' },
      ],
    });
    renderWithProviders(
      <TextPanel
        dossierId={DOSSIER}
        version={2}
        page={2}
        quote="impose un reporting de durabilité"
        onClose={() => {}}
      />,
      { queryClient },
    );
    expect(screen.getByRole('heading', { name: 'Texte extrait — version 2' })).toBeTruthy();
    const mark = document.querySelector('mark');
    expect(mark?.textContent).toBe('impose un reporting\nde durabilité');
    expect(mark?.closest('section')?.id).toBe('text-page-2');
    expect(scroll).toHaveBeenCalled();
  });

  it('says so when the passage cannot be found', () => {
    Element.prototype.scrollIntoView = vi.fn();
    const queryClient = testQueryClient();
    queryClient.setQueryData(dossierKeys.text(DOSSIER, 1), {
      version: 1,
      text: '',
      sections: [],
      pages: [{ page: 1, text: 'Un tout autre texte.' }],
    });
    renderWithProviders(
      <TextPanel dossierId={DOSSIER} version={1} page={1} quote="phrase absente" onClose={() => {}} />,
      { queryClient },
    );
    expect(screen.getByText("Le passage exact n'a pas été retrouvé ; voici la page 1.")).toBeTruthy();
    expect(document.querySelector('mark')).toBeNull();
  });
});
