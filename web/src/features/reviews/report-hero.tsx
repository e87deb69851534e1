import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadinessBadge } from '../../components/score';
import { api, type GapReport } from '../../lib/api';
import { formatDate, formatNumber, formatScore } from '../../lib/format';
import styles from './gap-report.module.css';

/** The report's head: exam, dossier, summary, downloads, and the overall score (the AI's, then the trainer's). */
export function ReportHero({ report, reviewId }: { report: GapReport; reviewId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const markdownHref = api.reviews[':id']['report.md'].$path({ param: { id: reviewId }, query: { lang } });
  const htmlHref = api.reviews[':id']['report.html'].$path({ param: { id: reviewId }, query: { lang } });
  const after = report.overallAfterTrainer;
  return (
    <header className={`${styles.reportHero} card`}>
      <div className="report-hero-main">
        <p className="eyebrow">
          {t('referential.blocLabel', { id: report.exam.bloc })} · {report.exam.case}
        </p>
        <h1 id="report-title">{t('report.title')}</h1>
        {report.dossier && (
          <p className="muted">
            {report.dossier.fileName && <>{report.dossier.fileName} · </>}
            {t('report.dossierLine', {
              version: report.dossier.version,
              pages: report.dossier.pages,
              words: formatNumber(report.dossier.words, i18n.language),
              count: report.dossier.pages,
            })}
            {' · '}
            {t('report.generatedAt', { date: formatDate(report.generatedAt, i18n.language) })}
          </p>
        )}
        <p className={styles.reportSummary}>{report.overall.summary}</p>
        <div className={styles.reportActions}>
          <a className="button button-secondary" href={markdownHref} download>
            {t('report.downloadMarkdown')}
          </a>
          <a className="button button-secondary" href={htmlHref} target="_blank" rel="noopener">
            {t('report.openPrintable')}
            <span className="visually-hidden"> {t('common.newTab')}</span>
          </a>
          {report.dossier && (
            <a
              className="button button-secondary"
              href={api.dossiers[':id'].versions[':v'].file.$path({
                param: { id: report.dossier.id, v: String(report.dossier.version) },
              })}
              download
            >
              {t('report.downloadOriginal')}
            </a>
          )}
        </div>
      </div>
      <div className={styles.scorePanels}>
        <ScorePanel
          testId="score-ai"
          ready={report.overall.ready}
          aria={t('report.overallAria', { score: formatScore(report.overall.score, i18n.language) })}
          score={report.overall.score}
          after={
            <p className={styles.overallLevel}>
              {t('report.level')} <strong>{t(`levels.${report.overall.level}`)}</strong>
            </p>
          }
        >
          {after && <p className="overall-source muted small">{t('report.aiScoreLabel')}</p>}
        </ScorePanel>
        {after && (
          <ScorePanel
            testId="score-after-trainer"
            className={styles.scorePanelTrainer}
            before={
              <p className="overall-source">
                <strong>{t('report.afterTrainer')}</strong>
              </p>
            }
            ready={after.ready}
            aria={t('report.afterTrainerAria', { score: formatScore(after.score, i18n.language) })}
            score={after.score}
            after={
              <p className={`${styles.overallLevel} muted small`}>
                {t('report.reviewedCount', {
                  decided: after.decided,
                  total: after.total,
                  count: after.total,
                })}
              </p>
            }
          />
        )}
      </div>
    </header>
  );
}

/** One overall score: readiness badge, the score out of 4 (said in words to screen readers), then a line. */
function ScorePanel({
  testId,
  className,
  ready,
  aria,
  score,
  before,
  after,
  children,
}: {
  testId: string;
  className?: string;
  ready: GapReport['overall']['ready'];
  aria: string;
  score: number;
  before?: ReactNode;
  after: ReactNode;
  children?: ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <div className={className ? `${styles.scorePanel} ${className}` : styles.scorePanel} data-testid={testId}>
      {before}
      <ReadinessBadge ready={ready} size="large" />
      <p className={styles.overallScore}>
        <span className="visually-hidden">{aria}</span>
        <span aria-hidden="true">
          <span className={styles.overallValue}>{formatScore(score, i18n.language)}</span>
          <span className={styles.overallMax}>/4</span>
        </span>
      </p>
      {after}
      {children}
    </div>
  );
}
