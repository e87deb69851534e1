import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { renderWithProviders } from '../../test/render';
import { auditRseExam, oralPrep } from './fixtures';
import { OralPrepView } from './oral-page';
import { formatClock, milestones } from './practice-timer';
import type { OralPrep } from './queries';

function renderOral(oral: OralPrep = oralPrep) {
  return renderWithProviders(<OralPrepView oral={oral} exam={auditRseExam} />);
}

const clock = () => screen.getByRole('timer').textContent;
const announced = () => screen.getByRole('status').textContent;
const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

describe('OralPrepView: questions', () => {
  it('lists the likely questions, weakest first, with what a strong answer must contain', () => {
    renderOral();
    const list = screen.getByRole('region', { name: 'Questions probables du jury' });
    const questions = within(list)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(questions).toEqual([
      'Comment saurez-vous, et quand, que votre objectif principal est atteint ?',
      "Quelle est l'action prioritaire de votre plan, combien coûte-t-elle ?",
    ]);
    const first = list.querySelectorAll<HTMLElement>('.oral-question')[0];
    expect(within(first).getByRole('link', { name: /^Critère K5 : Des indicateurs de RSE/ })).toBeTruthy();
    expect(first.querySelector('.score-pill')?.textContent).toBe('2/4Partiel');
    expect(within(first).getByText("L'indicateur et sa cible chiffrée")).toBeTruthy();
    expect(
      within(list.querySelectorAll<HTMLElement>('.oral-question')[1]).getByText('Non évalué'),
    ).toBeTruthy();
  });

  it('hides the answer points until asked, one question or all at once', () => {
    renderOral();
    const list = screen.getByRole('region', { name: 'Questions probables du jury' });
    const points = screen.getByText("L'indicateur et sa cible chiffrée");
    // In the page but hidden: not shown, not read out.
    expect(points.closest('[hidden]')).not.toBeNull();
    expect(within(list).queryByRole('heading', { name: 'Une réponse solide contient' })).toBeNull();
    const first = within(list).getByRole('button', { name: 'Voir une réponse possible à la question 1' });
    expect(first.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(first);
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(points.closest('[hidden]')).toBeNull();
    expect(document.getElementById(first.getAttribute('aria-controls') ?? '')?.contains(points)).toBe(true);
    // The second one stays hidden.
    expect(within(list).getAllByRole('heading', { name: 'Une réponse solide contient' })).toHaveLength(1);
    fireEvent.click(within(list).getByRole('button', { name: 'Masquer la réponse à la question 1' }));
    expect(points.closest('[hidden]')).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Afficher toutes les réponses' }));
    expect(within(list).getAllByRole('heading', { name: 'Une réponse solide contient' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Masquer toutes les réponses' }));
    expect(within(list).queryByRole('heading', { name: 'Une réponse solide contient' })).toBeNull();
  });

  it('says where the practice length comes from: the referential, an assumption, or per candidate', () => {
    const { unmount } = renderOral();
    expect(screen.getByText("Durée supposée : 20 minutes, le référentiel n'en fixe pas.")).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('calé sur 20 minutes');
    unmount();

    const sixty = renderOral({
      ...oralPrep,
      oralMinutes: 60,
      notes: [],
      practice: { ...oralPrep.practice, minutes: 60, assumed: false },
    });
    expect(screen.getByText("Durée de l'oral : 60 minutes (référentiel).")).toBeTruthy();
    expect(clock()).toContain('60:00');
    sixty.unmount();

    renderOral({
      ...oralPrep,
      oralMinutes: 10,
      oralMinutesPerCandidate: 10,
      practice: { ...oralPrep.practice, minutes: 10, perCandidate: true, assumed: false },
    });
    expect(screen.getByText('Oral collectif : 10 minutes par candidat.')).toBeTruthy();
  });
});

describe('OralPrepView: timed practice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down with start, pause and reset, announcing milestones only', () => {
    renderOral();
    const start = screen.getByRole('button', { name: 'Démarrer' });
    const reset = screen.getByRole('button', { name: 'Réinitialiser' });
    expect(clock()).toBe('Temps restant : 20:00');
    expect(reset.hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');

    fireEvent.click(start);
    expect(announced()).toBe('Chronomètre lancé : 20 minutes.');
    seconds(1);
    expect(clock()).toBe('Temps restant : 19:59');
    // Seconds tick by without a word: nothing new is announced until a milestone.
    seconds(60);
    expect(announced()).toBe('Chronomètre lancé : 20 minutes.');

    // Two minutes in, the introduction is over: the next part is announced and marked.
    seconds(59);
    expect(clock()).toBe('Temps restant : 18:00');
    expect(announced()).toBe('Partie suivante : Vos analyses clés. Il reste 18 minutes.');
    const current = document.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Vos analyses clés');

    seconds(3 * 60);
    expect(announced()).toBe('Il reste 15 minutes.');

    seconds(30);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(announced()).toBe('En pause : il reste 14 minutes 30 secondes.');
    seconds(120);
    expect(clock()).toBe('Temps restant : 14:30');

    fireEvent.click(screen.getByRole('button', { name: 'Reprendre' }));
    expect(announced()).toBe('Chronomètre repris : il reste 14 minutes 30 secondes.');
    seconds(10);
    expect(clock()).toBe('Temps restant : 14:20');

    fireEvent.click(reset);
    expect(clock()).toBe('Temps restant : 20:00');
    expect(announced()).toBe('Chronomètre remis à 20 minutes.');
    expect(screen.getByRole('button', { name: 'Démarrer' })).toBeTruthy();
    expect(document.querySelector('[aria-current="step"]')).toBeNull();
  });

  it('stops at zero and says that time is up', () => {
    renderOral();
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer' }));
    seconds(19 * 60);
    expect(announced()).toBe('Il reste 1 minute.');
    seconds(60);
    expect(clock()).toBe('Temps restant : 00:00');
    expect(announced()).toBe('Temps écoulé.');
    seconds(5);
    expect(clock()).toBe('Temps restant : 00:00');

    // The same button starts again from the full length.
    fireEvent.click(screen.getByRole('button', { name: 'Recommencer' }));
    expect(announced()).toBe('Chronomètre lancé : 20 minutes.');
    seconds(1);
    expect(clock()).toBe('Temps restant : 19:59');
  });
});

describe('timer helpers', () => {
  it('formats the clock rounding up, so it reads 00:00 only at the end', () => {
    expect([formatClock(20 * 60_000), formatClock(59_001), formatClock(1), formatClock(0)]).toEqual([
      '20:00',
      '01:00',
      '00:01',
      '00:00',
    ]);
  });

  it('announces every 5 minutes, the last minute, each part and the end; a part wins over a 5-minute mark', () => {
    const minute = 60_000;
    const marks = milestones(
      20 * minute,
      [2, 8, 10, 20].map((m) => m * minute),
    );
    expect(marks.map((m) => [m.at / minute, m.part])).toEqual([
      [18, 1],
      [15, null],
      [12, 2],
      [10, 3],
      [5, null],
      [1, null],
      [0, null],
    ]);
  });
});
