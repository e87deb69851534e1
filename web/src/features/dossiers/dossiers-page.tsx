import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { FolderIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { ReadinessBadge, StatusBadge } from '../../components/score';
import { EmptyState, Loading } from '../../components/states';
import { formatDate, formatScore } from '../../lib/format';
import { useMe } from '../auth/session';
import { useExams } from '../referential/queries';
import dossiersStyles from './dossiers.module.css';
import styles from './dossiers-page.module.css';
import { useDossierReviews, useDossiers } from './queries';
import { StaffDossiers } from './staff-dossiers';

/** Candidates see their own dossiers; the staff (trainers, exam team, admins) the candidates' list. */
export function DossiersPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data && me.data.role !== 'candidate') return <StaffDossiers />;
  return <CandidateDossiers />;
}

function CandidateDossiers() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('dossiers.title'));
  const dossiers = useDossiers();
  const exams = useExams();
  const examName = (id: string) => {
    const exam = exams.data?.find((e) => e.id === id);
    return exam ? `${t('referential.blocLabel', { id: exam.bloc })} · ${exam.case}` : id;
  };
  const sorted = [...(dossiers.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="page">
      <PageHeader
        title={t('dossiers.title')}
        lead={t('dossiers.lead')}
        action={
          sorted.length > 0 && (
            <Link className="button button-primary" to="/">
              {t('dossiers.new')}
            </Link>
          )
        }
      />
      <QueryState query={dossiers}>
        {() =>
          sorted.length === 0 ? (
            <EmptyState
              icon={<FolderIcon />}
              title={t('dossiers.emptyTitle')}
              action={
                <Link className="button button-primary" to="/">
                  {t('dossiers.emptyAction')}
                </Link>
              }
            >
              <p>{t('dossiers.emptyBody')}</p>
            </EmptyState>
          ) : (
            <ul className={styles.dossierList}>
              {sorted.map((d) => (
                <li key={d.id}>
                  <Link to={`/dossiers/${d.id}`} className="card card-link dossier-card">
                    <span className="eyebrow">{examName(d.examId)}</span>
                    <span className={styles.dossierCardTitle}>{d.title}</span>
                    <span className="muted small">
                      {t('dossiers.versions', { count: d.versions })} ·{' '}
                      {t('dossiers.created', { date: formatDate(d.createdAt, i18n.language) })}
                    </span>
                    <LatestScore dossierId={d.id} />
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

/** The latest finished review's score and readiness, or where the review stands. */
function LatestScore({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useTranslation();
  const reviews = useDossierReviews(dossierId);
  if (!reviews.data) return null;
  const latest = reviews.data[reviews.data.length - 1];
  const done = [...reviews.data].reverse().find((r) => r.status === 'done' && r.overall);
  if (!latest)
    return <span className={`${styles.dossierCardScore} muted small`}>{t('dossiers.noReview')}</span>;
  return (
    <span className={styles.dossierCardScore}>
      {done?.overall ? (
        <>
          <ReadinessBadge ready={done.overall.ready} />
          <span className={dossiersStyles.versionScore}>
            {t('report.scoreOutOf', { score: formatScore(done.overall.score, i18n.language) })}
          </span>
          <span className="muted small">{t('dossier.versionShort', { version: done.version })}</span>
        </>
      ) : (
        <StatusBadge status={latest.status} />
      )}
    </span>
  );
}
