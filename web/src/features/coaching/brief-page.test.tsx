import { act, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, testQueryClient } from '../../test/render';
import { i18n } from '../../test/setup';
import { ExamBriefPage } from './brief-page';
import { auditRseBrief } from './fixtures';
import { coachingKeys } from './queries';

function renderBrief() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(coachingKeys.brief('b1-audit-rse'), auditRseBrief);
  return renderWithProviders(
    <Routes>
      <Route path="/epreuves/:id/fiche" element={<ExamBriefPage />} />
    </Routes>,
    { route: '/epreuves/b1-audit-rse/fiche', queryClient },
  );
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('ExamBriefPage', () => {
  it('offers the checklist download and the way to upload a draft', () => {
    renderBrief();
    expect(screen.getByRole('heading', { level: 1, name: 'Fiche de préparation — Audit RSE' })).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Télécharger la liste à cocher' });
    expect(download.getAttribute('href')).toBe('/api/exams/b1-audit-rse/brief.md');
    expect(download.hasAttribute('download')).toBe(true);
    expect(
      screen.getByRole('link', { name: 'Déposer un brouillon pour cette épreuve' }).getAttribute('href'),
    ).toBe('/?epreuve=b1-audit-rse');
  });

  it('lists deliverables and criteria (with competencies), each pointing at the outline parts that serve it', () => {
    renderBrief();
    const asked = section('Ce que vous devez présenter');
    const l3 = asked.querySelector('#livrable-L3') as HTMLElement;
    expect(l3.textContent).toContain('actions de planification RSE');
    expect(within(l3).getByRole('link', { name: 'Partie 3' }).getAttribute('href')).toBe('#partie-3');

    const k1 = section('Ce que le jury évalue').querySelector('#critere-K1') as HTMLElement;
    const chips = within(k1).getByRole('list', { name: 'Compétences évaluées' });
    expect(
      within(chips)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['C9', 'C10']);
    expect(within(chips).getByRole('link', { name: 'C9' }).getAttribute('title')).toMatch(/^B1\.A3\.C9 — /);
    expect(
      within(k1)
        .getAllByRole('link', { name: /^Partie/ })
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#partie-2', '#partie-3']);
  });

  it('maps each part of the suggested outline to its deliverables and criteria, with a page budget', () => {
    renderBrief();
    const outline = section('Plan suggéré');
    expect(outline.textContent).toContain('une part indicative de vos 5 pages');
    const part3 = outline.querySelector('#partie-3') as HTMLElement;
    expect(within(part3).getByRole('heading', { level: 3 }).textContent).toBe(
      'Partie 3 Document présentant les actions de planification RSE',
    );
    expect(part3.textContent).toContain('≈ 2,5 pages');
    expect(
      within(within(part3).getByRole('list', { name: 'Sert :' }))
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['L3', '#livrable-L3'],
      ['K1', '#critere-K1'],
      ['K5', '#critere-K5'],
    ]);
    expect((outline.querySelector('#partie-1') as HTMLElement).textContent).toContain('≈ 0,5 page');
  });

  it('explains the methods, lists the pitfalls and the modalities, and states the integrity rule', () => {
    renderBrief();
    const methods = section('Méthodes utiles');
    expect(within(methods).getByRole('heading', { name: 'Objectifs SMART' })).toBeTruthy();
    expect(methods.textContent).toContain('Spécifique, Mesurable, Atteignable');
    expect(within(section('Pièges à éviter')).getAllByRole('listitem')).toHaveLength(2);
    expect(section('Modalités').textContent).toContain('10 pages hors annexes');
    expect(section('Votre dossier, votre travail').textContent).toContain('ne rédigent pas le dossier');
  });

  it('switches its own words to English; the referential stays as written', async () => {
    renderBrief();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('heading', { level: 1, name: 'Preparation sheet — Audit RSE' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the checklist' })).toBeTruthy();
    expect(section('Suggested outline').textContent).toContain('≈ 2.5 pages');
    expect(section('What you must present').textContent).toContain('Un rapport de veille réglementaire');
  });
});
