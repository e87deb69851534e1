import { type MouseEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { CheckIcon } from '../../components/icons';
import type { GapReport, RubricLevels } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { ReviewCheck } from '../trainer/queries';
import { reportCheck } from '../trainer/report-check';
import { CriterionCard } from './criterion-card';
import styles from './gap-report.module.css';
import { criteriaByPriority, type OrderedCriterion } from './order';
import { ReportHero } from './report-hero';
import { ReportSide } from './report-side';

export interface GapReportViewProps {
  report: GapReport;
  reviewId: string;
  /** Asks for a failed criterion to be graded again. */
  onRetry?: (criterionId: string) => void;
  /** The criterion whose retry is in flight, if any. */
  retrying?: string | null;
  /** The last retry that failed, with the server's error. */
  retryFailure?: { criterionId: string; error: unknown } | null;
  /** What each level means per criterion (the review's rubric version), when loaded. */
  levels?: RubricLevels[];
}

const CRITERION_HASH = /^#criterion-([^/]+)$/;

/**
 * The height of the site header while it sticks to the top (wide screens; on phones it scrolls away and
 * this is 0), so the jump list sticks right under it whatever the header's wrapping.
 */
function useStickyHeaderHeight() {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const header = document.querySelector<HTMLElement>('.site-header');
    if (!header) return;
    const measure = () =>
      setHeight(getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().height : 0);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(header);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return height;
}

/**
 * Which criteria are expanded, and how to open one and bring it into view: a deep link (`#criterion-K3`)
 * or a jump opens its target, scrolls to it and moves the focus there.
 */
function useExpandedCriteria(bar: RefObject<HTMLElement | null>) {
  const { hash } = useLocation();
  const linked = CRITERION_HASH.exec(decodeURIComponent(hash))?.[1] ?? null;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(linked ? [linked] : []));
  const [target, setTarget] = useState<{ id: string } | null>(linked ? { id: linked } : null);

  // A hash set after the first render (a link within the app) opens its criterion too.
  useEffect(() => {
    if (!linked) return;
    setExpanded((open) => (open.has(linked) ? open : new Set([...open, linked])));
    setTarget({ id: linked });
  }, [linked]);

  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(`criterion-${target.id}`);
    if (!element) return;
    // Just below the sticky jump list, wherever it sticks (under the site header on wide screens).
    const stuck = bar.current ? Number.parseFloat(getComputedStyle(bar.current).top) || 0 : 0;
    const offset = stuck + (bar.current?.offsetHeight ?? 0) + 12;
    window.scrollTo?.({ top: element.getBoundingClientRect().top + window.scrollY - offset });
    element.focus({ preventScroll: true });
  }, [target, bar]);

  return {
    expanded,
    toggle: (id: string) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (ids: string[]) => setExpanded(new Set(ids)),
    /** Opens a criterion, scrolls to it and focuses it; a new object so the same jump twice still moves. */
    jump: (id: string) => {
      setExpanded((open) => (open.has(id) ? open : new Set([...open, id])));
      setTarget({ id });
    },
  };
}

