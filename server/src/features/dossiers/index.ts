/** The dossiers feature's front door: uploads, versions, their text and file, mounted at `/api/dossiers`. */
export { dossierRoutes } from './routes';
