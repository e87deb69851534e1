/**
 * The referential feature's front door: the active certification's data and lookups, its types and the
 * `/api/referential` and `/api/exams` routes.
 */
export {
  type CompetencyEntry,
  competencyIndex,
  examForCompetency,
  getCompetency,
  getExam,
  listExams,
  referential,
} from './lookups';
export { examRoutes, referentialRoutes } from './routes';
export { ExamIdParamSchema } from './schemas';
export type * from './types';
