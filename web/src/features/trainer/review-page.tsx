import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { Field } from '../../components/field';
import { CheckIcon } from '../../components/icons';
import { ReadinessBadge } from '../../components/score';
import { ErrorState, InlineError, Loading } from '../../components/states';
import type { CriterionResult, GapReport, Review } from '../../lib/api';
import { formatDate, formatScore } from '../../lib/format';
import { forRoles } from '../auth/require-auth';
import { FlagList } from '../reviews/flags';
import { useReviewRubric } from '../reviews/queries';
import { CriterionReview } from './criterion-review';
import { type DecisionDraft, initialDraft, withScore } from './decision-form';
import { DossierText } from './dossier-text';
import {
  type DecisionInput,
  type QueueItem,
  useCheckReview,
  useDecide,
  useQueue,
  useTrainerReview,
} from './queries';
import { reportCheck } from './report-check';
import styles from './review-page.module.css';
import { useShortcuts } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-help';
import { useVisibleCriterion } from './visible-criterion';

export const TrainerReviewPage = forRoles(['trainer'], TrainerReview);

function TrainerReview() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const review = useTrainerReview(id);
  const report = review.data?.report;
  useDocumentTitle(
    report ? t('trainer.review.title', { exam: report.exam.case }) : t('trainer.review.titleFallback'),
  );

  if (review.isPending) return <Loading label={t('review.loading')} />;
  if (review.isError) {
    return (
      <div className="page">
        <TrainerBreadcrumb />
        <ErrorState
          error={review.error}
          onRetry={() => void review.refetch()}
          back={{ to: '/formateur', label: t('trainer.review.back') }}
        />
      </div>
    );
  }
  if (!report) {
    return (
      <div className="page">
        <TrainerBreadcrumb />
        <div className="state state-error" role="alert">
          <p className="state-title">
            {review.data.status === 'failed' ? t('trainer.review.failed') : t('trainer.review.notDone')}
          </p>
          {review.data.error && <p>{review.data.error}</p>}
          <div className="state-action">
            <Link className="button button-secondary" to="/formateur">
              {t('trainer.review.back')}
            </Link>
          </div>
        </div>
      </div>
    );
  }
  return <ReviewWorkspace review={review.data} report={report} />;
}

function TrainerBreadcrumb({ current }: { current?: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      trail={[{ to: '/formateur', label: t('nav.trainerQueue') }]}
      current={current ?? t('trainer.review.titleFallback')}
    />
  );
}

const SCORE_KEYS = ['0', '1', '2', '3', '4'] as const;

