import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../test/setup';
import type { Review } from '../../lib/api';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { dossierKeys } from '../dossiers/queries';
import { reviewKeys } from '../reviews/queries';
import { DOSSIER_ID, dossierText, queue, REVIEW_ID, review, trainer } from './fixtures';
import { trainerKeys } from './queries';
import { TrainerReviewPage } from './review-page';

type Json = Record<string, unknown>;

const descriptors = (id: string) => ({
  0: `${id} : rien`,
  1: `${id} : cité sans analyse`,
  2: `${id} : analyse incomplète`,
  3: `${id} : analyse argumentée`,
  4: `${id} : chiffré, sourcé, cohérent`,
});
const rubric = {
  version: 'v1',
  examId: 'b1-audit-rse',
  scale: [],
  criteria: ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'].map((id) => ({
    id,
    descriptors: descriptors(id),
    anchors: [],
  })),
};

let serverReview: Review;
let posts: { path: string; body: Json }[];
let refuse: { status: number; code: string; message: string } | null;

stubFetch((url, init) => {
  const path = url.pathname;
  if (init?.method === 'POST') {
    const body = JSON.parse(String(init.body ?? '{}')) as Json;
    posts.push({ path, body });
    if (refuse)
      return Response.json(
        { error: { code: refuse.code, message: refuse.message } },
        { status: refuse.status },
      );
    const at = '2025-03-20T09:30:00.000Z';
    const decision = path.match(/\/criteria\/([^/]+)\/decision$/);
    if (decision && serverReview.report) {
      const criterionId = decision[1];
      const saved = {
        score: body.score as number,
        reason: body.reason as string,
        comment: (body.comment as string) ?? null,
        by: 'Claire Martin',
        at,
      };
      serverReview = {
        ...serverReview,
        report: {
          ...serverReview.report,
          criteria: serverReview.report.criteria.map((c) =>
            c.id === criterionId ? { ...c, decision: saved } : c,
          ),
        },
      };
      const ai = serverReview.report?.criteria.find((c) => c.id === criterionId)?.score ?? 0;
      return Response.json({ criterionId, aiScore: ai, ...saved }, { status: 201 });
    }
    if (path.endsWith('/check')) {
      const check = { by: 'Claire Martin', comment: (body.comment as string) ?? null, at };
      serverReview = { ...serverReview, report: { ...serverReview.report, check } as Review['report'] };
      return Response.json(check, { status: 201 });
    }
  }
  if (path === `/api/reviews/${REVIEW_ID}`) return Response.json(serverReview);
  if (path === `/api/dossiers/${DOSSIER_ID}/versions/2/text`) return Response.json(dossierText);
  if (path === '/api/trainer/queue') return Response.json(queue);
  if (path === `/api/reviews/${REVIEW_ID}/rubric`) return Response.json(rubric);
});

function renderPage() {
  return renderRoute({
    path: '/formateur/revues/:id',
    element: <TrainerReviewPage />,
    route: `/formateur/revues/${REVIEW_ID}`,
    me: trainer,
    cache: [
      [reviewKeys.review(REVIEW_ID), serverReview],
      [dossierKeys.text(DOSSIER_ID, 2), dossierText],
      [trainerKeys.queue({}), queue],
    ],
  });
}

const card = (id: string) => document.getElementById(`criterion-${id}`) as HTMLElement;
const selectedId = () =>
  document.querySelector('[aria-current="true"][data-criterion]')?.getAttribute('data-criterion');
const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });
const textPanel = () => screen.getByRole('region', { name: 'Texte du dossier (version 2)' });

beforeEach(() => {
  serverReview = review;
  posts = [];
  refuse = null;
});

