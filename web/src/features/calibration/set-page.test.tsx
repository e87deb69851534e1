import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { examteam, rubricV1, SET_ID, set } from './fixtures';
import { calibrationKeys } from './queries';
import { CalibrationSetPage } from './set-page';

let importAnswer: () => Response;
const fetchMock = stubFetch((url) => {
  if (url.pathname === `/api/calibration/sets/${SET_ID}/scores`) return importAnswer();
  if (url.pathname === `/api/calibration/sets/${SET_ID}`) return Response.json(set);
});

function renderSet() {
  return renderRoute({
    path: '/calibration/jeux/:id',
    element: <CalibrationSetPage />,
    route: `/calibration/jeux/${SET_ID}`,
    me: examteam,
    cache: [
      [calibrationKeys.set(SET_ID), set],
      [calibrationKeys.rubrics('b1-audit-rse'), [rubricV1]],
    ],
  });
}

function chooseFile(text: string) {
  const input = screen.getByLabelText('Fichier CSV des notes du jury') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], 'notes.csv', { type: 'text/csv' })] } });
  fireEvent.click(screen.getByRole('button', { name: 'Importer les notes' }));
}

describe('CalibrationSetPage: importing jury scores', () => {
  it('lists every refused line with its reason', async () => {
    importAnswer = () =>
      Response.json(
        {
          error: {
            code: 'invalid_csv',
            message:
              "Import refusé, rien n'a été enregistré : 2 erreur(s). ligne 3 : critère inconnu pour l'épreuve « Audit RSE » : « K9 ». ; ligne 4 : note invalide « 5 » : entier de 0 à 4 attendu.",
            details: {
              total: 2,
              errors: [
                { line: 3, message: "critère inconnu pour l'épreuve « Audit RSE » : « K9 »." },
                { line: 4, message: 'note invalide « 5 » : entier de 0 à 4 attendu.' },
              ],
            },
          },
        },
        { status: 400 },
      );
    renderSet();
    chooseFile('dossier_id,criterion_id,score\n');
    const table = await screen.findByRole('table', { name: '2 lignes à corriger' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "3critère inconnu pour l'épreuve « Audit RSE » : « K9 ».",
      '4note invalide « 5 » : entier de 0 à 4 attendu.',
    ]);
    // Each error once: in the table, not again in the message above it.
    expect(screen.getByText("Import refusé, rien n'a été enregistré.")).toBeTruthy();
    expect(screen.getAllByText(/critère inconnu/)).toHaveLength(1);
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/scores')) ?? [];
    expect(new Headers(init?.headers).get('content-type')).toBe('text/csv');
  });

  it('says what was imported', async () => {
    importAnswer = () =>
      Response.json({ imported: 60, created: 58, updated: 2, dossiers: 10, raters: ['jury'] });
    renderSet();
    chooseFile('dossier_id,criterion_id,score\n');
    expect(
      (await screen.findByText('60 notes importées (58 nouvelles, 2 mises à jour) pour 10 dossiers.'))
        .textContent,
    ).toBeTruthy();
  });

  it('waits for human scores before a run or a comparison', () => {
    renderSet();
    expect((screen.getByRole('button', { name: "Lancer l'analyse" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText("Importez d'abord des notes humaines.")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Télécharger le modèle à remplir' }).getAttribute('href')).toBe(
      `/api/calibration/sets/${SET_ID}/template.csv`,
    );
  });
});
