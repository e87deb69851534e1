import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { QueryState } from '../../components/query-state';
import { InlineError } from '../../components/states';
import { TrainerComments, TrainerCommentsNotice } from '../document/trainer-comments';
import { useDossier, useRequestReview } from '../dossiers/queries';
import { useExam } from '../referential/queries';
import { GapReportView } from './gap-report';
import { isActive, useLiveReview, useRetryCriterion, useReviewRubric } from './queries';
import styles from './review-page.module.css';
import { ReviewProgressView } from './review-progress';
import { AddressedTextPanel } from './text-panel';

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

  const data = review.data;
  useDocumentTitle(data?.report ? `${t('report.title')} — ${data.report.exam.case}` : t('review.title'));
  const criterionTexts = new Map(exam.data?.criteria.map((c) => [c.id, c.text]) ?? []);

  function onRetry(criterionId: string) {
    setRetryFailure(null);
    retry.mutate(criterionId, { onError: (error) => setRetryFailure({ criterionId, error }) });
  }

  return (
    <div className="page review-page">
      <Breadcrumb
        trail={[
          { to: '/dossiers', label: t('nav.dossiers') },
          ...(data
            ? [{ to: `/dossiers/${data.dossierId}`, label: dossier.data?.title ?? t('dossier.title') }]
            : []),
        ]}
        current={data ? t('review.breadcrumb', { version: data.version }) : t('review.title')}
      />

      <QueryState
        query={review}
        loadingLabel={t('review.loading')}
        back={{ to: '/dossiers', label: t('nav.backToDossiers') }}
      >
        {(loaded) => (
          <>
            {isActive(loaded.status) && (
              <ReviewProgressView progress={loaded.progress} mode={live} criterionTexts={criterionTexts} />
            )}
            {loaded.status === 'failed' && !loaded.report && (
              <div className="state state-error" role="alert">
                <p className="state-title">{t('review.failedTitle')}</p>
                <p>{loaded.error ?? t('review.failedHint')}</p>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={requestAgain.isPending}
                  onClick={() =>
                    requestAgain.mutate(loaded.version, {
                      onSuccess: (requested) => navigate(`/revues/${requested.id}`),
                    })
                  }
                >
                  {t('review.requestAgain')}
                </button>
                {requestAgain.error && <InlineError error={requestAgain.error} />}
              </div>
            )}
            <TrainerCommentsNotice dossierId={loaded.dossierId} version={loaded.version} />
            {loaded.report && (
              <GapReportView
                report={loaded.report}
                reviewId={loaded.id}
                onRetry={isActive(loaded.status) ? undefined : onRetry}
                retrying={retry.isPending ? (retry.variables ?? null) : null}
                retryFailure={retryFailure}
                levels={rubric.data?.criteria}
              />
            )}
            <TrainerComments dossierId={loaded.dossierId} version={loaded.version} />
            {loaded.status === 'done' && (
              <section className={`card ${styles.nextSteps}`} aria-labelledby="next-heading">
                <h2 id="next-heading">{t('review.nextTitle')}</h2>
                <p>{t('review.nextHint')}</p>
                <div className="header-actions">
                  <Link
                    className="button button-primary"
                    to={`/dossiers/${loaded.dossierId}#nouvelle-version`}
                  >
                    {t('review.nextAction')}
                  </Link>
                  <Link
                    className="button button-secondary"
                    to={`/dossiers/${loaded.dossierId}/versions/${loaded.version}/coach`}
                  >
                    {t('review.askCoach')}
                  </Link>
                  <Link className="button button-secondary" to={`/revues/${loaded.id}/oral`}>
                    {t('review.prepareOral')}
                  </Link>
                </div>
              </section>
            )}
            <AddressedTextPanel dossierId={loaded.dossierId} version={loaded.version} quoteRequired />
          </>
        )}
      </QueryState>
    </div>
  );
}
