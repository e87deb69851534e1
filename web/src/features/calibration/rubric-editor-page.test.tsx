import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { EXAM_ID, examteam, rubricV1 } from './fixtures';
import { calibrationKeys } from './queries';
import { RubricEditorPage } from './rubric-editor-page';

const fetchMock = stubFetch((url, init) => {
  if (url.pathname === `/api/calibration/rubrics/${EXAM_ID}` && init?.method === 'POST') {
    const body = JSON.parse(String(init.body));
    return Response.json(
      {
        ...rubricV1,
        id: 'r2',
        version: 'v2',
        builtin: false,
        active: false,
        used: false,
        basedOn: 'v1',
        rubric: { ...rubricV1.rubric, version: 'v2', criteria: body.criteria },
      },
      { status: 201 },
    );
  }
});

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.search}`}</output>;
}

describe('RubricEditorPage', () => {
  it('edits wording, weight, a descriptor and anchors into a new version from v1', async () => {
    renderRoute({
      path: '/calibration/grilles/:examId/nouvelle',
      element: <RubricEditorPage />,
      route: `/calibration/grilles/${EXAM_ID}/nouvelle`,
      me: examteam,
      cache: [
        [calibrationKeys.rubrics(EXAM_ID), [rubricV1]],
        [calibrationKeys.rubric(EXAM_ID, 'v1'), rubricV1],
      ],
      routes: <Route path="/calibration/grilles/:examId" element={<Where />} />,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Nouvelle version depuis v1' })).toBeTruthy();
    fireEvent.change(screen.getAllByLabelText('Libellé donné au modèle')[1], {
      target: { value: 'Obligations réglementaires reprises dans le plan' },
    });
    fireEvent.change(screen.getAllByLabelText('Pondération')[0], { target: { value: '2' } });
    fireEvent.change(screen.getAllByLabelText('Niveau 3 — Satisfaisant')[0], {
      target: { value: 'Objectifs SMART.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une ancre à K1' }));
    fireEvent.change(screen.getByLabelText('Note', { selector: 'select' }), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Extrait'), {
      target: { value: 'Réduire de 20 % les émissions d’ici 2027.' },
    });
    fireEvent.change(screen.getByLabelText('Ce qui change et pourquoi'), {
      target: { value: 'Ancrer le niveau 4.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la nouvelle version' }));

    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(`/calibration/grilles/${EXAM_ID}?de=v1&a=v2`),
    );
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') ?? [];
    const body = JSON.parse(String(init?.body));
    expect(body.basedOn).toBe('v1');
    expect(body.note).toBe('Ancrer le niveau 4.');
    expect(body.criteria[0]).toEqual({
      ...rubricV1.rubric.criteria[0],
      weight: 2,
      descriptors: { ...rubricV1.rubric.criteria[0].descriptors, 3: 'Objectifs SMART.' },
      anchors: [{ score: 4, excerpt: 'Réduire de 20 % les émissions d’ici 2027.' }],
    });
    expect(body.criteria[1].text).toBe('Obligations réglementaires reprises dans le plan');
  });
});
