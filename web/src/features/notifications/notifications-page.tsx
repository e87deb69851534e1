import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { InlineError } from '../../components/states';
import { formatDate } from '../../lib/format';
import { RequireAuth } from '../auth/require-auth';
import styles from './notifications-page.module.css';
import { type Notification, useMarkRead, useNotifications } from './queries';

export function NotificationsPage() {
  return <RequireAuth>{(me) => <Notifications trainer={me.role === 'trainer'} />}</RequireAuth>;
}

/** What's new: reviews ready and trainers' feedback, newest first, with « Tout marquer comme lu ». */
function Notifications({ trainer }: { trainer: boolean }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const list = useNotifications();
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  const href = (n: Notification) =>
    n.reviewId ? (trainer ? `/formateur/revues/${n.reviewId}` : `/revues/${n.reviewId}`) : '/';

  return (
    <div className="page">
      <PageHeader title={t('notifications.title')} lead={t('notifications.lead')} />
      {list.error && <InlineError error={list.error} />}
      {list.data && items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      {items.length > 0 && (
        <section className="card" aria-labelledby="notifications-heading">
          <div className="section-head">
            <h2 id="notifications-heading">
              {t('notifications.unreadCount', { count: list.data?.unread ?? 0 })}
            </h2>
            {(list.data?.unread ?? 0) > 0 && (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => markRead.mutate(undefined)}
                disabled={markRead.isPending}
              >
                {t('notifications.markAll')}
              </button>
            )}
          </div>
          <ul className={styles.notificationList}>
            {items.map((n) => (
              <li
                key={n.id}
                className={n.read ? styles.notification : `${styles.notification} ${styles.isUnread}`}
              >
                {!n.read && <span className="visually-hidden">{t('notifications.unread')} </span>}
                <Link to={href(n)} onClick={() => !n.read && markRead.mutate([n.id])}>
                  {n.title}
                </Link>
                <span className="muted small"> · {formatDate(n.createdAt, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
