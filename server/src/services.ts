import type { Database } from '../../db/client';
import { createAdminService } from './features/accounts/admin-service';
import { createAuth } from './features/accounts/auth';
import { createAccountService } from './features/accounts/service';
import { createSsoService } from './features/accounts/sso';
import { createRubricVersionService } from './features/calibration/rubric-versions';
import { createCalibrationService } from './features/calibration/service';
import { createCoachingService } from './features/coaching/service';
import { createCommentService } from './features/comments/index';
import { createDossierService } from './features/dossiers/service';
import { createNotificationService } from './features/notifications/service';
import { createOverviewService } from './features/overview';
import { createModelGrader, createOfflineGrader } from './features/reviews/grader';
import { createRetriever, type RetrievalOptions } from './features/reviews/retrieval';
import { createReviewService } from './features/reviews/service';
import { createTrainerService } from './features/trainer/service';
import type { Config } from './lib/env';
import { createUsageLedger } from './lib/ledger';
import { createChatModel, createEmbedder } from './lib/llm/index';
import type { ChatModel, Embedder } from './lib/llm/types';
import type { Logger } from './lib/logger';
import { createMailer, type Mailer } from './lib/mail';
import { createProgressBus } from './lib/progress-bus';

export interface ServiceOverrides {
  chat?: ChatModel | null;
  embedder?: Embedder;
  /** Retrieval budget (tests lower the whole-dossier threshold to exercise passage search). */
  retrieval?: RetrievalOptions;
  /** Where requested reviews go: the job queue in the server, a direct run in the CLI and tests. */
  enqueue?: (reviewId: string) => Promise<void>;
  /** The session cache's clock (tests move it by hand). */
  clock?: { now(): number };
  /** Where e-mails go; default: SMTP when configured, else the log. */
  mailer?: Mailer;
}

/**
 * The composition root: builds every service from the config, with the real collaborators unless a
 * test or tool passes its own (a chat model against the stub server, an inline enqueue…).
 */
export function createServices(
  config: Config,
  database: Database,
  logger: Logger,
  overrides: ServiceOverrides = {},
) {
  // The model seam logs kinds, counts and path changes (never content) through the app's logger.
  const chat = overrides.chat === undefined ? createChatModel(config, { logger }) : overrides.chat;
  const embedder = overrides.embedder ?? createEmbedder(config, { logger });
  const offlineGrader = createOfflineGrader();
  const grader = chat ? createModelGrader(chat, { redactPii: config.redactPii }) : offlineGrader;
  const dossiers = createDossierService({
    database,
    embedder,
    logger,
    maxUploadBytes: config.maxUploadBytes,
    parseTimeoutMs: config.parseTimeoutMs,
    redactPii: config.redactPii,
  });
  let enqueue = overrides.enqueue ?? (async () => {});
  const retriever = createRetriever(database, embedder, overrides.retrieval);
  const rubrics = createRubricVersionService({ database });
  const progress = createProgressBus(database, logger);
  const mailer = overrides.mailer ?? createMailer(config.mail, logger);
  const notifications = createNotificationService({ database, mailer, publicUrl: config.auth.publicUrl });
  const reviews = createReviewService({
    database,
    retriever,
    grader,
    offlineGrader,
    logger,
    concurrency: config.llm.concurrency,
    enqueue: (id) => enqueue(id),
    redactPii: config.redactPii,
    rubrics: rubrics.source,
    embedMissing: (versionId) => dossiers.embedMissing(versionId),
    onProgress: (id) => changed(id),
    onFinished: (id, status) => notifications.reviewFinished(id, status),
  });
  const coaching = createCoachingService({
    database,
    retriever,
    chat,
    reviews,
    redactPii: config.redactPii,
    logger,
  });
  const auth = createAuth(config, database, logger, mailer);
  const accounts = createAccountService({
    database,
    auth,
    logger,
    sessionCacheMs: config.sessionCacheMs,
    onReviewChanged: (id) => changed(id),
    ...(overrides.clock ? { clock: overrides.clock } : {}),
  });
  const admin = createAdminService({
    database,
    mailer,
    publicUrl: config.auth.publicUrl,
    logger,
    assertOpenCohorts: accounts.assertOpenCohorts,
  });
  const trainer = createTrainerService({
    database,
    onChanged: (id) => changed(id),
    onChecked: (reviewId, by) => notifications.feedbackReturned(reviewId, by),
  });
  /**
   * A review changed: this process forgets its cached access and version at once (a trainer's next read
   * shows the decision), and the bus tells the others (and the progress streams).
   */
  function changed(reviewId: string) {
    accounts.reviewAccess.invalidate(reviewId);
    progress.publish(reviewId);
  }
  const calibration = createCalibrationService({
    database,
    reviews,
    rubrics,
    humanScores: (organizationId, examId) => trainer.humanScores(organizationId, examId),
    grader: { provider: grader.provider, model: grader.model },
  });
  const sso = createSsoService({
    database,
    publicUrl: config.auth.publicUrl,
    privateIssuers: config.auth.ssoPrivateIssuers,
    secret: auth.options.secret as string,
  });
  return {
    auth,
    accounts,
    /** The admin console's invitations, roster import, deactivation and promotions. */
    admin,
    /** Organisations' OpenID Connect single sign-on settings. */
    sso,
    /** The staff's list of candidates' dossiers. */
    overview: createOverviewService({ database }),
    /** Trainers' comments on passages and their comment banks. */
    comments: createCommentService({ database }),
    /** The append-only usage ledger behind the per-user limits and the sign-in backoff. */
    ledger: createUsageLedger(database),
    trainer,
    rubrics,
    calibration,
    dossiers,
    reviews,
    coaching,
    notifications,
    mailer,
    grader,
    /** The configured chat model (null: offline analyzer), for the model-server check. */
    chat,
    embedder,
    /** Review progress notices (LISTEN/NOTIFY on PostgreSQL): what wakes the progress streams. */
    progress,
    /** Late binding: the job queue needs the services, the services need the queue. */
    setEnqueue(fn: (reviewId: string) => Promise<void>) {
      enqueue = fn;
    },
  };
}

export type Services = ReturnType<typeof createServices>;
