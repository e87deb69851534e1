import { useTranslation } from 'react-i18next';
import type { Readiness, ReviewStatus } from '../lib/api';
import { AlertIcon, CheckIcon, HalfIcon } from './icons';

/** « 3/4 · Satisfaisant », coloured by score (the text carries the meaning, not the colour). */
export function ScorePill({ score, level }: { score: number; level: string }) {
  const { t } = useTranslation();
  return (
    <span className={`score-pill level-${Math.round(score)}`}>
      <strong>{t('report.scoreOutOf', { score })}</strong>
      <span>{t(`levels.${level}`)}</span>
    </span>
  );
}

export function ReadinessBadge({ ready, size = 'normal' }: { ready: Readiness; size?: 'normal' | 'large' }) {
  const { t } = useTranslation();
  const Icon = ready === 'pret' ? CheckIcon : ready === 'presque' ? HalfIcon : AlertIcon;
  return (
    <span className={`readiness readiness-${ready} readiness-${size}`}>
      <Icon size={size === 'large' ? 20 : 16} />
      {t(`readiness.${ready}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`reviewStatus.${status}`)}</span>;
}
