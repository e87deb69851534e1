import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { FilterSelect } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { ReadinessBadge, StatusBadge } from '../../components/score';
import { ErrorState, Loading } from '../../components/states';
import { api, unwrap } from '../../lib/api';
import { formatDate, formatScore } from '../../lib/format';
import { useExams } from '../referential/queries';
import styles from './staff-dossiers.module.css';

const STATES = ['none', 'pending', 'done', 'failed'] as const;
const PAGE_SIZE = 25;

interface Filters {
  examId: string;
  cohortId: string;
  status: string;
  q: string;
  page: number;
}

function fetchDossiers(filters: Filters) {
  return unwrap(
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
  );
}

/**
 * The dossiers page of the exam team, admins and trainers: every candidate's dossier they may see, with
 * the candidate, their cohort, the exam, the versions and the latest review; filters and pages live in the
 * address (shareable) and are applied by the server.
 */
export function StaffDossiers() {
  const { t } = useTranslation();
  useDocumentTitle(t('staffDossiers.title'));
  const [params, setParams] = useSearchParams();
  const exams = useExams();
  const filters: Filters = {
    examId: params.get('epreuve') ?? '',
    cohortId: params.get('promotion') ?? '',
    status: params.get('etat') ?? '',
    q: params.get('candidat') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const list = useQuery({
    queryKey: ['overview', 'dossiers', filters],
    queryFn: () => fetchDossiers(filters),
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
      <PageHeader title={t('staffDossiers.title')} lead={t('staffDossiers.lead')} />
      <DossierFilters filters={filters} cohorts={data?.cohorts ?? []} examName={examName} onChange={set} />
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
            <DataTable
              columns={['candidate', 'cohort', 'exam', 'versions', 'latestReview'].map((k) => ({
                label: t(`staffDossiers.${k}`),
              }))}
            >
              {data.items.map((d) => (
                <DossierRow key={d.dossierId} dossier={d} examName={examName} />
              ))}
            </DataTable>
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

type DossierItem = Awaited<ReturnType<typeof fetchDossiers>>['items'][number];

/** The filters, kept in the address by the page: exam, cohort, review state and the candidate's name. */
function DossierFilters({
  filters,
  cohorts,
  examName,
  onChange,
}: {
  filters: Filters;
  cohorts: { id: string; name: string }[];
  examName: (id: string) => string;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  const exams = useExams();
  return (
    <search className="filters" aria-label={t('staffDossiers.filters')}>
      <FilterSelect
        id="sd-exam"
        label={t('staffDossiers.exam')}
        value={filters.examId}
        onChange={(v) => onChange('epreuve', v)}
        all={t('staffDossiers.all')}
        options={exams.data?.map((e) => [e.id, examName(e.id)] as const) ?? []}
      />
      <FilterSelect
        id="sd-cohort"
        label={t('staffDossiers.cohort')}
        value={filters.cohortId}
        onChange={(v) => onChange('promotion', v)}
        all={t('staffDossiers.allCohorts')}
        options={cohorts.map((c) => [c.id, c.name] as const)}
      />
      <FilterSelect
        id="sd-state"
        label={t('staffDossiers.state')}
        value={filters.status}
        onChange={(v) => onChange('etat', v)}
        all={t('staffDossiers.all')}
        options={STATES.map((s) => [s, t(`staffDossiers.states.${s}`)] as const)}
      />
      <div className={`filter-field ${styles.search}`}>
        <label htmlFor="sd-q">{t('staffDossiers.search')}</label>
        <input
          id="sd-q"
          type="search"
          value={filters.q}
          maxLength={100}
          onChange={(e) => onChange('candidat', e.target.value)}
        />
      </div>
    </search>
  );
}

function DossierRow({ dossier: d, examName }: { dossier: DossierItem; examName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <tr>
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
        <LatestReview review={d.latestReview} />
      </td>
    </tr>
  );
}

/** The latest review: its score and readiness when done, else its state; and the version it reviewed. */
function LatestReview({ review }: { review: DossierItem['latestReview'] }) {
  const { t, i18n } = useTranslation();
  if (!review) return <span className="muted">{t('dossiers.noReview')}</span>;
  return (
    <span className={styles.review}>
      {review.status === 'done' && review.score !== null && review.ready ? (
        <>
          <Link to={`/revues/${review.id}`}>
            {t('report.scoreOutOf', {
              score: formatScore(review.score, i18n.language),
            })}
          </Link>
          <ReadinessBadge ready={review.ready} />
        </>
      ) : (
        <StatusBadge status={review.status} />
      )}
      <span className="muted small">{t('dossier.versionShort', { version: review.version })}</span>
    </span>
  );
}
