/**
 * The trainer feature's front door: the queue and cohort views (`/api/trainer`) and the decisions and
 * checks on a review (`/api/reviews/:id/…`).
 */
export { reviewDecisionRoutes, trainerRoutes } from './routes';
