import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './document.module.css';

export type DocumentView = 'text' | 'page';

const STORAGE_KEY = 'prejury.documentView';

function stored(): DocumentView {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'page' ? 'page' : 'text';
  } catch {
    return 'text';
  }
}

/**
 * The view the reader chose last (« Texte » by default), kept across pages; « Page » exists only for a
 * PDF, so anything else is shown as text whatever was chosen.
 */
export function useDocumentView(pageAvailable: boolean): [DocumentView, (view: DocumentView) => void] {
  const [view, setView] = useState<DocumentView>(stored);
  const choose = (next: DocumentView) => {
    setView(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  };
  return [pageAvailable ? view : 'text', choose];
}

/** « Texte » | « Page »: two toggle buttons, the pressed one is the view shown. */
export function ViewSwitch({
  value,
  onChange,
  pageAvailable,
}: {
  value: DocumentView;
  onChange: (view: DocumentView) => void;
  pageAvailable: boolean;
}) {
  const { t } = useTranslation();
  if (!pageAvailable) return <p className="muted small">{t('document.pageOnlyPdf')}</p>;
  return (
    <fieldset className={styles.switch}>
      <legend className="visually-hidden">{t('document.viewLabel')}</legend>
      {(['text', 'page'] as const).map((view) => (
        <button
          key={view}
          type="button"
          className={styles.switchButton}
          aria-pressed={value === view}
          onClick={() => onChange(view)}
        >
          {view === 'text' ? t('document.viewText') : t('document.viewPage')}
        </button>
      ))}
    </fieldset>
  );
}

/**
 * The reader's toolbar above a dossier version: the view switch and the original file to download. The
 * candidate's text panel and the trainer's review both show it, so its look lives here with the switch.
 */
export function DocumentToolbar({
  dossierId,
  version,
  view,
  onView,
  pageAvailable,
}: {
  dossierId: string;
  version: number;
  view: DocumentView;
  onView: (view: DocumentView) => void;
  pageAvailable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.toolbar}>
      <ViewSwitch value={view} onChange={onView} pageAvailable={pageAvailable} />
      <a className={styles.download} href={`/api/dossiers/${dossierId}/versions/${version}/file`} download>
        {t('document.download')}
      </a>
    </div>
  );
}
