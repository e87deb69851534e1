import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { FilterSelect, optionsOf, useSetSearchParam } from '../../components/filter-bar';
import { ChartIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { formatScore } from '../../lib/format';
import { RequireAuth } from '../auth/require-auth';
import { useMe } from '../auth/session';
import { useExams } from '../referential/queries';
import { CohortChart } from './cohort-chart';
import styles from './cohort-page.module.css';
import { levelOf, SCORES } from './decision-form';
import { type CohortView, useCohortView } from './queries';

/** Filters in the URL, as in the queue: `?promotion=…&epreuve=…`. */
const PARAMS = { cohort: 'promotion', exam: 'epreuve' } as const;

export function CohortPage() {
  return (
    <RequireAuth roles={['trainer']}>
      <Cohort />
    </RequireAuth>
  );
}

function Cohort() {
  const { t } = useTranslation();
  useDocumentTitle(t('trainer.cohort.title'));
  const [params] = useSearchParams();
  const setParam = useSetSearchParam();
  const cohortId = params.get(PARAMS.cohort) || undefined;
  const examId = params.get(PARAMS.exam) || undefined;
  const view = useCohortView({ cohortId, examId });
  const exams = useExams();
  const me = useMe();

  return (
    <div className="page trainer-page">
      <PageHeader title={t('trainer.cohort.title')} lead={t('trainer.cohort.intro')} />

      <form
        className="card filters"
        aria-label={t('trainer.cohort.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          id="cohort-cohort"
          className="field filter-field"
          label={t('trainer.queue.cohort')}
          value={cohortId ?? ''}
          onChange={(v) => setParam(PARAMS.cohort, v)}
          all={t('trainer.queue.allCohorts')}
          options={optionsOf(me.data?.trainerCohorts, (c) => c.name)}
        />
        <FilterSelect
          id="cohort-exam"
          className="field filter-field"
          label={t('trainer.queue.exam')}
          value={examId ?? ''}
          onChange={(v) => setParam(PARAMS.exam, v)}
          all={t('trainer.queue.allExams')}
          options={optionsOf(exams.data, (e) => `${e.bloc} · ${e.case}`)}
        />
      </form>

      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : view.data.reviews === 0 || view.data.competencies.length === 0 ? (
        <EmptyState title={t('trainer.cohort.empty')} icon={<ChartIcon />}>
          <p>{t('trainer.cohort.emptyHint')}</p>
        </EmptyState>
      ) : (
        <CohortResults view={view.data} />
      )}
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
        <figure className="chart">
          <CohortChart competencies={view.competencies} />
          <figcaption className="muted small">{t('trainer.cohort.chartCaption')}</figcaption>
        </figure>
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
