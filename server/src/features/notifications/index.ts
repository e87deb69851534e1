/** The notifications feature's front door: the in-app list, mounted at `/api/notifications`. */
export { notificationRoutes } from './routes';
