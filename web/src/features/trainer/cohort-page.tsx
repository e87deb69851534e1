import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { ChartIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { EmptyState } from '../../components/states';
import { formatScore } from '../../lib/format';
import { forRoles } from '../auth/require-auth';
import { CohortChart } from './cohort-chart';
import styles from './cohort-page.module.css';
import { levelOf, SCORES } from './decision-form';
import { TRAINER_PARAMS, TrainerFilters } from './filter-selects';
import { type CohortView, useCohortView } from './queries';

export const CohortPage = forRoles(['trainer'], Cohort);

function Cohort() {
  const { t } = useTranslation();
  useDocumentTitle(t('trainer.cohort.title'));
  const [params] = useSearchParams();
  const cohortId = params.get(TRAINER_PARAMS.cohort) || undefined;
  const examId = params.get(TRAINER_PARAMS.exam) || undefined;
  const view = useCohortView({ cohortId, examId });

  return (
    <div className="page trainer-page">
      <PageHeader title={t('trainer.cohort.title')} lead={t('trainer.cohort.intro')} />

      <TrainerFilters
        label={t('trainer.cohort.filters')}
        idPrefix="cohort"
        filters={[
          ['cohort', cohortId],
          ['exam', examId],
        ]}
      />

      <QueryState query={view}>
        {(cohort) =>
          cohort.reviews === 0 || cohort.competencies.length === 0 ? (
            <EmptyState title={t('trainer.cohort.empty')} icon={<ChartIcon />}>
              <p>{t('trainer.cohort.emptyHint')}</p>
            </EmptyState>
          ) : (
            <CohortResults view={cohort} />
          )
        }
      </QueryState>
    </div>
  );
}

function CohortResults({ view }: { view: CohortView }) {
  const { t, i18n } = useTranslation();
  const weakest = [...view.competencies]
    .filter((c) => c.mean !== null)
    .sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))
    .slice(0, 3);
  return (
    <>
      <p className="muted" role="status">
        {t('trainer.cohort.reviews', { count: view.reviews })}
        {view.cohorts.length > 0 && ` · ${view.cohorts.map((c) => c.name).join(', ')}`}
      </p>
      {weakest.length > 0 && (
        <section className={`card ${styles.cohortWeakest}`} aria-labelledby="cohort-weakest-title">
          <h2 id="cohort-weakest-title" className="trainer-card-title">
            {t('trainer.cohort.weakestTitle')}
          </h2>
          <ol>
            {weakest.map((c) => (
              <li key={c.id}>
                <span className="item-id">{c.id}</span> {c.text}{' '}
                <strong>
                  {t('trainer.cohort.meanValue', { mean: formatScore(c.mean ?? 0, i18n.language) })}
                </strong>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="card" aria-labelledby="cohort-chart-title">
        <h2 id="cohort-chart-title" className="trainer-card-title">
          {t('trainer.cohort.chartTitle')}
        </h2>
        <ChartFigure canvasClassName="cohort-chart" caption={t('trainer.cohort.chartCaption')}>
          <CohortChart competencies={view.competencies} />
        </ChartFigure>
        <DataTable
          className={styles.cohortTable}
          caption={t('trainer.cohort.tableCaption')}
          captionClassName={styles.cohortTableCaption}
          columns={[
            { label: t('trainer.cohort.competency') },
            ...SCORES.map((s) => ({
              key: String(s),
              num: true,
              label: <abbr title={t(`levels.${levelOf(s)}`)}>{t('report.scoreOutOf', { score: s })}</abbr>,
            })),
            { label: t('trainer.cohort.n'), num: true },
            { label: t('trainer.cohort.mean'), num: true },
          ]}
        >
          {view.competencies.map((c) => (
            <tr key={c.id}>
              <th scope="row" className={styles.cohortRowHead}>
                <span className="item-id" title={c.text}>
                  {c.id}
                </span>{' '}
                <span className={styles.cohortCompetency}>{c.text}</span>
              </th>
              {SCORES.map((s) => (
                <td key={s} className="num">
                  {c.counts[s] ?? 0}
                </td>
              ))}
              <td className="num">{c.n}</td>
              <td className="num">{c.mean === null ? '—' : formatScore(c.mean, i18n.language)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
