export { commentBankRoutes, commentRoutes, versionCommentRoutes } from './routes';
export type { PassageComment } from './schemas';
export { type CommentService, createCommentService } from './service';
