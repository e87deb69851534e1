import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { notifications } from '../../../../db/schema';
import type { Mailer } from '../../lib/mail';
import { getExam } from '../referential';
import type { NotificationList } from './schemas';

/** How many notices the list keeps in view (older ones stay in the table until their review goes). */
const LIST_LIMIT = 50;

interface Recipient {
  user_id: string;
  email: string;
  name: string;
  exam_id: string;
  version: number;
}

/**
 * What's new for each user — a review ready, a trainer's feedback — stored for the in-app badge and list,
 * and e-mailed through the mailer. One notice per (user, review, kind): a retried criterion does not
 * announce the same review twice.
 */
export function createNotificationService(deps: { database: Database; mailer: Mailer; publicUrl: string }) {
  const { database, mailer, publicUrl } = deps;
  const { db } = database;

  async function recipient(reviewId: string, who: 'requester' | 'owner'): Promise<Recipient | undefined> {
    const [row] = await database.query<Recipient>(
      `select u.id as user_id, u.email, u.name, r.exam_id, v.version
       from reviews r
       join dossier_versions v on v.id = r.version_id
       join dossiers d on d.id = v.dossier_id
       join users u on u.id = ${who === 'requester' ? 'r.requested_by' : 'd.owner_id'}
       where r.id = $1`,
      [reviewId],
    );
    return row;
  }

  /** Stores the notice unless the user already has it; true when it is new. */
  async function store(
    userId: string,
    kind: 'review_ready' | 'feedback_returned',
    reviewId: string,
    title: string,
  ) {
    const inserted = await database.query<{ id: string }>(
      `insert into notifications (user_id, kind, review_id, title)
       select $1, $2, $3, $4
       where not exists (select 1 from notifications where user_id = $1 and kind = $2 and review_id = $3)
       returning id`,
      [userId, kind, reviewId, title],
    );
    return inserted.length > 0;
  }

  const examName = (examId: string) => getExam(examId)?.case ?? examId;
  const link = (reviewId: string) => `${publicUrl}/revues/${reviewId}`;

  /** Stores the notice once (a repeat is ignored) and, the first time only, mails it with these lines. */
  async function notify(
    to: Recipient,
    kind: Parameters<typeof store>[1],
    reviewId: string,
    title: string,
    lines: string[],
  ) {
    if (!(await store(to.user_id, kind, reviewId, title))) return;
    await mailer.send({
      to: to.email,
      subject: title,
      text: [`Bonjour ${to.name},`, '', ...lines, '— Préjury'].join('\n'),
    });
  }

  return {
    /** A review finished: its requester is told (a failed one too: they need to retry). */
    async reviewFinished(reviewId: string, status: 'done' | 'failed') {
      const to = await recipient(reviewId, 'requester');
      if (!to) return;
      const exam = examName(to.exam_id);
      const title =
        status === 'done'
          ? `Votre rapport d'écarts est prêt : ${exam}, version ${to.version}`
          : `L'analyse de votre dossier n'a pas pu aboutir : ${exam}, version ${to.version}`;
      await notify(to, 'review_ready', reviewId, title, [
        status === 'done'
          ? `L'analyse de la version ${to.version} de votre dossier « ${exam} » est terminée.`
          : `L'analyse de la version ${to.version} de votre dossier « ${exam} » a échoué : relancez-la depuis Préjury.`,
        `Consultez-la ici : ${link(reviewId)}`,
        '',
        'Pré-évaluation formative : le jury décide.',
      ]);
    },

    /** A trainer checked a review: the candidate who owns the dossier is told. */
    async feedbackReturned(reviewId: string, trainerName: string) {
      const to = await recipient(reviewId, 'owner');
      if (!to) return;
      const exam = examName(to.exam_id);
      const title = `${trainerName} a relu votre rapport : ${exam}, version ${to.version}`;
      await notify(to, 'feedback_returned', reviewId, title, [
        `${trainerName} a relu l'analyse de la version ${to.version} de votre dossier « ${exam} ».`,
        `Ses décisions et son commentaire sont sur votre rapport : ${link(reviewId)}`,
        '',
      ]);
    },

    /** The user's latest notices, newest first, and how many are unread. */
    async list(userId: string): Promise<NotificationList> {
      const rows = await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt))
        .limit(LIST_LIMIT);
      const [{ unread }] = await db
        .select({ unread: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return {
        unread,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          reviewId: r.reviewId,
          title: r.title,
          read: r.readAt !== null,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** Marks the given notices (all when none given) as read; others' notices are never touched. */
    async markRead(userId: string, ids?: string[]) {
      const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(ids && ids.length > 0 ? and(mine, inArray(notifications.id, ids)) : mine);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
