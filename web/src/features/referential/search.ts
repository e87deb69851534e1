import type { Bloc, Competency, Exam, Referential } from '../../lib/api';
import { fold } from '../../lib/text';

export interface CompetencyHit {
  competency: Competency;
  activity: Bloc['activities'][number];
  bloc: Bloc;
}

export interface SearchResults {
  competencies: CompetencyHit[];
  exams: Exam[];
  deliverables: { exam: Exam; deliverable: Exam['deliverables'][number] }[];
  criteria: { exam: Exam; criterion: Exam['criteria'][number] }[];
  total: number;
}

/**
 * Searches competencies, exams, deliverables and criteria for `query`, ignoring case and accents
 * (« negociation » finds « Négociation »). Every word of the query must appear.
 */
export function searchReferential(referential: Referential, exams: Exam[], query: string): SearchResults {
  const words = fold(query).split(' ').filter(Boolean);
  const matches = (...texts: string[]) => {
    const haystack = fold(texts.join(' '));
    return words.every((w) => haystack.includes(w));
  };
  const competencies = referential.blocs.flatMap((bloc) =>
    bloc.activities.flatMap((activity) =>
      activity.competencies
        .filter((c) => matches(c.id, c.code, c.text))
        .map((competency) => ({ competency, activity, bloc })),
    ),
  );
  const matchingExams = exams.filter((e) => matches(e.id, e.bloc, e.case, e.context));
  const deliverables = exams.flatMap((exam) =>
    exam.deliverables.filter((d) => matches(d.text)).map((deliverable) => ({ exam, deliverable })),
  );
  const criteria = exams.flatMap((exam) =>
    exam.criteria.filter((c) => matches(c.text)).map((criterion) => ({ exam, criterion })),
  );
  return {
    competencies,
    exams: matchingExams,
    deliverables,
    criteria,
    total: competencies.length + matchingExams.length + deliverables.length + criteria.length,
  };
}
