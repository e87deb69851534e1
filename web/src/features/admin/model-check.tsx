import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/states';
import { api, unwrap } from '../../lib/api';

/**
 * The admin's view of `npm run doctor`: runs the same check on the server (POST, billed model calls) on
 * demand, never on page load, and shows its table with what to change.
 */
export function ModelCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => unwrap(api.admin['model-check'].$post()) });
  const report = check.data;
  return (
    <section className="card section" aria-labelledby="model-check-title">
      <h2 id="model-check-title">{t('admin.modelCheck.title')}</h2>
      <p className="muted">{t('admin.modelCheck.intro')}</p>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={check.isPending}
          onClick={() => check.mutate()}
        >
          {check.isPending ? t('admin.modelCheck.running') : t('admin.modelCheck.run')}
        </button>
      </div>
      {check.isError && <ErrorState error={check.error} />}
      {report && (
        <>
          <p role="status">
            <strong>{report.ok ? t('admin.modelCheck.ready') : t('admin.modelCheck.notReady')}</strong>{' '}
            {t('admin.modelCheck.server')} :{' '}
            {report.provider === 'offline'
              ? t('admin.modelCheck.offline')
              : `${report.profile} · ${report.model} · ${report.baseURL ?? ''}`}
          </p>
          <DataTable
            columns={['check', 'result', 'detail', 'fix'].map((k) => ({ label: t(`admin.modelCheck.${k}`) }))}
          >
            {report.checks.map((c) => (
              <tr key={c.id} data-status={c.status}>
                <th scope="row">{t(`admin.modelCheck.checks.${c.id}`)}</th>
                <td>{t(`admin.modelCheck.statuses.${c.status}`)}</td>
                <td>{c.detail}</td>
                <td>{c.fix ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
