import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { ChartIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { EmptyState } from '../../components/states';
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
  const [params, setParams] = useSearchParams();
  const cohortId = params.get(PARAMS.cohort) || undefined;
  const examId = params.get(PARAMS.exam) || undefined;
  const view = useCohortView({ cohortId, examId });
  const exams = useExams();
  const me = useMe();

  function setParam(name: string, value: string) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  return (
    <div className="page trainer-page">
      <header className="page-header">
        <h1>{t('trainer.cohort.title')}</h1>
        <p className="lead">{t('trainer.cohort.intro')}</p>
      </header>

      <form
        className="card filters"
        aria-label={t('trainer.cohort.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field filter-field">
          <label htmlFor="cohort-cohort">{t('trainer.queue.cohort')}</label>
          <select
            id="cohort-cohort"
            value={cohortId ?? ''}
            onChange={(e) => setParam(PARAMS.cohort, e.target.value)}
          >
            <option value="">{t('trainer.queue.allCohorts')}</option>
            {me.data?.trainerCohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field filter-field">
          <label htmlFor="cohort-exam">{t('trainer.queue.exam')}</label>
          <select
            id="cohort-exam"
            value={examId ?? ''}
            onChange={(e) => setParam(PARAMS.exam, e.target.value)}
          >
            <option value="">{t('trainer.queue.allExams')}</option>
            {exams.data?.map((exam) => (
              <option key={exam.id} value={exam.id}>
                {exam.bloc} · {exam.case}
              </option>
            ))}
          </select>
        </div>
      </form>

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
        <figure className="chart">
          <CohortChart competencies={view.competencies} />
          <figcaption className="muted small">{t('trainer.cohort.chartCaption')}</figcaption>
        </figure>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1) */}
        <div className="table-scroll" tabIndex={0}>
          <table className={`data-table ${styles.cohortTable}`}>
            <caption className={styles.cohortTableCaption}>{t('trainer.cohort.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainer.cohort.competency')}</th>
                {SCORES.map((s) => (
                  <th key={s} scope="col" className="num">
                    <abbr title={t(`levels.${levelOf(s)}`)}>{t('report.scoreOutOf', { score: s })}</abbr>
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('trainer.cohort.n')}
                </th>
                <th scope="col" className="num">
                  {t('trainer.cohort.mean')}
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
