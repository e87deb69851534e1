/**
 * The active certification referential and small, pure lookups over it. Everything else in Préjury reads the
 * referential through this feature's `index.ts`: another certification needs only another data file.
 */
import { managerDeveloppementCommercial } from './data/manager-developpement-commercial';
import type { Activity, Bloc, Competency, CompetencyId, Exam, Referential } from './types';

/** The active referential: « Manager du développement commercial ». */
export const referential: Referential = managerDeveloppementCommercial;

/** A competency with the activity and bloc it belongs to. */
export interface CompetencyEntry {
  competency: Competency;
  activity: Activity;
  bloc: Bloc;
}

/** Every competency of the referential by id (`C1` … `C70`), in the referential's order. */
export const competencyIndex: ReadonlyMap<CompetencyId, CompetencyEntry> = new Map(
  referential.blocs.flatMap((bloc) =>
    bloc.activities.flatMap((activity) =>
      activity.competencies.map((competency): [CompetencyId, CompetencyEntry] => [
        competency.id,
        { competency, activity, bloc },
      ]),
    ),
  ),
);

const examsById: ReadonlyMap<string, Exam> = new Map(referential.exams.map((exam) => [exam.id, exam]));

const examsByCompetency: ReadonlyMap<CompetencyId, Exam> = new Map(
  referential.exams.flatMap((exam) => exam.competencies.map((id): [CompetencyId, Exam] => [id, exam])),
);

/** The exams (études de cas) in the referential's order. */
export function listExams(): readonly Exam[] {
  return referential.exams;
}

/** The exam with this stable id (e.g. `b1-audit-rse`), or undefined. */
export function getExam(id: string): Exam | undefined {
  return examsById.get(id);
}

/** The competency with this short id (e.g. `C24`), or undefined. */
export function getCompetency(id: string): Competency | undefined {
  return competencyIndex.get(id as CompetencyId)?.competency;
}

/** The exam that assesses this competency (each competency belongs to exactly one exam), or undefined. */
export function examForCompetency(id: string): Exam | undefined {
  return examsByCompetency.get(id as CompetencyId);
}
