import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './citations.module.css';
import coachingStyles from './coaching.module.css';
import { briefPath, type CoachCitation, criterionAnchor } from './queries';

/** Search string that opens the extracted-text panel at a page, with the quote highlighted when there is one. */
export function citationSearch(page: number, quote?: string) {
  return `?${new URLSearchParams(quote ? { page: String(page), quote } : { page: String(page) })}`;
}

/**
 * What a coach answer rests on: quotes of the draft (opening the extracted text at their page) and the
 * exam's criteria (opening the exam's brief at that criterion).
 */
export function CitationList({
  citations,
  examId,
  criterionTexts,
}: {
  citations: CoachCitation[];
  examId: string | undefined;
  criterionTexts: Map<string, string>;
}) {
  const { t } = useTranslation();
  if (citations.length === 0) return null;
  return (
    <div className={styles.coachCitations}>
      <p className={styles.coachCitationsTitle}>{t('coach.citationsTitle')}</p>
      <ul>
        {citations.map((c) => (
          <li
            key={`${c.page ?? ''}-${c.criterionId ?? ''}-${c.quote ?? ''}`}
            className={styles.coachCitation}
          >
            {c.criterionId && (
              <CriterionRef
                id={c.criterionId}
                examId={examId}
                text={criterionTexts.get(c.criterionId)}
                // Beside a quote the id is enough (its wording is in the link's label); alone, show it.
                showText={c.page === undefined}
              />
            )}
            {c.page !== undefined && (
              <Link className="evidence" to={{ search: citationSearch(c.page, c.quote) }} preventScrollReset>
                {c.quote ? (
                  <>
                    {/* The visible quote and page are the link's name, after a hidden verb (WCAG 2.5.3). */}
                    <span className="visually-hidden">{t('report.evidenceVerb')}</span> <q>{c.quote}</q>
                    <span className="page-ref">{t('report.page', { page: c.page })}</span>
                  </>
                ) : (
                  <span>{t('coach.openPage', { page: c.page })}</span>
                )}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A criterion id linking to it in the exam's brief, with its wording when known (shown with `showText`). */
export function CriterionRef({
  id,
  examId,
  text,
  showText = true,
}: {
  id: string;
  examId: string | undefined;
  text: string | undefined;
  showText?: boolean;
}) {
  const { t } = useTranslation();
  const label = text ? t('coach.criterionAria', { id, text }) : t('coach.criterionShortAria', { id });
  return (
    <span className={styles.coachCriterion}>
      {examId ? (
        <Link className="chip" to={briefPath(examId, criterionAnchor(id))} aria-label={label} title={text}>
          {id}
        </Link>
      ) : (
        <span className="chip">{id}</span>
      )}
      {showText && text && <span className={coachingStyles.coachCriterionText}>{text}</span>}
    </span>
  );
}
