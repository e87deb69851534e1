/** The doctor's front door: model-server checks, for `npm run doctor` and `/api/admin/model-check`. */
export { doctorRoutes } from './routes';
export { type DoctorDeps, runDoctor } from './service';
