import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckIcon } from '../../components/icons';
import { ScorePill } from '../../components/score';
import { InlineError } from '../../components/states';
import type { CriterionResult, RubricLevels } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { CompetencyChips } from '../referential/competency-chip';
import { reasonLabel } from '../trainer/reasons';
import { CriterionLevels } from './criterion-levels';
import { FlagList } from './flags';
import styles from './gap-report.module.css';
import type { OrderedCriterion } from './order';

/** Search string that opens the extracted-text panel at a page with a quote highlighted. */
export function evidenceSearch(page: number, quote: string) {
  return `?${new URLSearchParams({ page: String(page), quote })}`;
}

/**
 * One criterion: collapsed, its score line and first gap (a failed one keeps its retry in view); expanded,
 * the rationale, the trainer's decision, evidence, what is missing, what to do and what the levels mean.
 */
export function CriterionCard({
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
  const { t } = useTranslation();
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

        {c.decision && <DecisionNote criterion={c} failed={failed} />}

        {failed ? (
          <CriterionRetry id={c.id} onRetry={onRetry} retrying={retrying} retryError={retryError} />
        ) : (
          <CriterionFindings criterion={c} />
        )}
        {levels && (
          <CriterionLevels levels={levels} score={failed ? undefined : (c.decision?.score ?? c.score)} />
        )}
        {c.flags.length > 0 && <FlagList flags={c.flags} compact />}
      </div>
    </article>
  );
}

/** The trainer's decision on a criterion: their score, reason and comment, and the AI's score if it differs. */
function DecisionNote({ criterion: c, failed }: { criterion: CriterionResult; failed: boolean }) {
  const { t, i18n } = useTranslation();
  if (!c.decision) return null;
  return (
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
  );
}

/** A criterion the model failed to grade: why, and a button to grade it again. */
function CriterionRetry({
  id,
  onRetry,
  retrying,
  retryError,
}: {
  id: string;
  onRetry?: (criterionId: string) => void;
  retrying: boolean;
  retryError: unknown;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.criterionRetry}>
      <p>{t('report.failedHint')}</p>
      {onRetry && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => onRetry(id)}
          disabled={retrying}
          aria-label={t('report.retryAria', { id })}
        >
          {retrying ? t('report.retrying') : t('report.retry')}
        </button>
      )}
      {retryError !== null && retryError !== undefined && <InlineError error={retryError} />}
    </div>
  );
}

/** What backs the score (verbatim quotes linking to their page), what is missing and what to do. */
function CriterionFindings({ criterion: c }: { criterion: CriterionResult }) {
  const { t } = useTranslation();
  return (
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
      <BulletSection title={t('report.missing')} items={c.missing} className="bullet-list" />
      <BulletSection
        title={t('report.recommendations')}
        items={c.recommendations}
        className="bullet-list bullet-list-do"
      />
    </div>
  );
}

/** A titled bullet list, left out when there is nothing to list. */
function BulletSection({ title, items, className }: { title: string; items: string[]; className: string }) {
  if (items.length === 0) return null;
  return (
    <CriterionSection title={title}>
      <ul className={className}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </CriterionSection>
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