/** The review screen proper: the criteria and their decisions beside the dossier's text. */
function ReviewWorkspace({ review, report }: { review: Review; report: GapReport }) {
  const { t } = useTranslation();
  const criteria = report.criteria;
  const [selected, setSelected] = useState(0);
  const [quote, setQuote] = useState({ index: 0, request: 0, reveal: false });
  const [helpOpen, setHelpOpen] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const { drafts, setDraft, closeDraft, openDraft, send, decide, failure, announce } = useDecisionDrafts(
    review.id,
    setFocusTarget,
  );
  const rubric = useReviewRubric(review.id);
  const levels = new Map(rubric.data?.criteria.map((l) => [l.id, l]) ?? []);
  const queue = useQueue({});
  const item = queue.data?.find((i) => i.reviewId === review.id);
  const current: CriterionResult | undefined = criteria[selected];
  const decided = criteria.filter((c) => c.decision).length;
  const quotes = useMemo(() => current?.evidence ?? [], [current]);

  // Moves focus once the element it targets is rendered (a form opened by a shortcut, a card).
  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget);
    if (element?.dataset.criterion) {
      // A card moved to by j/k goes to the top, across the line the highlights follow (useVisibleCriterion).
      element.focus({ preventScroll: true });
      element.scrollIntoView?.({ block: 'start' });
    } else element?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function select(index: number, { focus = false } = {}) {
    const next = Math.max(0, Math.min(criteria.length - 1, index));
    setSelected(next);
    setQuote((q) => ({ index: 0, request: q.request + 1, reveal: false }));
    if (focus) setFocusTarget(`criterion-${criteria[next].id}`);
  }

  // The highlights follow the criterion scrolled to, not only the one last clicked.
  const listRef = useVisibleCriterion((criterionId) => {
    const index = criteria.findIndex((c) => c.id === criterionId);
    if (index < 0 || index === selected) return;
    setSelected(index);
    setQuote((q) => ({ index: 0, request: q.request + 1, reveal: false }));
  });

  function showQuote(index: number, quoteIndex: number) {
    setSelected(index);
    setQuote((q) => ({ index: quoteIndex, request: q.request + 1, reveal: true }));
  }

  function accept(index: number, { advance = false } = {}) {
    const c = criteria[index];
    if (c?.status !== 'done' || decide.isPending) return;
    // A decided criterion keeps its decision: « a » moves on instead of putting the AI's score back.
    if (c.decision) {
      if (advance) select(index + 1, { focus: true });
      return;
    }
    send(
      c,
      { score: c.score, reason: 'agree' },
      advance ? () => select(index + 1, { focus: true }) : undefined,
    );
  }

  useShortcuts({
    j: () => select(selected + 1, { focus: true }),
    k: () => select(selected - 1, { focus: true }),
    a: () => accept(selected, { advance: true }),
    c: () => current && openDraft(current, undefined, 'comment'),
    '?': () => setHelpOpen((open) => !open),
    ...Object.fromEntries(
      SCORE_KEYS.map((key) => [
        key,
        () => current && openDraft(current, (d) => withScore(d, Number(key), current.score), 'reason'),
      ]),
    ),
  });

  return (
    <div className="page trainer-review">
      <TrainerBreadcrumb current={item ? `${item.candidate} — ${report.exam.case}` : report.exam.case} />
      <ReviewHeader review={review} report={report} item={item} decided={decided} />

      <ShortcutsHelp open={helpOpen} onToggle={setHelpOpen} />

      {report.flags.filter((f) => f.code !== 'offline_analyzer').length > 0 && (
        <section className={`card ${styles.trainerFlags}`} aria-labelledby="trainer-flags-title">
          <h2 id="trainer-flags-title" className="trainer-card-title">
            {t('trainer.review.flagsTitle')}
          </h2>
          <FlagList flags={report.flags.filter((f) => f.code !== 'offline_analyzer')} compact />
        </section>
      )}

      <p className="visually-hidden" role="status">
        {announce}
      </p>

      <div className={styles.trainerReviewLayout}>
        <section className={styles.trainerCriteria} aria-labelledby="trainer-criteria-title">
          <h2 id="trainer-criteria-title" className={styles.trainerCriteriaTitle}>
            {t('trainer.review.criteriaTitle')}
          </h2>
          <p className="section-intro">{t('trainer.review.criteriaIntro')}</p>
          <ol className={styles.trainerCriterionList} ref={listRef}>
            {criteria.map((c, index) => (
              <li key={c.id}>
                <CriterionReview
                  criterion={c}
                  levels={levels.get(c.id)}
                  selected={index === selected}
                  activeQuote={index === selected ? quote.index : -1}
                  onSelect={() => index !== selected && select(index)}
                  onShowQuote={(q) => showQuote(index, q)}
                  draft={drafts[c.id]}
                  onOpenDraft={() => openDraft(c, undefined, 'reason')}
                  onDraftChange={(draft) => setDraft(c.id, draft)}
                  onCancel={() => closeDraft(c.id)}
                  onAccept={() => accept(index)}
                  onSave={(input) => send(c, input)}
                  pending={decide.isPending && decide.variables?.criterionId === c.id}
                  error={failure?.criterionId === c.id ? failure.error : null}
                />
              </li>
            ))}
          </ol>
          <CheckForm reviewId={review.id} report={report} />
        </section>
        <div className={styles.trainerTextColumn}>
          <DossierText
            dossierId={review.dossierId}
            version={review.version}
            criterionId={current?.id ?? null}
            quotes={quotes}
            active={quote.index}
            scrollRequest={quote.request}
            reveal={quote.reveal}
            onBack={current ? () => setFocusTarget(`criterion-${current.id}`) : undefined}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * The decision forms open on the screen, and saving one: which criterion's save failed, and what a screen
 * reader announces once it is saved.
 */
function useDecisionDrafts(reviewId: string, setFocusTarget: (id: string) => void) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, DecisionDraft>>({});
  const [failure, setFailure] = useState<{ criterionId: string; error: unknown } | null>(null);
  const [announce, setAnnounce] = useState('');
  const decide = useDecide(reviewId);

  function closeDraft(criterionId: string) {
    setDrafts(({ [criterionId]: _closed, ...rest }) => rest);
  }

  function openDraft(c: CriterionResult, change?: (draft: DecisionDraft) => DecisionDraft, focus?: string) {
    setDrafts((all) => {
      const draft = all[c.id] ?? initialDraft(c);
      return { ...all, [c.id]: change ? change(draft) : draft };
    });
    if (focus) setFocusTarget(`decision-${c.id}-${focus}`);
  }

  function send(c: CriterionResult, input: DecisionInput, then?: () => void) {
    setFailure(null);
    decide.mutate(
      { criterionId: c.id, ...input },
      {
        onSuccess: () => {
          closeDraft(c.id);
          setAnnounce(t('trainer.decision.saved', { id: c.id }));
          then?.();
        },
        onError: (error) => setFailure({ criterionId: c.id, error }),
      },
    );
  }

  function setDraft(criterionId: string, draft: DecisionDraft) {
    setDrafts((all) => ({ ...all, [criterionId]: draft }));
  }

  return { drafts, setDraft, closeDraft, openDraft, send, decide, failure, announce };
}

