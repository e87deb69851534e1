import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CriterionResult } from '../../lib/api';
import { ApiError } from '../../lib/api';
import { i18n } from '../../test/setup';
import { auditRseReport } from '../reviews/fixtures';
import {
  type DecisionDraft,
  DecisionForm,
  DecisionSummary,
  initialDraft,
  validateDecision,
  withScore,
} from './decision-form';
import type { DecisionInput } from './queries';

const k3 = auditRseReport.criteria[2] as CriterionResult; // AI score 1, no decision
const k1 = auditRseReport.criteria[0] as CriterionResult; // AI score 3, decision 2 « preuves surévaluées »

function Harness({
  criterion,
  onSubmit,
  error,
  descriptors,
}: {
  criterion: CriterionResult;
  onSubmit: (input: DecisionInput) => void;
  error?: unknown;
  descriptors?: Record<0 | 1 | 2 | 3 | 4, string>;
}) {
  const [draft, setDraft] = useState<DecisionDraft>(initialDraft(criterion));
  return (
    <DecisionForm
      criterion={criterion}
      draft={draft}
      onChange={setDraft}
      onCancel={() => undefined}
      onSubmit={onSubmit}
      error={error}
      descriptors={descriptors}
    />
  );
}

const score = (n: number) => screen.getByRole('radio', { name: new RegExp(`^${n}`) }) as HTMLInputElement;
const reason = () => screen.getByLabelText('Motif') as HTMLSelectElement;
const comment = () => screen.getByRole('textbox') as HTMLTextAreaElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));

describe('validateDecision', () => {
  it('applies the rules of the server: a reason, the AI score for « agree », a comment for « other »', () => {
    expect(validateDecision({ score: 1, reason: '', comment: '' }, 1)).toBe('trainer.decision.errorReason');
    expect(validateDecision({ score: 1, reason: 'agree', comment: '' }, 1)).toBeNull();
    expect(validateDecision({ score: 2, reason: 'agree', comment: '' }, 1)).toBe(
      'trainer.decision.errorAgreeScore',
    );
    expect(validateDecision({ score: 0, reason: 'other', comment: '   ' }, 1)).toBe(
      'trainer.decision.errorOtherComment',
    );
    expect(validateDecision({ score: 0, reason: 'other', comment: 'Hors sujet.' }, 1)).toBeNull();
    expect(validateDecision({ score: 3, reason: 'evidence_missed', comment: '' }, 1)).toBeNull();
  });

  it('clears « agree » when another score is chosen, and starts from the last decision', () => {
    expect(withScore({ score: 1, reason: 'agree', comment: '' }, 2, 1)).toEqual({
      score: 2,
      reason: '',
      comment: '',
    });
    expect(withScore({ score: 1, reason: 'off_topic', comment: 'x' }, 0, 1)).toEqual({
      score: 0,
      reason: 'off_topic',
      comment: 'x',
    });
    expect(initialDraft(k3)).toEqual({ score: 1, reason: '', comment: '' });
    expect(initialDraft(k1)).toEqual({
      score: 2,
      reason: 'evidence_overrated',
      comment: 'Ajoutez la source des chiffres de 2023.',
    });
    expect(initialDraft(k3, 4).score).toBe(4);
  });
});

