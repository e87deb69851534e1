import { useTranslation } from 'react-i18next';
import type { Exam } from '../../lib/api';
import { CompetencyChips } from './competency-chip';

/** What the dossier must present, numbered with the referential's ids. */
export function DeliverableList({ exam, className = 'item-list' }: { exam: Exam; className?: string }) {
  return (
    <ol className={className}>
      {exam.deliverables.map((d) => (
        <li key={d.id}>
          <span className="item-id">{d.id}</span>
          <span>{d.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** What the jury checks, each criterion with the competencies it assesses. */
export function CriterionList({ exam, className = 'item-list' }: { exam: Exam; className?: string }) {
  const { t } = useTranslation();
  return (
    <ol className={className}>
      {exam.criteria.map((c) => (
        <li key={c.id}>
          <span className="item-id">{c.id}</span>
          <span>
            {c.text}
            <CompetencyChips ids={c.competencies} label={t('exam.criterionCompetencies')} />
          </span>
        </li>
      ))}
    </ol>
  );
}
