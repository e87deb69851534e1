import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { FileDrop, UploadStatus } from '../../components/file-drop';
import { AlertIcon, ChartIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/score';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/states';
import { useHashTarget } from '../../components/use-hash-target';
import { api, type Dossier, type DossierReview, type DossierVersion } from '../../lib/api';
import { formatBytes, formatDate, formatLanguage, formatNumber, formatScore } from '../../lib/format';
import { useExam } from '../referential/queries';
import { CompareReviews } from './compare-reviews';
import styles from './dossier-page.module.css';
import dossiersStyles from './dossiers.module.css';
import { ProgressChart, scorePoints } from './progress-chart';
import { useDeleteDossier, useDossier, useDossierReviews, useRequestReview } from './queries';
import { useUploadAndReview } from './use-upload';

export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const dossier = useDossier(id);
  const reviews = useDossierReviews(id);
  useDocumentTitle(dossier.data?.title ?? t('dossier.title'));
  useHashTarget(Boolean(dossier.data));

  return (
    <div className="page">
      <Breadcrumb
        trail={[{ to: '/dossiers', label: t('nav.dossiers') }]}
        current={dossier.data?.title ?? t('dossier.title')}
      />
      <QueryState query={dossier} back={{ to: '/dossiers', label: t('nav.backToDossiers') }}>
        {(data) => (
          <DossierView
            dossier={data}
            reviews={reviews.data}
            reviewsError={reviews.error}
            onRetryReviews={() => void reviews.refetch()}
          />
        )}
      </QueryState>
    </div>
  );
}

function DossierView({
  dossier,
  reviews,
  reviewsError,
  onRetryReviews,
}: {
  dossier: Dossier;
  reviews: DossierReview[] | undefined;
  reviewsError: unknown;
  onRetryReviews: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const exam = useExam(dossier.examId);
  const upload = useUploadAndReview();
  const versions = [...dossier.versions].sort((a, b) => b.version - a.version);
  const done = (reviews ?? []).filter((r) => r.status === 'done' && r.overall);
  const points = scorePoints(reviews ?? [], (v) => t('dossier.versionShort', { version: v }));

  async function onFile(file: File) {
    const form = new FormData();
    form.append('file', file);
    const outcome = await upload.start(
      api.dossiers[':id'].versions.$path({ param: { id: dossier.id } }),
      form,
    );
    if (outcome) navigate(`/revues/${outcome.review.id}`);
  }

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          {exam.data
            ? `${t('referential.blocLabel', { id: exam.data.bloc })} · ${exam.data.case}`
            : dossier.examId}
        </p>
        <h1>{dossier.title}</h1>
        <p className="muted">
          {t('dossiers.versions', { count: dossier.versions.length })} ·{' '}
          {t('dossiers.created', { date: formatDate(dossier.createdAt, i18n.language) })}
        </p>
        <div className="header-actions">
          <a className="button button-primary" href="#nouvelle-version">
            {t('dossier.newVersion')}
          </a>
          {versions[0] && (
            <Link
              className="button button-secondary"
              to={`/dossiers/${dossier.id}/versions/${versions[0].version}/coach`}
            >
              {t('dossier.askCoach')}
            </Link>
          )}
          {exam.data && (
            <Link className="button button-secondary" to={`/epreuves/${exam.data.id}/fiche`}>
              {t('dossier.viewExam')}
            </Link>
          )}
        </div>
      </header>

      <section className="card section" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('dossier.progressTitle')}</h2>
        {reviewsError ? (
          <ErrorState error={reviewsError} onRetry={onRetryReviews} />
        ) : !reviews ? (
          <Loading />
        ) : points.length === 0 ? (
          <EmptyState icon={<ChartIcon />} title={t('dossier.noScoreYet')}>
            <p>{t('dossier.noScoreYetHint')}</p>
          </EmptyState>
        ) : (
          <>
            <ProgressChart points={points} />
            {points.length === 1 && <p className="muted">{t('dossier.onePointHint')}</p>}
          </>
        )}
      </section>

      {done.length >= 2 && (
        <section className="card section" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('dossier.compareTitle')}</h2>
          <p className="section-intro">{t('dossier.compareIntro')}</p>
          <CompareReviews reviews={done} />
        </section>
      )}

      <section className="section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('dossier.versionsTitle')}</h2>
        <ol className={styles.versionList}>
          {versions.map((v) => (
            <li key={v.version}>
              <VersionCard
                dossierId={dossier.id}
                version={v}
                reviews={(reviews ?? []).filter((r) => r.version === v.version)}
                latest={v.version === versions[0]?.version}
              />
            </li>
          ))}
        </ol>
      </section>

      <section id="nouvelle-version" className="card section" aria-labelledby="upload-heading" tabIndex={-1}>
        <h2 id="upload-heading">{t('dossier.uploadTitle')}</h2>
        <p className="section-intro">{t('dossier.uploadIntro')}</p>
        {upload.busy ? (
          <UploadStatus percent={upload.percent} stage={upload.stage === 'idle' ? 'sending' : upload.stage} />
        ) : (
          <FileDrop onFile={(file) => void onFile(file)} label={t('dossier.dropNewVersion')} />
        )}
        {upload.error !== null && <InlineError error={upload.error} />}
      </section>

      <DeleteDossier dossier={dossier} />
    </>
  );
}

