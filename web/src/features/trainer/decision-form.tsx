import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { ScorePill } from '../../components/score';
import { InlineError } from '../../components/states';
import type { CriterionResult, RubricLevels } from '../../lib/api';
import { formatDate } from '../../lib/format';
import styles from './decision-form.module.css';
import type { DecisionInput, Reason } from './queries';
import { REASONS, reasonLabel } from './reasons';

const LEVELS = ['absent', 'insuffisant', 'partiel', 'satisfaisant', 'excellent'] as const;
export const SCORES = [0, 1, 2, 3, 4] as const;

export function levelOf(score: number): (typeof LEVELS)[number] {
  return LEVELS[Math.max(0, Math.min(4, Math.round(score)))];
}

/** What the trainer is typing for one criterion, before it is saved. */
export interface DecisionDraft {
  score: number;
  reason: Reason | '';
  comment: string;
}

/** The draft a « Corriger » starts from: the last decision if there is one, else the AI's score. */
export function initialDraft(criterion: CriterionResult, score?: number): DecisionDraft {
  const d = criterion.decision;
  const reason =
    d && d.reason !== 'agree' && REASONS.includes(d.reason as Reason) ? (d.reason as Reason) : '';
  return { score: score ?? d?.score ?? criterion.score, reason, comment: d?.comment ?? '' };
}

/** The draft with another score: « D'accord » means the AI's score, so another score clears it. */
export function withScore(draft: DecisionDraft, score: number, aiScore: number): DecisionDraft {
  return { ...draft, score, reason: draft.reason === 'agree' && score !== aiScore ? '' : draft.reason };
}

/**
 * The rules the server applies, checked before sending (the server still has the last word): a reason
 * is required, « D'accord » keeps the AI's score, « Autre » needs a comment. Returns an i18n key.
 */
export function validateDecision(draft: DecisionDraft, aiScore: number): string | null {
  if (!draft.reason) return 'trainer.decision.errorReason';
  if (draft.reason === 'agree' && draft.score !== aiScore) return 'trainer.decision.errorAgreeScore';
  if (draft.reason === 'other' && !draft.comment.trim()) return 'trainer.decision.errorOtherComment';
  return null;
}

/** The request body for a valid draft. */
export function decisionInput(draft: DecisionDraft & { reason: Reason }): DecisionInput {
  const comment = draft.comment.trim();
  return { score: draft.score, reason: draft.reason, ...(comment ? { comment } : {}) };
}

/** The decision already recorded on a criterion: the trainer's score and reason beside the AI's. */
export function DecisionSummary({ criterion }: { criterion: CriterionResult }) {
  const { t, i18n } = useTranslation();
  const d = criterion.decision;
  if (!d) return null;
  const agreed = d.reason === 'agree' && d.score === criterion.score;
  return (
    <div className={`${styles.trainerDecision} ${agreed ? 'is-agreed' : 'is-changed'}`} data-part="decision">
      <p className={styles.trainerDecisionTitle}>
        <strong>{agreed ? t('trainer.decision.accepted') : t('trainer.decision.changed')}</strong>
        <ScorePill score={d.score} level={levelOf(d.score)} />
        <span>{reasonLabel(t, d.reason)}</span>
      </p>
      {d.comment && <p className={styles.trainerDecisionComment}>{d.comment}</p>}
      <p className="muted small">
        {t('trainer.decision.by', { by: d.by, date: formatDate(d.at, i18n.language) })}
      </p>
    </div>
  );
}

/**
 * Another score with a reason and a comment for one criterion. Controlled: the page holds the draft,
 * so that keyboard shortcuts (0–4, c) can fill it.
 */
