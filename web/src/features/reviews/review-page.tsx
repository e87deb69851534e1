import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { TrainerComments, TrainerCommentsNotice } from '../document/trainer-comments';
import { useDossier, useRequestReview } from '../dossiers/queries';
import { useExam } from '../referential/queries';
import { GapReportView } from './gap-report';
import { isActive, useLiveReview, useRetryCriterion, useReviewRubric } from './queries';
import styles from './review-page.module.css';
import { ReviewProgressView } from './review-progress';
import { TextPanel } from './text-panel';

export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { review, live } = useLiveReview(id);
  const dossier = useDossier(review.data?.dossierId);
  const exam = useExam(review.data?.examId);
  const retry = useRetryCriterion(id);
  const rubric = useReviewRubric(id, Boolean(review.data?.report));
  const [retryFailure, setRetryFailure] = useState<{ criterionId: string; error: unknown } | null>(null);
  const requestAgain = useRequestReview(review.data?.dossierId ?? '');
  const [params, setParams] = useSearchParams();
  const panelPage = Number(params.get('page'));
  const panelQuote = params.get('quote') ?? '';
  const closePanel = useCallback(() => setParams({}, { preventScrollReset: true }), [setParams]);

  const data = review.data;
  useDocumentTitle(data?.report ? `${t('report.title')} — ${data.report.exam.case}` : t('review.title'));
  const criterionTexts = new Map(exam.data?.criteria.map((c) => [c.id, c.text]) ?? []);

  function onRetry(criterionId: string) {
    setRetryFailure(null);
    retry.mutate(criterionId, { onError: (error) => setRetryFailure({ criterionId, error }) });
  }

  return (
    <div className="page review-page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/dossiers">{t('nav.dossiers')}</Link>
          </li>
          {data && (
            <li>
              <Link to={`/dossiers/${data.dossierId}`}>{dossier.data?.title ?? t('dossier.title')}</Link>
            </li>
          )}
          <li aria-current="page">
            {data ? t('review.breadcrumb', { version: data.version }) : t('review.title')}
          </li>
        </ol>
      </nav>

      {review.isPending ? (
        <Loading label={t('review.loading')} />
      ) : review.error ? (
        <ErrorState
          error={review.error}
          onRetry={() => void review.refetch()}
          back={{ to: '/dossiers', label: t('nav.backToDossiers') }}
        />
      ) : (
        <>
          {isActive(review.data.status) && (
            <ReviewProgressView progress={review.data.progress} mode={live} criterionTexts={criterionTexts} />
          )}
          {review.data.status === 'failed' && !review.data.report && (
            <div className="state state-error" role="alert">
              <p className="state-title">{t('review.failedTitle')}</p>
              <p>{review.data.error ?? t('review.failedHint')}</p>
              <button
                type="button"
                className="button button-primary"
                disabled={requestAgain.isPending}
                onClick={() =>
                  requestAgain.mutate(review.data.version, {
                    onSuccess: (requested) => navigate(`/revues/${requested.id}`),
                  })
                }
              >
                {t('review.requestAgain')}
              </button>
              {requestAgain.error && <InlineError error={requestAgain.error} />}
            </div>
          )}
          <TrainerCommentsNotice dossierId={review.data.dossierId} version={review.data.version} />
          {review.data.report && (
            <GapReportView
              report={review.data.report}
              reviewId={review.data.id}
              onRetry={isActive(review.data.status) ? undefined : onRetry}
              retrying={retry.isPending ? (retry.variables ?? null) : null}
              retryFailure={retryFailure}
              levels={rubric.data?.criteria}
            />
          )}
          <TrainerComments dossierId={review.data.dossierId} version={review.data.version} />
          {review.data.status === 'done' && (
            <section className={`card ${styles.nextSteps}`} aria-labelledby="next-heading">
              <h2 id="next-heading">{t('review.nextTitle')}</h2>
              <p>{t('review.nextHint')}</p>
              <div className="header-actions">
                <Link
                  className="button button-primary"
                  to={`/dossiers/${review.data.dossierId}#nouvelle-version`}
                >
                  {t('review.nextAction')}
                </Link>
                <Link
                  className="button button-secondary"
                  to={`/dossiers/${review.data.dossierId}/versions/${review.data.version}/coach`}
                >
                  {t('review.askCoach')}
                </Link>
                <Link className="button button-secondary" to={`/revues/${review.data.id}/oral`}>
                  {t('review.prepareOral')}
                </Link>
              </div>
            </section>
          )}
          {panelPage > 0 && panelQuote && (
            <TextPanel
              dossierId={review.data.dossierId}
              version={review.data.version}
              page={panelPage}
              quote={panelQuote}
              onClose={closePanel}
            />
          )}
        </>
      )}
    </div>
  );
}
