import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import styles from './document.module.css';
import { usePassageComments } from './queries';

/** At the top of the report: one line saying the trainer commented on passages, with a link to them. */
export function TrainerCommentsNotice({ dossierId, version }: { dossierId: string; version: number }) {
  const { t } = useTranslation();
  const comments = usePassageComments(dossierId, version);
  const count = comments.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <p className={`notice ${styles.notice}`}>
      {t('document.noticeText', { count })} <a href="#commentaires">{t('document.noticeLink')}</a>
    </p>
  );
}

/**
 * In the candidate's report: the trainers' comments on passages of the version, each with a link that
 * opens the document at its passage (the same panel as an evidence quote). Nothing when there are none.
 */
export function TrainerComments({ dossierId, version }: { dossierId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const comments = usePassageComments(dossierId, version);
  if (!comments.data || comments.data.length === 0) return null;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="trainer-comments-title" id="commentaires">
      <h2 id="trainer-comments-title">{t('document.reportTitle')}</h2>
      <p className="muted">{t('document.reportIntro', { version })}</p>
      <ol className={styles.sectionList}>
        {comments.data.map((c) => (
          <li key={c.id}>
            <article className={styles.note} data-comment={c.id}>
              <p className={styles.notePassage}>
                <span className="visually-hidden">{t('document.passage')} </span>
                <q>{c.quote.length > 160 ? `${c.quote.slice(0, 159)}…` : c.quote}</q>
                {' · '}
                {t('report.page', { page: c.page })}
              </p>
              <p className={styles.noteBody}>{c.body}</p>
              <p className={styles.noteMeta}>
                {t('document.by', { by: c.by, date: formatDate(c.at, i18n.language) })}
                {c.updatedAt ? ` · ${t('document.edited')}` : ''}
              </p>
              <Link
                to={{ search: new URLSearchParams({ page: String(c.page), quote: c.quote }).toString() }}
                preventScrollReset
                aria-label={t('document.showInDocumentAria', { page: c.page })}
              >
                {t('document.showInDocument')}
              </Link>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
