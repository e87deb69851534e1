import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, LineErrorsTable } from '../../components/data-table';
import { FormError, useErrorMessage } from '../../components/states';
import { CsvImportError } from '../../lib/csv-import';
import styles from './admin.module.css';
import { useImportRoster } from './queries';

const TEMPLATE =
  '\ufeffnom;email;role;promotion\r\nCamille Martin;camille.martin@exemple.fr;candidat;Promotion A\r\n';

/** Imports a CSV roster, all or nothing; a refused file lists its lines to fix, once. */
export function RosterImport() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportRoster();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  const error = upload.error;
  const links = upload.data?.invitations.filter((i) => i.link) ?? [];
  return (
    <section className="card section" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('admin.roster.title')}</h2>
      <p className="muted">{t('admin.roster.intro')}</p>
      <form className={styles.inlineForm} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={fileId}>{t('admin.roster.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => {
              upload.reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>
          {t('admin.roster.submit')}
        </button>
        <a
          className="button button-secondary"
          download="modele-liste-comptes.csv"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
        >
          {t('admin.roster.template')}
        </a>
      </form>
      {error instanceof CsvImportError ? (
        <div role="alert" className={styles.importErrors}>
          <p className="inline-error">{t('admin.roster.refused')}</p>
          <LineErrorsTable
            caption={t('admin.roster.errorsCaption', { count: error.total })}
            line={t('admin.roster.line')}
            problem={t('admin.roster.problem')}
            rows={error.rows}
          />
        </div>
      ) : (
        <FormError>{error && errorMessage(error)}</FormError>
      )}
      {upload.data && (
        <p role="status" className={styles.status}>
          {t('admin.roster.done', { count: upload.data.created })}
        </p>
      )}
      {links.length > 0 && (
        <DataTable
          caption={t('admin.roster.linksCaption')}
          columns={[
            { label: t('account.name') },
            { label: t('auth.email') },
            { label: t('admin.link.label', { name: '' }).trim() },
          ]}
        >
          {links.map((l) => (
            <tr key={l.userId}>
              <td>{l.name}</td>
              <td>{l.email}</td>
              <td className={styles.linkCell}>{l.link}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