describe('DecisionForm', () => {
  it('offers the five scores with their levels, the AI score marked, and the reasons in words', () => {
    render(<Harness criterion={k3} onSubmit={vi.fn()} />);
    const group = screen.getByRole('group', { name: 'Votre note' });
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    expect(score(1).checked).toBe(true);
    expect(score(1).closest('label')?.textContent).toBe('1InsuffisantIA');
    expect(score(4).closest('label')?.textContent).toBe('4Excellent');
    expect([...reason().options].map((o) => o.textContent)).toEqual([
      'Choisissez un motif',
      "D'accord avec l'analyse",
      "Preuve présente que l'IA n'a pas vue",
      'Preuves surévaluées (volume ≠ analyse)',
      'Passages cités hors sujet',
      'Grille mal appliquée pour ce niveau',
      'Texte caché ou instructions injectées',
      'Autre (voir commentaire)',
    ]);
  });

  it('requires a reason, and a comment for « Autre »', () => {
    const onSubmit = vi.fn();
    render(<Harness criterion={k3} onSubmit={onSubmit} />);
    fireEvent.click(score(0));
    save();
    expect(screen.getByRole('alert').textContent).toBe('Choisissez un motif.');

    fireEvent.change(reason(), { target: { value: 'other' } });
    expect(screen.getByLabelText('Commentaire (obligatoire pour « Autre »)')).toBe(comment());
    save();
    expect(screen.getByRole('alert').textContent).toBe('Le motif « Autre » demande un commentaire.');
    expect(comment().getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(comment(), {
      target: { value: '  Le passage cité parle du budget, pas des acheteurs.  ' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
    save();
    expect(onSubmit).toHaveBeenCalledWith({
      score: 0,
      reason: 'other',
      comment: 'Le passage cité parle du budget, pas des acheteurs.',
    });
  });

  it('keeps the AI score with « agree », and drops « agree » for another score', () => {
    const onSubmit = vi.fn();
    render(<Harness criterion={k3} onSubmit={onSubmit} />);
    fireEvent.click(score(3));
    fireEvent.change(reason(), { target: { value: 'agree' } });
    // « D'accord » puts the AI's score back.
    expect(score(1).checked).toBe(true);
    save();
    expect(onSubmit).toHaveBeenLastCalledWith({ score: 1, reason: 'agree' });

    fireEvent.click(score(2));
    expect(reason().value).toBe('');
    fireEvent.change(reason(), { target: { value: 'evidence_missed' } });
    save();
    expect(onSubmit).toHaveBeenLastCalledWith({ score: 2, reason: 'evidence_missed' });
  });

  it('speaks English when the interface does', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    render(<Harness criterion={k3} onSubmit={vi.fn()} />);
    expect(screen.getByRole('group', { name: 'Your score' })).toBeTruthy();
    expect(
      [...(screen.getByLabelText('Reason') as HTMLSelectElement).options].map((o) => o.textContent),
    ).toEqual([
      'Choose a reason',
      'Agree with the analysis',
      'Evidence present that the AI missed',
      'Evidence overrated (volume ≠ analysis)',
      'Quoted passages off topic',
      'Rubric level misapplied',
      'Hidden text or injected instructions',
      'Other (see comment)',
    ]);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the decision' }));
    expect(screen.getByRole('alert').textContent).toBe('The reason "Other" needs a comment.');
  });

  it("shows the server's refusal in French", () => {
    const error = new ApiError(400, 'validation_error', 'Le motif « Autre » demande un commentaire.');
    render(<Harness criterion={k3} onSubmit={vi.fn()} error={error} />);
    expect(screen.getByRole('alert').textContent).toBe('Le motif « Autre » demande un commentaire.');
  });
});

describe('DecisionSummary', () => {
  it("shows the trainer's score and reason beside the AI's", () => {
    const { container } = render(<DecisionSummary criterion={k1} />);
    expect(screen.getByText('Note corrigée')).toBeTruthy();
    expect(container.querySelector('.score-pill')?.textContent).toBe('2/4Partiel');
    expect(screen.getByText('Preuves surévaluées (volume ≠ analyse)')).toBeTruthy();
    expect(screen.getByText('Ajoutez la source des chiffres de 2023.')).toBeTruthy();
    expect(screen.getByText(/^Par Claire Martin, le/)).toBeTruthy();
  });

  it('says « validée » when the trainer agreed, and nothing without a decision', () => {
    const agreed = {
      ...k3,
      decision: {
        score: 1,
        reason: 'agree',
        comment: null,
        by: 'Claire Martin',
        at: '2025-03-14T10:20:00.000Z',
      },
    };
    const { container, rerender } = render(<DecisionSummary criterion={agreed} />);
    expect(screen.getByText('Note validée')).toBeTruthy();
    expect(screen.getByText("D'accord avec l'analyse")).toBeTruthy();
    rerender(<DecisionSummary criterion={k3} />);
    expect(container.textContent).toBe('');
  });
});

describe('score buttons with the rubric descriptors', () => {
  const descriptors = {
    0: 'Rien sur ce point.',
    1: 'Cité sans analyse.',
    2: 'Analyse incomplète.',
    3: 'Analyse argumentée et étayée.',
    4: 'Chiffrée, sourcée, cohérente.',
  };
  const shown = () => screen.queryAllByRole('tooltip').map((tip) => tip.textContent);

  it('shows the descriptor of the focused score, named as its description', () => {
    render(<Harness criterion={k3} onSubmit={vi.fn()} descriptors={descriptors} />);
    expect(shown()).toEqual([]);
    act(() => score(3).focus());
    expect(shown()).toEqual(['3/4 · Satisfaisant Analyse argumentée et étayée.']);
    const tip = document.getElementById(score(3).getAttribute('aria-describedby') ?? '');
    expect(tip?.textContent).toBe('3/4 · Satisfaisant Analyse argumentée et étayée.');
    act(() => score(4).focus());
    expect(shown()).toEqual(['4/4 · Excellent Chiffrée, sourcée, cohérente.']);
    act(() => score(4).blur());
    expect(shown()).toEqual([]);
  });

  it('follows the pointer, stays while the pointer is on the tooltip, and hides on Escape without moving focus', () => {
    render(<Harness criterion={k3} onSubmit={vi.fn()} descriptors={descriptors} />);
    act(() => score(1).focus());
    const label2 = score(2).closest('label') as HTMLElement;
    fireEvent.mouseEnter(label2);
    // Hover wins over focus while it lasts.
    expect(shown()).toEqual(['2/4 · Partiel Analyse incomplète.']);
    // Moving onto the tooltip (inside the hovered area) keeps it.
    const tip = screen.getByRole('tooltip');
    fireEvent.mouseOut(label2, { relatedTarget: tip });
    fireEvent.mouseOver(tip, { relatedTarget: label2 });
    expect(shown()).toEqual(['2/4 · Partiel Analyse incomplète.']);
    // Escape dismisses it; the focus stays on the score.
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(shown()).toEqual([]);
    expect(document.activeElement).toBe(score(1));
    // Another score brings it back.
    fireEvent.mouseEnter(score(4).closest('label') as HTMLElement);
    expect(shown()).toEqual(['4/4 · Excellent Chiffrée, sourcée, cohérente.']);
    // Leaving the whole area: back to the focused score's.
    fireEvent.mouseOut(score(4).closest('label') as HTMLElement, { relatedTarget: document.body });
    expect(shown()).toEqual(['1/4 · Insuffisant Cité sans analyse.']);
  });

  it('has no tooltip when the rubric is not known', () => {
    render(<Harness criterion={k3} onSubmit={vi.fn()} />);
    act(() => score(2).focus());
    expect(screen.queryAllByRole('tooltip', { hidden: true })).toEqual([]);
    expect(score(2).hasAttribute('aria-describedby')).toBe(false);
  });
});
