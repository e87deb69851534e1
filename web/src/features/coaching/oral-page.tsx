import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { QueryState } from '../../components/query-state';
import { ScorePill } from '../../components/score';
import type { Exam } from '../../lib/api';
import { useDossier } from '../dossiers/queries';
import { useExam } from '../referential/queries';
import { fetchReview, reviewKeys } from '../reviews/queries';
import { CriterionRef } from './citations';
import styles from './oral-page.module.css';
import { PracticeTimerView } from './practice-timer';
import { type OralPrep, useOralPrep } from './queries';

/**
 * Oral preparation from a finished review: the jury's likely questions, weakest criteria first, each with what
 * a strong answer must contain, and a timed practice on the exam's oral length.
 */
export function OralPrepPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const oral = useOralPrep(id);
  const review = useQuery({ queryKey: reviewKeys.review(id), queryFn: () => fetchReview(id) });
  const dossier = useDossier(review.data?.dossierId);
  const exam = useExam(oral.data?.examId ?? review.data?.examId);
  useDocumentTitle(t('oral.title'));

  return (
    <div className="page oral-page">
      <Breadcrumb
        trail={[
          { to: '/dossiers', label: t('nav.dossiers') },
          ...(review.data
            ? [
                {
                  to: `/dossiers/${review.data.dossierId}`,
                  label: dossier.data?.title ?? t('dossier.title'),
                },
                { to: `/revues/${id}`, label: t('review.breadcrumb', { version: review.data.version }) },
              ]
            : []),
        ]}
        current={t('oral.title')}
      />
      <QueryState query={oral} back={{ to: `/revues/${id}`, label: t('oral.backToReport') }}>
        {(data) => <OralPrepView oral={data} exam={exam.data} />}
      </QueryState>
    </div>
  );
}

export function OralPrepView({ oral, exam }: { oral: OralPrep; exam: Exam | undefined }) {
  const { t } = useTranslation();
  // Answers stay hidden until asked for: the candidate answers first, then compares (self-testing).
  const [shown, setShown] = useState<ReadonlySet<number>>(() => new Set());
  const allShown = oral.questions.length > 0 && shown.size === oral.questions.length;
  const toggle = (index: number) =>
    setShown((open) => {
      const next = new Set(open);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const criterionTexts = new Map(exam?.criteria.map((c) => [c.id, c.text]) ?? []);
  const { practice } = oral;
  const duration = practice.perCandidate
    ? t('oral.durationPerCandidate', { count: practice.minutes })
    : practice.assumed
      ? t('oral.durationAssumed', { count: practice.minutes })
      : t('oral.durationReferential', { count: practice.minutes });

  return (
    <article aria-labelledby="oral-title">
      <header className="page-header">
        <p className="eyebrow">
          {exam ? `${t('referential.blocLabel', { id: exam.bloc })} · ${exam.case}` : oral.examId}
        </p>
        <h1 id="oral-title">{t('oral.title')}</h1>
        <p className="lead">{t('oral.lead')}</p>
      </header>

      {oral.notes.length > 0 && (
        <div className={`notice ${styles.oralNotes}`} role="note">
          <ul>
            {oral.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.oralLayout}>
        <section className={`card ${styles.oralPractice}`} aria-labelledby="oral-practice-heading">
          <h2 id="oral-practice-heading">{t('oral.practiceTitle')}</h2>
          <p className="muted">{duration}</p>
          <PracticeTimerView minutes={practice.minutes} split={practice.suggestedSplit} />
        </section>

        <section className={styles.oralQuestions} aria-labelledby="oral-questions-heading">
          <div className={styles.oralQuestionsHeader}>
            <h2 id="oral-questions-heading">{t('oral.questionsTitle')}</h2>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setShown(allShown ? new Set() : new Set(oral.questions.map((_, i) => i)))}
            >
              {allShown ? t('oral.hideAllAnswers') : t('oral.showAllAnswers')}
            </button>
          </div>
          <p className="section-intro">
            {t('oral.questionsIntro')} {t('oral.answersHiddenHint')}
          </p>
          <ol className={styles.oralQuestionList}>
            {oral.questions.map((q, i) => (
              <li key={`${q.criterionId}-${q.question}`} className="card oral-question">
                <div className={styles.oralQuestionMeta}>
                  <span className={styles.oralQuestionNumber}>
                    {t('oral.questionNumber', { number: i + 1 })}
                  </span>
                  <CriterionRef
                    id={q.criterionId}
                    examId={oral.examId}
                    text={criterionTexts.get(q.criterionId)}
                    showText={false}
                  />
                  {q.score !== null && q.level !== null ? (
                    <ScorePill score={q.score} level={q.level} />
                  ) : (
                    <span className="tag">{t('oral.notGraded')}</span>
                  )}
                </div>
                <h3 className={styles.oralQuestionTitle}>{q.question}</h3>
                <button
                  type="button"
                  className={`button button-secondary button-small ${styles.reveal}`}
                  aria-expanded={shown.has(i)}
                  aria-controls={`oral-answer-${i}`}
                  onClick={() => toggle(i)}
                >
                  {shown.has(i) ? t('oral.hideAnswer') : t('oral.showAnswer')}{' '}
                  <span className="visually-hidden">{t('oral.answerOf', { number: i + 1 })}</span>
                </button>
                {/* Rendered hidden rather than left out, so the button's aria-controls always names it. */}
                <div className={styles.oralStrong} id={`oral-answer-${i}`} hidden={!shown.has(i)}>
                  <h4>{t('oral.strongAnswer')}</h4>
                  <ul className="bullet-list bullet-list-do">
                    {q.strongAnswer.map((point) => (
                      <li key={point}>{point}</li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