/** The gap report: readiness and score first, then priorities, criteria, deliverables, format and flags. */
export function GapReportView({
  report,
  reviewId,
  onRetry,
  retrying,
  retryFailure,
  levels,
}: GapReportViewProps) {
  const { t } = useTranslation();
  const ordered = criteriaByPriority(report);
  const jumpRef = useRef<HTMLElement>(null);
  const stickyTop = useStickyHeaderHeight();
  const { expanded, toggle, setAll, jump } = useExpandedCriteria(jumpRef);
  const levelsById = new Map(levels?.map((l) => [l.id, l]) ?? []);
  const allOpen = ordered.every((o) => expanded.has(o.criterion.id));
  function onJump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    event.preventDefault();
    window.history.replaceState(window.history.state, '', `#criterion-${id}`);
    jump(id);
  }
  const top = ordered.filter((o) => o.rank !== null).slice(0, 3);
  const check = reportCheck(report);
  const after = report.overallAfterTrainer;

  return (
    <article className={styles.report} aria-labelledby="report-title">
      <ReportHero report={report} reviewId={reviewId} />

      {report.offline ? (
        // One notice says it all: the stored disclaimer repeats the offline sentence, so it is not shown too.
        <p className="notice notice-offline" role="note" data-testid="offline-notice">
          <strong>{t('report.offline')}</strong>
          <span>
            {t('report.offlineHint')} {t('report.formative')}
          </span>
        </p>
      ) : (
        <p className="notice disclaimer" role="note">
          {report.disclaimer}
        </p>
      )}

      {check && <TrainerCheck check={check} decided={after?.decided ?? 0} total={report.criteria.length} />}

      {top.length > 0 && (
        <section className={`card ${styles.priorities}`} aria-labelledby="priorities-heading">
          <h2 id="priorities-heading">{t('report.prioritiesTitle')}</h2>
          <ol className={styles.priorityList}>
            {top.map(({ criterion, reason }) => (
              <li key={criterion.id} className={styles.priorityItem}>
                <a href={`#criterion-${criterion.id}`} onClick={(e) => onJump(e, criterion.id)}>
                  <span className="item-id">{criterion.id}</span> {criterion.text}
                </a>
                {reason && <p className="muted">{reason}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <div className={styles.reportLayout}>
        <section className="report-criteria" aria-labelledby="criteria-heading">
          <div className={styles.criteriaHead}>
            <h2 id="criteria-heading">{t('report.criteriaTitle')}</h2>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setAll(allOpen ? [] : ordered.map((o) => o.criterion.id))}
            >
              {allOpen ? t('report.collapseAll') : t('report.expandAll')}
            </button>
          </div>
          <p className="section-intro">{t('report.criteriaIntro')}</p>
          <JumpList ordered={ordered} navRef={jumpRef} top={stickyTop} onJump={onJump} />
          <ol className={styles.criterionList}>
            {ordered.map((item) => (
              <li key={item.criterion.id}>
                <CriterionCard
                  item={item}
                  expanded={expanded.has(item.criterion.id)}
                  onToggle={() => toggle(item.criterion.id)}
                  levels={levelsById.get(item.criterion.id)}
                  onRetry={onRetry}
                  retrying={retrying === item.criterion.id}
                  retryError={retryFailure?.criterionId === item.criterion.id ? retryFailure.error : null}
                />
              </li>
            ))}
          </ol>
        </section>

        <ReportSide report={report} />
      </div>
    </article>
  );
}

/** The trainer's check of the whole report, with their comment for the candidate when they left one. */
function TrainerCheck({ check, decided, total }: { check: ReviewCheck; decided: number; total: number }) {
  const { t, i18n } = useTranslation();
  // « Vérifié » only when the trainer decided every criterion; otherwise say how far the review went.
  const complete = decided === total;
  return (
    <section className={`card ${styles.trainerComment}`} aria-labelledby="trainer-comment-heading">
      <h2 id="trainer-comment-heading" className={styles.trainerCommentTitle}>
        {complete && <CheckIcon />}{' '}
        {check.comment
          ? t('trainer.candidate.commentTitle')
          : complete
            ? t('report.verifiedByTrainer')
            : t('report.partlyReviewedTitle')}
      </h2>
      <p className="trainer-coverage" data-testid="trainer-coverage">
        {complete ? t('report.allReviewed') : t('report.reviewedCount', { decided, total, count: total })}
      </p>
      {check.comment && <p className={styles.trainerCommentText}>{check.comment}</p>}
      <p className="muted small">
        {t('trainer.candidate.checkedBy', { by: check.by, date: formatDate(check.at, i18n.language) })}
      </p>
    </section>
  );
}

/** The sticky row of criterion links, each coloured by its score, that opens and focuses its criterion. */
function JumpList({
  ordered,
  navRef,
  top,
  onJump,
}: {
  ordered: OrderedCriterion[];
  navRef: RefObject<HTMLElement | null>;
  top: number;
  onJump: (event: MouseEvent<HTMLAnchorElement>, id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav
      ref={navRef}
      className={styles.jump}
      style={{ top }}
      aria-label={t('report.jumpLabel')}
      data-testid="criterion-jump"
    >
      <ol className={styles.jumpList}>
        {ordered.map(({ criterion: c }) => {
          const score = c.decision?.score ?? (c.status === 'failed' ? null : c.score);
          return (
            <li key={c.id}>
              <a
                className={`${styles.jumpLink} ${score === null ? '' : `level-${score}`}`}
                href={`#criterion-${c.id}`}
                onClick={(e) => onJump(e, c.id)}
              >
                <span className={styles.jumpId}>{c.id}</span>
                <span>{score === null ? '—' : t('report.scoreOutOf', { score })}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
