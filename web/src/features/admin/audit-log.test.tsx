import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fr from '../../i18n/fr.json';
import '../../test/setup';
import { renderWithProviders } from '../../test/render';
import { AuditLog } from './audit-log';
import type { AuditPage } from './queries';

/** What the server lists: two known actions and one this build has no label for yet. */
let actions: string[] = ['cohort.create', 'sso.remove', 'report.future'];
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://localhost');
  if (url.pathname === '/api/admin/users') return Response.json([]);
  if (url.pathname === '/api/admin/audit') {
    const page = { entries: [], total: 0, page: 1, pageSize: 25, actions } as unknown as AuditPage;
    return Response.json(page);
  }
  return Response.json({ error: { code: 'not_found', message: url.pathname } }, { status: 404 });
});

const auditQueries = () =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((u) => u.pathname === '/api/admin/audit');

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  actions = ['cohort.create', 'sso.remove', 'report.future'];
});

describe('AuditLog action filter', () => {
  it('offers exactly the actions the server serves, by label, and filters by the one chosen', async () => {
    renderWithProviders(<AuditLog />);
    const select = screen.getByLabelText('Action');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(4));
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['', ...actions]);
    // Known actions read as their French label; an action the catalogue lacks reads as its code.
    expect(options[1]?.textContent).toBe(fr.admin.actions['cohort.create']);
    expect(options[2]?.textContent).toBe(fr.admin.actions['sso.remove']);
    expect(options[3]?.textContent).toBe('report.future');

    fireEvent.change(select, { target: { value: 'sso.remove' } });
    await waitFor(() => expect(auditQueries().at(-1)?.searchParams.get('action')).toBe('sso.remove'));
  });

  it('follows the server when its list changes', async () => {
    actions = ['user.create'];
    renderWithProviders(<AuditLog />);
    const select = screen.getByLabelText('Action');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect((within(select).getAllByRole('option')[1] as HTMLOptionElement).value).toBe('user.create');
  });
});
