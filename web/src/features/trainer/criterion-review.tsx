import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../../components/icons';
import { ScorePill } from '../../components/score';
import { InlineError } from '../../components/states';
import type { CriterionResult, RubricLevels } from '../../lib/api';
import { CompetencyChips } from '../referential/competency-chip';
import { CriterionLevels } from '../reviews/criterion-levels';
import { FlagList } from '../reviews/flags';
import { type DecisionDraft, DecisionForm, DecisionSummary } from './decision-form';
import type { DecisionInput } from './queries';
import styles from './review-page.module.css';

/** One criterion on the review screen: the AI's score, its quotes and levels, and the trainer's decision. */
export function CriterionReview({
  criterion: c,
  levels,
  selected,
  activeQuote,
  onSelect,
  onShowQuote,
  draft,
  onOpenDraft,
  onDraftChange,
  onCancel,
  onAccept,
  onSave,
  pending,
  error,
}: {
  criterion: CriterionResult;
  levels: RubricLevels | undefined;
  selected: boolean;
  activeQuote: number;
  onSelect: () => void;
  onShowQuote: (index: number) => void;
  draft: DecisionDraft | undefined;
  onOpenDraft: () => void;
  onDraftChange: (draft: DecisionDraft) => void;
  onCancel: () => void;
  onAccept: () => void;
  onSave: (input: DecisionInput) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const failed = c.status === 'failed';
  const titleId = `criterion-${c.id}-title`;
  const classes = ['card', styles.trainerCriterion];
  if (selected) classes.push('is-selected');
  if (c.decision) classes.push('is-decided');
  return (
    <article
      id={`criterion-${c.id}`}
      className={classes.join(' ')}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      data-criterion={c.id}
      tabIndex={-1}
      onFocus={onSelect}
    >
      <header className="criterion-header">
        <h3 id={titleId}>
          <button type="button" className={styles.criterionSelect} onClick={onSelect}>
            <span className="item-id">{c.id}</span> {c.text}
          </button>
        </h3>
        <div className={styles.trainerAiScore} data-part="ai-score">
          <span className="muted small">{t('trainer.decision.aiScore')}</span>
          {failed ? (
            <span className="status-badge status-failed">{t('report.criterionFailed')}</span>
          ) : (
            <ScorePill score={c.score} level={c.level} />
          )}
        </div>
      </header>
      {selected && <span className={styles.selectedTag}>{t('trainer.review.selected')}</span>}
      <CompetencyChips ids={c.competencies} label={t('exam.criterionCompetencies')} />
      <p className="rationale">{c.rationale}</p>

      <EvidenceList criterion={c} activeQuote={activeQuote} onShowQuote={onShowQuote} />
      {c.missing.length > 0 && (
        <div className="criterion-section">
          <h4>{t('report.missing')}</h4>
          <ul className="bullet-list">
            {c.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {c.flags.length > 0 && <FlagList flags={c.flags} compact />}
      {levels && <CriterionLevels levels={levels} score={failed ? undefined : c.score} />}

      <div className={styles.trainerDecisionArea}>
        <DecisionSummary criterion={c} />
        {draft ? (
          <DecisionForm
            criterion={c}
            draft={draft}
            onChange={onDraftChange}
            onCancel={onCancel}
            onSubmit={onSave}
            pending={pending}
            error={error}
            descriptors={levels?.descriptors}
          />
        ) : (
          <DecisionActions
            criterion={c}
            onOpenDraft={onOpenDraft}
            onAccept={onAccept}
            pending={pending}
            error={error}
          />
        )}
      </div>
    </article>
  );
}

/** The criterion's quotes: each one scrolls the dossier's text to it and highlights it. */
function EvidenceList({
  criterion: c,
  activeQuote,
  onShowQuote,
}: {
  criterion: CriterionResult;
  activeQuote: number;
  onShowQuote: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="criterion-section">
      <h4>{t('report.evidence')}</h4>
      {c.evidence.length > 0 ? (
        <ul className="evidence-list">
          {c.evidence.map((e, i) => (
            <li key={`${e.page}-${e.quote}`}>
              <button
                type="button"
                className={i === activeQuote ? 'evidence is-active' : 'evidence'}
                onClick={() => onShowQuote(i)}
              >
                {/* The visible quote and page are the name, after a hidden verb (WCAG 2.5.3). */}
                <span className="visually-hidden">{t('trainer.review.showInText')} </span>
                <q>{e.quote}</q>
                <span className="page-ref">{t('report.page', { page: e.page })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('trainer.review.noEvidence')}</p>
      )}
    </div>
  );
}

/** Under an undecided criterion: accept the AI's score or correct it; under a decided one, edit it. */
function DecisionActions({
  criterion: c,
  onOpenDraft,
  onAccept,
  pending,
  error,
}: {
  criterion: CriterionResult;
  onOpenDraft: () => void;
  onAccept: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const failed = c.status === 'failed';
  // Decided: the card offers to change the decision, never « Valider » the AI's score again.
  if (c.decision) {
    return (
      <>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={onOpenDraft}
            aria-label={t('trainer.decision.editAria', { id: c.id })}
          >
            {t('trainer.decision.edit')}
          </button>
        </div>
        {error !== null && error !== undefined && <InlineError error={error} />}
      </>
    );
  }
  return (
    <>
      <div className="button-row">
        {!failed && (
          <button type="button" className="button button-primary" onClick={onAccept} disabled={pending}>
            <CheckIcon size={16} />
            {pending ? t('trainer.decision.saving') : t('trainer.decision.accept', { score: c.score })}{' '}
            <span className="visually-hidden">{t('trainer.decision.acceptAria', { id: c.id })}</span>
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={onOpenDraft}
          aria-label={t('trainer.decision.overrideAria', { id: c.id })}
        >
          {t('trainer.decision.override')}
        </button>
      </div>
      {failed && <p className="muted small">{t('trainer.decision.failedHint')}</p>}
      {error !== null && error !== undefined && <InlineError error={error} />}
    </>
  );
}