describe('TrainerReviewPage', () => {
  it('shows the candidate, the criteria with their AI scores and the dossier text with the quotes highlighted', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Relecture : Camille Candidat' })).toBeTruthy();
    expect(screen.getByText('1 critère revu sur 7')).toBeTruthy();
    expect(document.querySelectorAll('article[data-criterion]')).toHaveLength(7);
    // Report-level signals are shown in words (the offline label is not a signal).
    const flags = screen.getByRole('region', { name: "Points d'attention de l'analyse" });
    expect(within(flags).getByText('Consigne adressée au correcteur dans le dossier')).toBeTruthy();

    // K1 is selected first: its quote is highlighted in the text, on page 3.
    expect(selectedId()).toBe('K1');
    expect(within(card('K1')).getByText('Critère sélectionné')).toBeTruthy();
    const mark = textPanel().querySelector('mark.is-active');
    expect(mark?.textContent).toBe(
      "réduire de 30 % les émissions de gaz à effet de serre liées au transport d'ici 2026",
    );
    expect(mark?.closest('section')?.id).toBe('dossier-page-3');

    // The existing decision is shown beside the AI's score.
    expect(within(card('K1')).getByText('Note corrigée')).toBeTruthy();
    expect(within(card('K1')).getByText('Preuves surévaluées (volume ≠ analyse)')).toBeTruthy();
    expect(card('K1').querySelector('[data-part="ai-score"] .score-pill')?.textContent).toBe(
      '3/4Satisfaisant',
    );
  });

  it('scrolls the text to a quote when its evidence is clicked', () => {
    renderPage();
    fireEvent.click(within(card('K5')).getByRole('button', { name: /^Montrer dans le texte :.*p\. 7$/ }));
    expect(selectedId()).toBe('K5');
    expect(textPanel().querySelector('mark.is-active')?.textContent).toBe(
      'taux de recyclage, émissions de CO2, taux de fréquence des accidents',
    );
    expect(screen.getByText('Passage surligné, page 7.')).toBeTruthy();
    expect(screen.getByText('Le passage cité pour K5 est surligné.')).toBeTruthy();
  });

  it('says when a quote is not in the extracted text', () => {
    const report = review.report;
    if (!report) throw new Error('fixture without report');
    serverReview = {
      ...review,
      report: {
        ...report,
        criteria: report.criteria.map((c) =>
          c.id === 'K4' ? { ...c, evidence: [{ quote: 'une phrase qui ne figure nulle part', page: 6 }] } : c,
        ),
      },
    };
    renderPage();
    fireEvent.click(within(card('K4')).getByRole('button', { name: /^Montrer dans le texte :.*p\. 6$/ }));
    expect(textPanel().querySelector('mark')).toBeNull();
    expect(screen.getAllByText('Passage introuvable dans le texte extrait (page 6 annoncée).')).toHaveLength(
      2,
    );
  });

  it('moves between criteria with j and k, and ignores keys typed in a field', () => {
    renderPage();
    press('j');
    expect(selectedId()).toBe('K2');
    expect(document.activeElement).toBe(card('K2'));
    press('j');
    press('j');
    expect(selectedId()).toBe('K4');
    press('k');
    expect(selectedId()).toBe('K3');
    // K3's quote is highlighted now, on page 5.
    expect(textPanel().querySelector('mark.is-active')?.closest('section')?.id).toBe('dossier-page-5');

    const comment = screen.getByLabelText('Commentaire pour le candidat');
    comment.focus();
    press('j', comment);
    press('a', comment);
    expect(selectedId()).toBe('K3');
    expect(posts).toEqual([]);
    // Escape leaves the field; the shortcuts work again.
    press('Escape', comment);
    expect(document.activeElement).not.toBe(comment);
    press('k');
    expect(selectedId()).toBe('K2');
    // With a modifier, the key is the browser's.
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    expect(selectedId()).toBe('K2');
  });

  it('accepts the AI score with a, then goes to the next criterion', async () => {
    renderPage();
    press('j');
    press('a');
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/reviews/${REVIEW_ID}/criteria/K2/decision`,
      body: { score: 2, reason: 'agree' },
    });
    await waitFor(() => expect(selectedId()).toBe('K3'));
    await within(card('K2')).findByText('Note validée');
    expect(screen.getByText('Décision enregistrée pour le critère K2.')).toBeTruthy();
    await screen.findByText('2 critères revus sur 7');
  });

  it('sets another score with 0–4, then the reason and the comment, and saves it', async () => {
    renderPage();
    press('j');
    press('j'); // K3, AI score 1
    press('3');
    const k3 = card('K3');
    const reason = within(k3).getByLabelText('Motif');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect((within(k3).getByRole('radio', { name: /^3/ }) as HTMLInputElement).checked).toBe(true);
    // Typing in the form does not trigger shortcuts.
    press('1', reason);
    expect((within(k3).getByRole('radio', { name: /^3/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.change(reason, { target: { value: 'other' } });
    fireEvent.click(within(k3).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(within(k3).getByRole('alert').textContent).toBe('Le motif « Autre » demande un commentaire.');
    expect(posts).toEqual([]);

    const comment = within(k3).getByLabelText('Commentaire (obligatoire pour « Autre »)');
    fireEvent.change(comment, {
      target: { value: 'La comparaison avec les acheteurs est bien faite p. 5.' },
    });
    fireEvent.click(within(k3).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].body).toEqual({
      score: 3,
      reason: 'other',
      comment: 'La comparaison avec les acheteurs est bien faite p. 5.',
    });
    await within(k3).findByText('Note corrigée');
    expect(within(k3).queryByRole('group', { name: 'Votre note' })).toBeNull();
  });

  it('focuses the comment with c', async () => {
    renderPage();
    press('c');
    const comment = within(card('K1')).getByLabelText('Commentaire (facultatif)');
    await waitFor(() => expect(document.activeElement).toBe(comment));
    // The form starts from the last decision.
    expect((comment as HTMLTextAreaElement).value).toBe('Ajoutez la source des chiffres de 2023.');
  });

  it('documents the shortcuts in a help that ? opens', () => {
    renderPage();
    const help = screen.getByText('Raccourcis clavier').closest('details') as HTMLDetailsElement;
    expect(help.open).toBe(false);
    press('?');
    expect(help.open).toBe(true);
    const keys = [...help.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(keys).toEqual(['j', 'k', 'a', '01234', 'c', 'Échap', '?']);
    expect(
      within(help).getByText(
        "Valider la note de l'IA et passer au critère suivant (un critère déjà décidé garde sa décision)",
      ),
    ).toBeTruthy();
    press('?');
    expect(help.open).toBe(false);
  });

  it("shows the server's refusal in French", async () => {
    refuse = {
      status: 409,
      code: 'review_not_done',
      message: "L'analyse n'est pas terminée : rien à valider pour l'instant.",
    };
    renderPage();
    fireEvent.click(
      within(card('K2')).getByRole('button', { name: "Valider 2/4 (note de l'IA) pour le critère K2" }),
    );
    expect(
      await within(card('K2')).findByText("L'analyse n'est pas terminée : rien à valider pour l'instant."),
    ).toBeTruthy();
  });

  it('does not offer to accept the score of a failed criterion', () => {
    renderPage();
    const k6 = card('K6');
    expect(within(k6).queryByRole('button', { name: /note de l'IA\) pour le critère/ })).toBeNull();
    expect(within(k6).getByRole('button', { name: 'Corriger la note du critère K6' })).toBeTruthy();
    for (let i = 0; i < 5; i++) press('j');
    expect(selectedId()).toBe('K6');
    press('a');
    expect(posts).toEqual([]);
  });

  it('marks the review as checked with a comment for the candidate', async () => {
    renderPage();
    const section = screen.getByRole('region', { name: "Vérification de l'analyse" });
    fireEvent.change(within(section).getByLabelText('Commentaire pour le candidat'), {
      target: { value: 'Reprenez K3 et K5 avant le jury.' },
    });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Marquer comme vérifiée' }));
    });
    // Criteria are still undecided: nothing is sent before the trainer confirms.
    const warning = within(section).getByRole('alert');
    expect(warning.textContent).toMatch(/critères? n'(a|ont) pas encore de décision/);
    expect(posts).toEqual([]);
    await act(async () => {
      fireEvent.click(within(warning).getByRole('button', { name: 'Marquer quand même' }));
    });
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/reviews/${REVIEW_ID}/check`,
      body: { comment: 'Reprenez K3 et K5 avant le jury.' },
    });
    expect(await within(section).findByText('Analyse marquée comme vérifiée.')).toBeTruthy();
    expect(within(section).getByText(/^Vérifiée par Claire Martin, le/)).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Mettre à jour la vérification' })).toBeTruthy();
  });

  it('after a correction, offers to edit the decision instead of « Valider » the AI score, and a skips it', async () => {
    renderPage();
    // K1 was changed to 2/4 (AI 3/4): no « Valider 3/4 » any more, and no second « Corriger ».
    expect(within(card('K1')).queryByRole('button', { name: /^Valider/ })).toBeNull();
    const edit = within(card('K1')).getByRole('button', { name: 'Modifier la décision sur le critère K1' });
    // Undecided K2 still offers both.
    expect(within(card('K2')).getByRole('button', { name: /^Valider 2\/4/ })).toBeTruthy();
    // « a » on the decided K1 moves on without overwriting the correction.
    expect(selectedId()).toBe('K1');
    press('a');
    await waitFor(() => expect(selectedId()).toBe('K2'));
    expect(posts).toEqual([]);
    // « Modifier » opens the form on the trainer's score.
    fireEvent.click(edit);
    expect((screen.getByRole('radio', { name: /^2/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows what the levels mean beside each criterion, and each score button describes its level on focus', async () => {
    renderPage();
    const levels = await within(card('K3')).findByTestId('levels-K3');
    expect(within(levels).getByText('Ce que signifient les niveaux').tagName).toBe('SUMMARY');
    // The AI's 1/4 is the level marked on an undecided criterion.
    expect(levels.querySelector('[aria-current="true"]')?.textContent).toContain('K3 : cité sans analyse');
    fireEvent.click(within(card('K3')).getByRole('button', { name: 'Corriger la note du critère K3' }));
    const two = within(card('K3')).getByRole('radio', { name: /^2/ });
    const tip = document.getElementById(two.getAttribute('aria-describedby') ?? '');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.hidden).toBe(true);
    act(() => two.focus());
    expect(tip?.hidden).toBe(false);
    expect(tip?.textContent).toBe('2/4 · Partiel K3 : analyse incomplète');
  });
});
