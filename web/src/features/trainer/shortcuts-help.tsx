import { useTranslation } from 'react-i18next';
import styles from './shortcuts-help.module.css';

/** The review screen's shortcuts, in the order a trainer uses them. */
export const REVIEW_SHORTCUTS = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['a'], action: 'accept' },
  { keys: ['0', '1', '2', '3', '4'], action: 'score' },
  { keys: ['c'], action: 'comment' },
  { keys: ['Escape'], action: 'escape' },
  { keys: ['?'], action: 'help' },
] as const;

/** « Raccourcis clavier »: always on the page, open or closed (`?` toggles it). */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <details
      className={`card ${styles.shortcutsHelp}`}
      open={open}
      onToggle={(e) => {
        const next = (e.currentTarget as HTMLDetailsElement).open;
        if (next !== open) onToggle(next);
      }}
    >
      <summary className="trainer-summary">{t('trainer.shortcuts.title')}</summary>
      <p className="muted small">{t('trainer.shortcuts.intro')}</p>
      <dl className={styles.shortcutList}>
        {REVIEW_SHORTCUTS.map((s) => (
          <div key={s.action} className={styles.shortcut}>
            <dt className={styles.shortcutKeys}>
              {s.keys.map((key) => (
                <kbd key={key}>{key === 'Escape' ? t('trainer.shortcuts.escKey') : key}</kbd>
              ))}
            </dt>
            <dd className={styles.shortcutAction}>{t(`trainer.shortcuts.${s.action}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
