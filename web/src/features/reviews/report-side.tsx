import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CrossIcon, HalfIcon } from '../../components/icons';
import type { GapReport } from '../../lib/api';
import { formatNumber, formatScore } from '../../lib/format';
import { CompetencyChart } from './competency-chart';
import { FlagList } from './flags';
import styles from './gap-report.module.css';

/** The report's side column: competencies, deliverables, format checks, flags and how it was made. */
export function ReportSide({ report }: { report: GapReport }) {
  const { t, i18n } = useTranslation();
  // The offline analyzer is said once, in the notice above the report; not again among the flags.
  const reportFlags = report.flags.filter((f) => f.code !== 'offline_analyzer');
  return (
    <aside className={styles.reportSide} aria-label={t('report.sideLabel')}>
      <section className="card" aria-labelledby="competencies-heading">
        <h2 id="competencies-heading">{t('report.competencies')}</h2>
        <CompetencyChart competencies={report.competencies} />
      </section>

      <section className="card" aria-labelledby="deliverables-heading">
        <h2 id="deliverables-heading">{t('report.deliverablesTitle')}</h2>
        <ul className={styles.checklist}>
          {report.deliverables.map((d) => (
            <CheckItem
              key={d.id}
              status={d.status}
              icon={
                d.status === 'present' ? <CheckIcon /> : d.status === 'partial' ? <HalfIcon /> : <CrossIcon />
              }
              title={
                <>
                  <span className="item-id">{d.id}</span> {d.text}
                </>
              }
              detail={
                <>
                  <strong>{t(`deliverable.${d.status}`)}</strong>
                  {d.pages.length > 0 && (
                    <> · {t('report.pages', { pages: d.pages.join(', '), count: d.pages.length })}</>
                  )}
                </>
              }
            />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">{t('report.formatTitle')}</h2>
        <ul className={styles.checklist}>
          {report.format.map((f) => (
            <CheckItem
              key={f.check}
              status={f.ok ? 'present' : 'missing'}
              icon={f.ok ? <CheckIcon /> : <CrossIcon />}
              title={
                <>
                  <strong>{t(`format.${f.check}`)}</strong>
                  <span className="visually-hidden">, {f.ok ? t('format.ok') : t('format.ko')}</span>
                </>
              }
              detail={f.detail}
            />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="flags-heading">
        <h2 id="flags-heading">{t('report.flagsTitle')}</h2>
        {reportFlags.length > 0 ? (
          <FlagList flags={reportFlags} />
        ) : (
          <p className="muted">{t('report.noFlags')}</p>
        )}
      </section>

      <section className={`card ${styles.reportMeta}`} aria-labelledby="meta-heading">
        <h2 id="meta-heading">{t('report.metaTitle')}</h2>
        <dl className="facts facts-compact">
          <div>
            <dt>{t('report.provider')}</dt>
            <dd>{report.offline ? t('report.offlineProvider') : report.provider}</dd>
          </div>
          <div>
            <dt>{t('report.model')}</dt>
            <dd>{report.model}</dd>
          </div>
          <div>
            <dt>{t('report.rubricVersion')}</dt>
            <dd>{report.rubricVersion}</dd>
          </div>
          <div>
            <dt>{t('report.promptVersion')}</dt>
            <dd>{report.promptVersion}</dd>
          </div>
          <div>
            <dt>{t('report.duration')}</dt>
            <dd>
              {t('report.seconds', { value: formatScore(report.usage.durationMs / 1000, i18n.language) })}
            </dd>
          </div>
          {report.usage.promptTokens + report.usage.completionTokens > 0 && (
            <div>
              <dt>{t('report.tokens')}</dt>
              <dd>
                {formatNumber(report.usage.promptTokens + report.usage.completionTokens, i18n.language)}
              </dd>
            </div>
          )}
        </dl>
      </section>
    </aside>
  );
}

/** One line of a checklist: an icon for its status, what was checked and the finding. */
function CheckItem({
  status,
  icon,
  title,
  detail,
}: {
  status: 'present' | 'partial' | 'missing';
  icon: ReactNode;
  title: ReactNode;
  detail: ReactNode;
}) {
  return (
    <li className={`${styles.check} check-${status}`}>
      <span className={styles.checkIcon}>{icon}</span>
      <div>
        <p>{title}</p>
        <p className={styles.checkStatus}>{detail}</p>
      </div>
    </li>
  );
}
