import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import styles from './admin.module.css';
import type { IssuedLink } from './queries';

/**
 * What became of an invitation or reset link: sent by e-mail, or shown here once (no SMTP) with a copy
 * button. The link is never stored on the server, so it cannot be shown again: a new one can be sent.
 */
export function IssuedLinkNotice({ issued, onDismiss }: { issued: IssuedLink; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  if (!issued.link) {
    return (
      <p role="status" className={styles.status}>
        {t('admin.link.mailed', { email: issued.email })}
      </p>
    );
  }
  const link = issued.link;
  return (
    <div role="status" className={styles.linkBox}>
      <p>
        {t('admin.link.shownOnce', {
          name: issued.name,
          email: issued.email,
          date: formatDate(issued.expiresAt, i18n.language),
        })}
      </p>
      <label htmlFor={id} className="visually-hidden">
        {t('admin.link.label', { name: issued.name })}
      </label>
      <div className={styles.linkRow}>
        <input
          id={id}
          readOnly
          value={link}
          className={styles.linkInput}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {t('admin.link.copy')}
        </button>
        {onDismiss && (
          <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
            {t('admin.link.dismiss')}
          </button>
        )}
      </div>
      {copied && <p className="small">{t('admin.link.copied')}</p>}
    </div>
  );
}
