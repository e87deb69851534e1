/** The calibration feature's front door: the exam team's workspace, mounted at `/api/calibration`. */
export { calibrationRoutes } from './routes';