/** The candidate, the exam, the trainer's progress and the overall score. */
function ReviewHeader({
  review,
  report,
  item,
  decided,
}: {
  review: Review;
  report: GapReport;
  item: QueueItem | undefined;
  decided: number;
}) {
  const { t, i18n } = useTranslation();
  const heading = item
    ? t('trainer.review.heading', { candidate: item.candidate })
    : t('trainer.review.titleFallback');
  return (
    <header className={`card ${styles.trainerReviewHeader}`}>
      <div>
        <p className="eyebrow">
          {t('referential.blocLabel', { id: report.exam.bloc })} · {report.exam.case}
        </p>
        <h1>{heading}</h1>
        <p className="muted">
          {item?.cohort ? `${item.cohort.name} · ` : ''}
          {t('trainer.review.versionLine', {
            version: review.version,
            date: formatDate(report.generatedAt, i18n.language),
          })}
          {report.offline ? ` · ${t('report.offlineProvider')}` : ''}
        </p>
        <p className={styles.trainerProgress}>
          {t('trainer.review.progress', { count: decided, total: report.criteria.length })}
        </p>
        <Link className="small" to={`/revues/${review.id}`}>
          {t('trainer.review.candidateView')}
        </Link>
      </div>
      <div className={styles.trainerReviewScore}>
        <ReadinessBadge ready={report.overall.ready} />
        <p>{t('trainer.review.overall', { score: formatScore(report.overall.score, i18n.language) })}</p>
      </div>
    </header>
  );
}

/** « Marquer comme vérifiée », with a comment the candidate reads on their report. */
function CheckForm({ reviewId, report }: { reviewId: string; report: GapReport }) {
  const { t, i18n } = useTranslation();
  const check = reportCheck(report);
  const mutation = useCheckReview(reviewId);
  const [comment, setComment] = useState(check?.comment ?? '');
  const [done, setDone] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const total = report.criteria.length;
  const decided = report.criteria.filter((c) => c.decision).length;

  function save() {
    setDone(false);
    setConfirming(false);
    mutation.mutate(comment, { onSuccess: () => setDone(true) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // Marking as checked with criteria left undecided is allowed, but only on purpose.
    if (decided < total && !confirming) {
      setConfirming(true);
      return;
    }
    save();
  }

  return (
    <section className={`card ${styles.trainerCheck}`} aria-labelledby="trainer-check-title">
      <h2 id="trainer-check-title">{t('trainer.check.title')}</h2>
      {check ? (
        <p className={styles.trainerChecked}>
          <CheckIcon size={16} />{' '}
          {t('trainer.check.checkedBy', { by: check.by, date: formatDate(check.at, i18n.language) })}
        </p>
      ) : (
        <p className="muted">{t('trainer.check.hint')}</p>
      )}
      <form onSubmit={submit} className={styles.trainerCheckForm}>
        <Field
          as="textarea"
          id="check-comment"
          label={t('trainer.check.comment')}
          hint={t('trainer.check.commentHint')}
          fieldClass={styles.trainerCheckField}
          className="trainer-textarea"
          rows={4}
          maxLength={4000}
          value={comment}
          onValue={setComment}
        />
        {mutation.error && <InlineError error={mutation.error} />}
        {confirming && (
          <div className="notice notice-warning" role="alert">
            <p>{t('trainer.check.undecided', { count: total - decided, decided, total })}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={save}>
                {t('trainer.check.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        {done && (
          <p className={`notice ${styles.noticeSuccess}`} role="status">
            {t('trainer.check.done')} <Link to="/formateur">{t('trainer.review.back')}</Link>
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending
            ? t('trainer.decision.saving')
            : check
              ? t('trainer.check.update')
              : t('trainer.check.action')}
        </button>
      </form>
    </section>
  );
}
