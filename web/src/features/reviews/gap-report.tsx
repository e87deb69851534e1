import { type MouseEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { CheckIcon, CrossIcon, HalfIcon } from '../../components/icons';
import { ReadinessBadge, ScorePill } from '../../components/score';
import { InlineError } from '../../components/states';
import { api, type CriterionResult, type GapReport, type RubricLevels } from '../../lib/api';
import { formatDate, formatNumber, formatScore } from '../../lib/format';
import { CompetencyChips } from '../referential/competency-chip';
import type { ReviewCheck } from '../trainer/queries';
import { reasonLabel } from '../trainer/reasons';
import { reportCheck } from '../trainer/report-check';
import { CompetencyChart } from './competency-chart';
import { CriterionLevels } from './criterion-levels';
import { FlagList } from './flags';
import styles from './gap-report.module.css';
import { criteriaByPriority, type OrderedCriterion } from './order';

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

/** Search string that opens the extracted-text panel at a page with a quote highlighted. */
export function evidenceSearch(page: number, quote: string) {
  return `?${new URLSearchParams({ page: String(page), quote })}`;
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
  const { t, i18n } = useTranslation();
  const ordered = criteriaByPriority(report);
  const jumpRef = useRef<HTMLElement>(null);
  const stickyTop = useStickyHeaderHeight();
  const { expanded, toggle, setAll, jump } = useExpandedCriteria(jumpRef);
  const levelsById = new Map(levels?.map((l) => [l.id, l]) ?? []);
  const allOpen = ordered.every((o) => expanded.has(o.criterion.id));
  // The offline analyzer is said once, in the notice below; not again among the flags.
  const reportFlags = report.flags.filter((f) => f.code !== 'offline_analyzer');
  function onJump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    event.preventDefault();
    window.history.replaceState(window.history.state, '', `#criterion-${id}`);
    jump(id);
  }
  const top = ordered.filter((o) => o.rank !== null).slice(0, 3);
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const markdownHref = api.reviews[':id']['report.md'].$path({ param: { id: reviewId }, query: { lang } });
  const htmlHref = api.reviews[':id']['report.html'].$path({ param: { id: reviewId }, query: { lang } });
  const check = reportCheck(report);
  const after = report.overallAfterTrainer;

  return (
    <article className={styles.report} aria-labelledby="report-title">
      <header className={`${styles.reportHero} card`}>
        <div className="report-hero-main">
          <p className="eyebrow">
            {t('referential.blocLabel', { id: report.exam.bloc })} · {report.exam.case}
          </p>
          <h1 id="report-title">{t('report.title')}</h1>
          {report.dossier && (
            <p className="muted">
              {report.dossier.fileName && <>{report.dossier.fileName} · </>}
              {t('report.dossierLine', {
                version: report.dossier.version,
                pages: report.dossier.pages,
                words: formatNumber(report.dossier.words, i18n.language),
                count: report.dossier.pages,
              })}
              {' · '}
              {t('report.generatedAt', { date: formatDate(report.generatedAt, i18n.language) })}
            </p>
          )}
          <p className={styles.reportSummary}>{report.overall.summary}</p>
          <div className={styles.reportActions}>
            <a className="button button-secondary" href={markdownHref} download>
              {t('report.downloadMarkdown')}
            </a>
            <a className="button button-secondary" href={htmlHref} target="_blank" rel="noopener">
              {t('report.openPrintable')}
              <span className="visually-hidden"> {t('common.newTab')}</span>
            </a>
            {report.dossier && (
              <a
                className="button button-secondary"
                href={api.dossiers[':id'].versions[':v'].file.$path({
                  param: { id: report.dossier.id, v: String(report.dossier.version) },
                })}
                download
              >
                {t('report.downloadOriginal')}
              </a>
            )}
          </div>
        </div>
        <div className={styles.scorePanels}>
          <div className={styles.scorePanel} data-testid="score-ai">
            <ReadinessBadge ready={report.overall.ready} size="large" />
            <p className={styles.overallScore}>
              <span className="visually-hidden">
                {t('report.overallAria', { score: formatScore(report.overall.score, i18n.language) })}
              </span>
              <span aria-hidden="true">
                <span className={styles.overallValue}>
                  {formatScore(report.overall.score, i18n.language)}
                </span>
                <span className={styles.overallMax}>/4</span>
              </span>
            </p>
            <p className={styles.overallLevel}>
              {t('report.level')} <strong>{t(`levels.${report.overall.level}`)}</strong>
            </p>
            {after && <p className="overall-source muted small">{t('report.aiScoreLabel')}</p>}
          </div>
          {after && (
            <div
              className={`${styles.scorePanel} ${styles.scorePanelTrainer}`}
              data-testid="score-after-trainer"
            >
              <p className="overall-source">
                <strong>{t('report.afterTrainer')}</strong>
              </p>
              <ReadinessBadge ready={after.ready} size="large" />
              <p className={styles.overallScore}>
                <span className="visually-hidden">
                  {t('report.afterTrainerAria', { score: formatScore(after.score, i18n.language) })}
                </span>
                <span aria-hidden="true">
                  <span className={styles.overallValue}>{formatScore(after.score, i18n.language)}</span>
                  <span className={styles.overallMax}>/4</span>
                </span>
              </p>
              <p className={`${styles.overallLevel} muted small`}>
                {t('report.reviewedCount', {
                  decided: after.decided,
                  total: after.total,
                  count: after.total,
                })}
              </p>
            </div>
          )}
        </div>
      </header>

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
          <nav
            ref={jumpRef}
            className={styles.jump}
            style={{ top: stickyTop }}
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

        <aside className={styles.reportSide} aria-label={t('report.sideLabel')}>
          <section className="card" aria-labelledby="competencies-heading">
            <h2 id="competencies-heading">{t('report.competencies')}</h2>
            <CompetencyChart competencies={report.competencies} />
          </section>

          <section className="card" aria-labelledby="deliverables-heading">
            <h2 id="deliverables-heading">{t('report.deliverablesTitle')}</h2>
            <ul className={styles.checklist}>
              {report.deliverables.map((d) => (
                <li key={d.id} className={`${styles.check} check-${d.status}`}>
                  <span className={styles.checkIcon}>
                    {d.status === 'present' ? (
                      <CheckIcon />
                    ) : d.status === 'partial' ? (
                      <HalfIcon />
                    ) : (
                      <CrossIcon />
                    )}
                  </span>
                  <div>
                    <p>
                      <span className="item-id">{d.id}</span> {d.text}
                    </p>
                    <p className={styles.checkStatus}>
                      <strong>{t(`deliverable.${d.status}`)}</strong>
                      {d.pages.length > 0 && (
                        <> · {t('report.pages', { pages: d.pages.join(', '), count: d.pages.length })}</>
                      )}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="format-heading">
            <h2 id="format-heading">{t('report.formatTitle')}</h2>
            <ul className={styles.checklist}>
              {report.format.map((f) => (
                <li key={f.check} className={`${styles.check} ${f.ok ? 'check-present' : 'check-missing'}`}>
                  <span className={styles.checkIcon}>{f.ok ? <CheckIcon /> : <CrossIcon />}</span>
                  <div>
                    <p>
                      <strong>{t(`format.${f.check}`)}</strong>
                      <span className="visually-hidden">, {f.ok ? t('format.ok') : t('format.ko')}</span>
                    </p>
                    <p className={styles.checkStatus}>{f.detail}</p>
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="flags-heading">
            <h2 id="flags-heading">{t('report.flagsTitle')}</h2>
            {reportFlags.length > 0 ? (
              <FlagList flags={reportFlags} />
            ) : (
              <p className="muted">{t('report.noFlags')}</p>
            )}
          </section>

          <section className={`card ${styles.reportMeta}`} aria-labelledby="meta-heading">
            <h2 id="meta-heading">{t('report.metaTitle')}</h2>
            <dl className="facts facts-compact">
              <div>
                <dt>{t('report.provider')}</dt>
                <dd>{report.offline ? t('report.offlineProvider') : report.provider}</dd>
              </div>
              <div>
                <dt>{t('report.model')}</dt>
                <dd>{report.model}</dd>
              </div>
              <div>
                <dt>{t('report.rubricVersion')}</dt>
                <dd>{report.rubricVersion}</dd>
              </div>
              <div>
                <dt>{t('report.promptVersion')}</dt>
                <dd>{report.promptVersion}</dd>
              </div>
              <div>
                <dt>{t('report.duration')}</dt>
                <dd>
                  {t('report.seconds', { value: formatScore(report.usage.durationMs / 1000, i18n.language) })}
                </dd>
              </div>
              {report.usage.promptTokens + report.usage.completionTokens > 0 && (
                <div>
                  <dt>{t('report.tokens')}</dt>
                  <dd>
                    {formatNumber(report.usage.promptTokens + report.usage.completionTokens, i18n.language)}
                  </dd>
                </div>
              )}
            </dl>
          </section>
        </aside>
      </div>
    </article>
  );
}

/**
 * One criterion: collapsed, its score line and first gap (a failed one keeps its retry in view); expanded,
 * the rationale, the trainer's decision, evidence, what is missing, what to do and what the levels mean.
 */
function CriterionCard({
  item,
  expanded,
  onToggle,
  levels,
  onRetry,
  retrying,
  retryError,
}: {
  item: OrderedCriterion;
  expanded: boolean;
  onToggle: () => void;
  levels: RubricLevels | undefined;
  onRetry?: (criterionId: string) => void;
  retrying: boolean;
  retryError: unknown;
}) {
  const { t, i18n } = useTranslation();
  const { criterion: c, rank, reason } = item;
  const failed = c.status === 'failed';
  const headingId = `criterion-${c.id}-title`;
  const bodyId = `criterion-${c.id}-details`;
  const firstGap = c.missing[0] ?? c.recommendations[0] ?? null;
  return (
    <article
      id={`criterion-${c.id}`}
      className={`${styles.criterionCard} card ${styles.card}${failed ? ` ${styles.criterionFailed}` : ''}`}
      aria-labelledby={headingId}
      data-criterion={c.id}
      data-expanded={expanded}
      tabIndex={-1}
    >
      <header className="criterion-header">
        {rank !== null && (
          <span className={styles.criterionRank} title={t('report.rank', { rank })}>
            <span className="visually-hidden">{t('report.rank', { rank })} </span>
            {rank}
          </span>
        )}
        <h3 id={headingId}>
          <span className="item-id">{c.id}</span> {c.text}
        </h3>
        {failed && !c.decision ? (
          <span className="status-badge status-failed">{t('report.criterionFailed')}</span>
        ) : c.decision ? (
          // The headline badge of a decided criterion is the trainer's score; the AI's stays in the note below.
          <ScorePill score={c.decision.score} level={levelName(c.decision.score)} />
        ) : (
          <ScorePill score={c.score} level={c.level} />
        )}
      </header>
      {!failed && (
        <p className={styles.firstGap} data-testid="first-gap">
          {c.decision && <span className={styles.verifiedTag}>{t('report.verifiedTag')}</span>}
          {firstGap ? (
            <>
              <strong>{t('report.firstGap')}</strong> {firstGap}
            </>
          ) : (
            <span className="muted">{t('report.noGap')}</span>
          )}
        </p>
      )}
      {!failed && (
        <button
          type="button"
          className={`button button-secondary button-small ${styles.toggle}`}
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          {expanded ? t('report.hideDetails') : t('report.showDetails')}{' '}
          <span className="visually-hidden">{t('report.detailsOf', { id: c.id })}</span>
        </button>
      )}
      <div id={bodyId} hidden={!failed && !expanded} className={styles.details}>
        <CompetencyChips ids={c.competencies} label={t('exam.criterionCompetencies')} />

        {reason && rank !== null && (
          <p className={styles.priorityReason}>
            <strong>{t('report.rankReason', { rank })}</strong> {reason}
          </p>
        )}
        <p className="rationale">{c.rationale}</p>

        {c.decision && (
          <div className={styles.decision} role="note">
            <p className={styles.decisionTitle}>
              <CheckIcon /> {t('report.verifiedByTrainer')}
              <ScorePill score={c.decision.score} level={levelName(c.decision.score)} />
            </p>
            <p className="decision-reason">{reasonLabel(t, c.decision.reason)}</p>
            {c.decision.comment && <p className={styles.decisionComment}>{c.decision.comment}</p>}
            {!failed && c.decision.score !== c.score && (
              <p className="muted small">{t('trainer.candidate.aiScore', { score: c.score })}</p>
            )}
            <p className="muted small">
              {t('report.decisionBy', { by: c.decision.by, date: formatDate(c.decision.at, i18n.language) })}
            </p>
          </div>
        )}

        {failed ? (
          <div className={styles.criterionRetry}>
            <p>{t('report.failedHint')}</p>
            {onRetry && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => onRetry(c.id)}
                disabled={retrying}
                aria-label={t('report.retryAria', { id: c.id })}
              >
                {retrying ? t('report.retrying') : t('report.retry')}
              </button>
            )}
            {retryError !== null && retryError !== undefined && <InlineError error={retryError} />}
          </div>
        ) : (
          <div className={styles.criterionBody}>
            <CriterionSection title={t('report.evidence')}>
              {c.evidence.length > 0 ? (
                <ul className="evidence-list">
                  {c.evidence.map((e) => (
                    <li key={`${e.page}-${e.quote}`}>
                      <Link className="evidence" to={{ search: evidenceSearch(e.page, e.quote) }}>
                        {/* The visible quote and page are the link's name, after a hidden verb (WCAG 2.5.3). */}
                        <span className="visually-hidden">{t('report.evidenceVerb')}</span> <q>{e.quote}</q>
                        <span className="page-ref">{t('report.page', { page: e.page })}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('report.noEvidence')}</p>
              )}
            </CriterionSection>
            {c.missing.length > 0 && (
              <CriterionSection title={t('report.missing')}>
                <ul className="bullet-list">
                  {c.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </CriterionSection>
            )}
            {c.recommendations.length > 0 && (
              <CriterionSection title={t('report.recommendations')}>
                <ul className="bullet-list bullet-list-do">
                  {c.recommendations.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </CriterionSection>
            )}
          </div>
        )}
        {levels && (
          <CriterionLevels levels={levels} score={failed ? undefined : (c.decision?.score ?? c.score)} />
        )}
        {c.flags.length > 0 && <FlagList flags={c.flags} compact />}
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

function CriterionSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="criterion-section">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

const LEVEL_NAMES = ['absent', 'insuffisant', 'partiel', 'satisfaisant', 'excellent'] as const;
function levelName(score: number): CriterionResult['level'] {
  return LEVEL_NAMES[Math.max(0, Math.min(4, score))];
}
