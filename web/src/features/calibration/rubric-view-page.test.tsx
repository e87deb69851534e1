import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { EXAM_ID, examteam, rubricV1 } from './fixtures';
import { calibrationKeys } from './queries';
import { RubricViewPage } from './rubric-view-page';

const fetchMock = stubFetch();

describe('RubricViewPage', () => {
  it('reads a used version in full, with no way to edit it', () => {
    const used = { ...rubricV1, used: true };
    renderRoute({
      path: '/calibration/grilles/:examId/:version',
      element: <RubricViewPage />,
      route: `/calibration/grilles/${EXAM_ID}/v1`,
      me: examteam,
      cache: [[calibrationKeys.rubric(EXAM_ID, 'v1'), used]],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Grille v1' })).toBeTruthy();
    expect(screen.getByText(/figée/)).toBeTruthy();
    const first = used.rubric.criteria[0];
    const section = screen.getByRole('region', { name: new RegExp(`^${first.id} · pondération`) });
    expect(section.textContent).toContain(first.text);
    for (const level of [0, 1, 2, 3, 4] as const) {
      expect(within(section).getByText(first.descriptors[level])).toBeTruthy();
    }
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('link', { name: /Modifier/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Nouvelle version depuis v1' })).toBeTruthy();
    // Reading sends nothing but reads.
    const methods = fetchMock.mock.calls.map((call) => (call as unknown[])[1] as RequestInit | undefined);
    expect(methods.every((init) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });
});
