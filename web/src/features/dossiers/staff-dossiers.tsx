import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { Pager } from '../../components/pager';
import { ReadinessBadge, StatusBadge } from '../../components/score';
import { ErrorState, Loading } from '../../components/states';
import { api, unwrap } from '../../lib/api';
import { formatDate, formatScore } from '../../lib/format';
import { useExams } from '../referential/queries';
import styles from './staff-dossiers.module.css';

const STATES = ['none', 'pending', 'done', 'failed'] as const;
const PAGE_SIZE = 25;

/**
 * The dossiers page of the exam team, admins and trainers: every candidate's dossier they may see, with
 * the candidate, their cohort, the exam, the versions and the latest review; filters and pages live in the
 * address (shareable) and are applied by the server.
 */
export function StaffDossiers() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('staffDossiers.title'));
  const [params, setParams] = useSearchParams();
  const exams = useExams();
  const filters = {
    examId: params.get('epreuve') ?? '',
    cohortId: params.get('promotion') ?? '',
    status: params.get('etat') ?? '',
    q: params.get('candidat') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const list = useQuery({
    queryKey: ['overview', 'dossiers', filters],
    queryFn: () =>
      unwrap(
        api.overview.dossiers.$get({
          query: {
            ...(filters.examId ? { examId: filters.examId } : {}),
            ...(filters.cohortId ? { cohortId: filters.cohortId } : {}),
            ...(filters.status ? { status: filters.status as (typeof STATES)[number] } : {}),
            ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
            page: String(filters.page),
            pageSize: String(PAGE_SIZE),
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const examName = (id: string) => {
    const exam = exams.data?.find((e) => e.id === id);
    return exam ? `${t('referential.blocLabel', { id: exam.bloc })} · ${exam.case}` : id;
  };
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('staffDossiers.title')}</h1>
        <p className="lead">{t('staffDossiers.lead')}</p>
      </header>
      <search className="filters" aria-label={t('staffDossiers.filters')}>
        <div className="filter-field">
          <label htmlFor="sd-exam">{t('staffDossiers.exam')}</label>
          <select id="sd-exam" value={filters.examId} onChange={(e) => set('epreuve', e.target.value)}>
            <option value="">{t('staffDossiers.all')}</option>
            {exams.data?.map((e) => (
              <option key={e.id} value={e.id}>
                {examName(e.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="sd-cohort">{t('staffDossiers.cohort')}</label>
          <select id="sd-cohort" value={filters.cohortId} onChange={(e) => set('promotion', e.target.value)}>
            <option value="">{t('staffDossiers.allCohorts')}</option>
            {data?.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="sd-state">{t('staffDossiers.state')}</label>
          <select id="sd-state" value={filters.status} onChange={(e) => set('etat', e.target.value)}>
            <option value="">{t('staffDossiers.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`staffDossiers.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`filter-field ${styles.search}`}>
          <label htmlFor="sd-q">{t('staffDossiers.search')}</label>
          <input
            id="sd-q"
            type="search"
            value={filters.q}
            maxLength={100}
            onChange={(e) => set('candidat', e.target.value)}
          />
        </div>
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : data && data.items.length === 0 ? (
        <p className="muted" role="status">
          {t('staffDossiers.none')}
        </p>
      ) : (
        data && (
          <>
            <p className={`muted small ${styles.count}`} role="status">
              {t('staffDossiers.count', { count: data.total })}
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1) */}
            <div className="table-scroll" tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('staffDossiers.candidate')}</th>
                    <th scope="col">{t('staffDossiers.cohort')}</th>
                    <th scope="col">{t('staffDossiers.exam')}</th>
                    <th scope="col">{t('staffDossiers.versions')}</th>
                    <th scope="col">{t('staffDossiers.latestReview')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.dossierId}>
                      <td>
                        <span className={styles.candidate}>
                          <Link to={`/dossiers/${d.dossierId}`}>{d.candidate.name}</Link>
                          <span className={`muted small ${styles.email}`}>{d.candidate.email}</span>
                        </span>
                      </td>
                      <td>{d.cohort?.name ?? '—'}</td>
                      <td>{examName(d.examId)}</td>
                      <td>
                        {t('dossiers.versions', { count: d.versions })}
                        <br />
                        <span className="muted small">
                          {t('staffDossiers.updated', { date: formatDate(d.updatedAt, i18n.language) })}
                        </span>
                      </td>
                      <td>
                        {d.latestReview ? (
                          <span className={styles.review}>
                            {d.latestReview.status === 'done' &&
                            d.latestReview.score !== null &&
                            d.latestReview.ready ? (
                              <>
                                <Link to={`/revues/${d.latestReview.id}`}>
                                  {t('report.scoreOutOf', {
                                    score: formatScore(d.latestReview.score, i18n.language),
                                  })}
                                </Link>
                                <ReadinessBadge ready={d.latestReview.ready} />
                              </>
                            ) : (
                              <StatusBadge status={d.latestReview.status} />
                            )}
                            <span className="muted small">
                              {t('dossier.versionShort', { version: d.latestReview.version })}
                            </span>
                          </span>
                        ) : (
                          <span className="muted">{t('dossiers.noReview')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 && (
              <Pager
                page={data.page}
                pages={pages}
                onPage={(page) => set('page', String(page))}
                label={t('staffDossiers.pages')}
                status={t('staffDossiers.pageOf', { page: data.page, pages })}
                previous={t('staffDossiers.previous')}
                next={t('staffDossiers.next')}
                className={styles.pager}
              />
            )}
          </>
        )
      )}
    </div>
  );
}