export function DecisionForm({
  criterion,
  draft,
  onChange,
  onCancel,
  onSubmit,
  pending = false,
  error,
  descriptors,
}: {
  criterion: CriterionResult;
  /** What each score means for this criterion (the review's rubric), shown on hover and focus. */
  descriptors?: RubricLevels['descriptors'];
  draft: DecisionDraft;
  onChange: (draft: DecisionDraft) => void;
  onCancel: () => void;
  onSubmit: (input: DecisionInput) => void;
  pending?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState<string | null>(null);
  const tip = useScoreTip();
  const id = `decision-${criterion.id}`;
  const ai = criterion.score;
  const commentRequired = draft.reason === 'other';

  function change(next: DecisionDraft) {
    setInvalid(null);
    onChange(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validateDecision(draft, ai);
    setInvalid(problem);
    if (problem || !draft.reason) return;
    onSubmit(decisionInput({ ...draft, reason: draft.reason }));
  }

  return (
    <form className={styles.decisionForm} onSubmit={submit} aria-labelledby={`${id}-legend`} noValidate>
      <p id={`${id}-legend`} className="visually-hidden">
        {t('trainer.decision.formLabel', { id: criterion.id })}
      </p>
      <fieldset className={styles.scoreChoice}>
        <legend className={styles.scoreChoiceLegend}>{t('trainer.decision.yourScore')}</legend>
        {/* Hovering the tooltip itself keeps it open (WCAG 1.4.13): it sits inside the hovered area. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: pointer hover only mirrors what keyboard focus on each radio already shows */}
        <div className={styles.scoreArea} onMouseLeave={() => tip.hover(null)}>
          <div className={styles.scoreOptions}>
            {SCORES.map((score) => (
              <label
                key={score}
                className={`${styles.scoreOption} level-${score}`}
                htmlFor={`${id}-score-${score}`}
                onMouseEnter={() => tip.hover(score)}
              >
                <input
                  type="radio"
                  id={`${id}-score-${score}`}
                  name={`${id}-score`}
                  value={score}
                  checked={draft.score === score}
                  onChange={() => change(withScore(draft, score, ai))}
                  onFocus={() => tip.focus(score)}
                  onBlur={() => tip.focus(null)}
                  aria-describedby={descriptors ? `${id}-tip-${score}` : undefined}
                />
                <span className={styles.scoreOptionValue}>{score}</span>
                <span className={styles.scoreOptionLevel}>{t(`levels.${levelOf(score)}`)}</span>
                {score === ai && <span className={styles.scoreOptionAi}>{t('trainer.decision.aiMark')}</span>}
              </label>
            ))}
          </div>
          {descriptors &&
            SCORES.map((score) => (
              <p
                key={score}
                id={`${id}-tip-${score}`}
                role="tooltip"
                className={styles.tooltip}
                hidden={tip.shown !== score}
              >
                <strong>
                  {score}/4 · {t(`levels.${levelOf(score)}`)}
                </strong>{' '}
                {descriptors[score]}
              </p>
            ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('trainer.decision.reason')}</label>
        <select
          id={`${id}-reason`}
          value={draft.reason}
          onChange={(e) => {
            const reason = e.target.value as Reason | '';
            change({ ...draft, reason, score: reason === 'agree' ? ai : draft.score });
          }}
          aria-invalid={
            invalid === 'trainer.decision.errorReason' || invalid === 'trainer.decision.errorAgreeScore'
          }
        >
          <option value="">{t('trainer.decision.chooseReason')}</option>
          {REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`trainer.reasons.${reason}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        as="textarea"
        id={`${id}-comment`}
        label={commentRequired ? t('trainer.decision.commentRequired') : t('trainer.decision.comment')}
        hint={t('trainer.decision.commentHint')}
        className="trainer-textarea"
        rows={3}
        maxLength={2000}
        value={draft.comment}
        required={commentRequired}
        aria-invalid={invalid === 'trainer.decision.errorOtherComment'}
        onValue={(comment) => change({ ...draft, comment })}
      />
      {invalid && (
        <p className="inline-error" role="alert">
          {t(invalid, { score: ai })}
        </p>
      )}
      {error !== undefined && error !== null && <InlineError error={error} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('trainer.decision.saving') : t('trainer.decision.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
          {t('trainer.decision.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Which score's descriptor is shown: the hovered one, else the focused one; Escape hides it until the
 * pointer or the focus moves to another score (WCAG 1.4.13: dismissable, hoverable, persistent).
 */
function useScoreTip() {
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const shown = dismissed ? null : (hovered ?? focused);
  useEffect(() => {
    if (shown === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
  return {
    shown,
    hover: (score: number | null) => {
      if (score !== null) setDismissed(false);
      setHovered(score);
    },
    focus: (score: number | null) => {
      if (score !== null) setDismissed(false);
      setFocused(score);
    },
  };
}
