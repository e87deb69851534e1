import { useTranslation } from 'react-i18next';
import type { Modalities } from '../../lib/api';

/** The exam's modalities as a description list: format, length, oral, jury, language, VAE. */
export function ModalitiesList({
  modalities,
  compact = false,
}: {
  modalities: Modalities;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const m = modalities;
  const mode =
    m.mode === 'collective'
      ? m.groupSize
        ? t('modalities.collectiveGroup', { size: m.groupSize })
        : t('modalities.collective')
      : t('modalities.individual');
  const pages = m.annexesExcluded
    ? t('modalities.pagesExcludingAnnexes', { count: m.pages })
    : t('modalities.pagesIncludingAnnexes', { count: m.pages });
  let oral =
    m.oralMinutes === null
      ? t('modalities.oralUnknown')
      : t('modalities.oralMinutes', { count: m.oralMinutes });
  if (m.oralMinutesPerCandidate) {
    oral += ` ${t('modalities.oralPerCandidate', { count: m.oralMinutesPerCandidate })}`;
  }
  // `modalities.<key>` names each fact; the compact card leaves out the VAE note.
  const facts: [string, string][] = [
    ['mode', mode],
    ['dossier', pages],
    ['oral', oral],
    ['jury', t('modalities.juryMembers', { count: m.jury })],
    ['language', t(`modalities.languages.${m.language}`)],
  ];
  if (!compact) facts.push(['vae', m.vae ?? t('modalities.vaeNone')]);
  return (
    <dl className={compact ? 'facts facts-compact' : 'facts'}>
      {facts.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`modalities.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One line: « Individuel · 10 pages hors annexes · oral 60 min ». */
export function modalitiesSummary(
  m: Modalities,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const parts = [
    m.mode === 'collective' ? t('modalities.collective') : t('modalities.individual'),
    m.annexesExcluded
      ? t('modalities.pagesExcludingAnnexes', { count: m.pages })
      : t('modalities.pagesIncludingAnnexes', { count: m.pages }),
  ];
  if (m.oralMinutes !== null) parts.push(t('modalities.oralShort', { count: m.oralMinutes }));
  if (m.language === 'en') parts.push(t('modalities.inEnglish'));
  return parts.join(' · ');
}
