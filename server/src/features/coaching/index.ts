/**
 * The coaching feature's front door: the exam brief (`/api/exams/:id/brief`), the coach on a draft
 * (`/api/dossiers/:id/versions/:v/coach`) and the oral preparation (`/api/reviews/:id/oral`).
 */
export { coachRoutes, examBriefRoutes, oralRoutes } from './routes';