function VersionCard({
  dossierId,
  version: v,
  reviews,
  latest,
}: {
  dossierId: string;
  version: DossierVersion;
  reviews: DossierReview[];
  latest: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const request = useRequestReview(dossierId);
  const review = reviews[reviews.length - 1];
  return (
    <article className="card version-card" aria-labelledby={`version-${v.version}`}>
      <header className={styles.versionHeader}>
        <div>
          <h3 id={`version-${v.version}`}>
            {t('dossier.versionTitle', { version: v.version })}
            {latest && <span className="tag">{t('dossier.latest')}</span>}
          </h3>
          <p className="muted small">
            {v.fileName} · {formatBytes(v.sizeBytes, i18n.language)} ·{' '}
            {t('dossier.uploaded', { date: formatDate(v.createdAt, i18n.language) })}
          </p>
        </div>
        <div className={styles.versionReview}>
          {review ? (
            <>
              <StatusBadge status={review.status} />
              {review.overall && (
                <span className={dossiersStyles.versionScore}>
                  {formatScore(review.overall.score, i18n.language)}/4
                </span>
              )}
              <Link className="button button-secondary button-small" to={`/revues/${review.id}`}>
                {review.status === 'done' ? t('dossier.viewReport') : t('dossier.viewProgress')}
              </Link>
              {review.status === 'done' && (
                <Link
                  className="button button-secondary button-small"
                  to={`/revues/${review.id}/oral`}
                  aria-label={t('dossier.prepareOralAria', { version: v.version })}
                >
                  {t('dossier.prepareOral')}
                </Link>
              )}
            </>
          ) : (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={request.isPending}
              onClick={() =>
                request.mutate(v.version, { onSuccess: (requested) => navigate(`/revues/${requested.id}`) })
              }
            >
              {t('dossier.requestReview')}
            </button>
          )}
        </div>
      </header>
      {request.error && <InlineError error={request.error} />}
      <p className={styles.versionCoach}>
        <Link to={`/dossiers/${dossierId}/versions/${v.version}/coach`}>
          {/* The visible words lead the name (WCAG 2.5.3); the version number follows, hidden. */}
          {t('dossier.askCoachAbout')}{' '}
          <span className="visually-hidden">{t('dossier.askCoachAboutAria', { version: v.version })}</span>
        </Link>
      </p>
      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt>{t('dossier.pages')}</dt>
          <dd>
            {formatNumber(v.pages, i18n.language)}
            {v.pagesEstimated && <span className="muted small"> {t('dossier.estimated')}</span>}
          </dd>
        </div>
        <div className={styles.stat}>
          <dt>{t('dossier.pagesExcludingAnnexes')}</dt>
          <dd>{formatNumber(v.pagesExcludingAnnexes, i18n.language)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t('dossier.words')}</dt>
          <dd>{formatNumber(v.words, i18n.language)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t('dossier.language')}</dt>
          <dd>{v.language ? formatLanguage(v.language, i18n.language) : t('dossier.languageUnknown')}</dd>
        </div>
      </dl>

      {(v.warnings.length > 0 || v.hidden.length > 0) && (
        <div className={styles.warnings} role="note">
          <p className={styles.warningsTitle}>
            <AlertIcon /> {t('dossier.warningsTitle', { count: v.warnings.length + v.hidden.length })}
          </p>
          <ul>
            {v.warnings.map((w) => (
              <li key={`${w.code}-${w.page ?? ''}-${w.message}`}>
                {w.message}
                {w.page !== undefined && (
                  <span className="page-ref">{t('report.page', { page: w.page })}</span>
                )}
              </li>
            ))}
            {v.hidden.map((h) => (
              <li key={`hidden-${h.kind}-${h.location}-${h.excerpt}`}>
                <strong>{t('dossier.hiddenContent', { kind: h.kind, location: h.location })}</strong>{' '}
                <q>{h.excerpt}</q>
              </li>
            ))}
          </ul>
        </div>
      )}

      {v.sections.length > 0 && (
        <details className={styles.sections}>
          <summary>{t('dossier.sectionsTitle', { count: v.sections.length })}</summary>
          <ol className={styles.sectionOutline}>
            {v.sections.map((s) => (
              <li
                key={`${s.page}-${s.level}-${s.title}`}
                style={{ paddingInlineStart: `${Math.max(0, s.level - 1) * 1.25}rem` }}
              >
                <span>{s.title}</span>
                <span className="muted small">
                  {s.page === s.pageEnd
                    ? t('report.page', { page: s.page })
                    : t('dossier.pageRange', { from: s.page, to: s.pageEnd })}
                  {s.annex && ` · ${t('dossier.annex')}`}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

function DeleteDossier({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDossier();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Move focus into the confirmation so keyboard and screen-reader users land on the choice.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <section className="card danger-zone section" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('dossier.deleteTitle')}</h2>
      {!confirming ? (
        <>
          <p>{t('dossier.deleteIntro')}</p>
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)}>
            {t('dossier.delete')}
          </button>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-confirm" className={styles.confirm}>
          <p id="delete-confirm">
            <strong>
              {t('dossier.deleteConfirm', { title: dossier.title, count: dossier.versions.length })}
            </strong>
          </p>
          <div className={styles.confirmActions}>
            <button
              ref={confirmRef}
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(dossier.id, { onSuccess: () => navigate('/dossiers') })}
            >
              {remove.isPending ? t('dossier.deleting') : t('dossier.deleteYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(false)}
              disabled={remove.isPending}
            >
              {t('common.cancel')}
            </button>
          </div>
          {remove.error && <InlineError error={remove.error} />}
        </div>
      )}
    </section>
  );
}
