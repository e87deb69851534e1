import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { Database } from '../../../db/client';
import type { Logger } from './logger';

/** The PostgreSQL channel review progress is announced on (payload: the review id). */
export const PROGRESS_CHANNEL = 'prejury_review_progress';

/**
 * "Review X moved": workers publish when a review or one of its criteria changes state, progress
 * streams subscribe, and read the database only then (instead of each stream polling). On PostgreSQL it
 * is LISTEN/NOTIFY, so a worker in one process wakes the streams of every API process; on the embedded
 * database (one process) an in-process emitter.
 */
export interface ProgressBus {
  /** Announces a change of the review (fire and forget: a lost notice only delays a stream's re-check). */
  publish(reviewId: string): void;
  /**
   * Calls `onChange` after each change of the review; resolves, once notices are being received, to
   * the unsubscribe function (read the state after this, so no change falls between read and listen).
   */
  subscribe(reviewId: string, onChange: () => void): Promise<() => void>;
  /** Calls `onChange(reviewId)` after each change of any review (caches that must forget it). */
  subscribeAll(onChange: (reviewId: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** The local event every notice is also emitted under (review ids are uuids: no clash). */
const ANY = Symbol('any review');

export function createProgressBus(database: Database, logger: Logger): ProgressBus {
  const local = new EventEmitter();
  local.setMaxListeners(0); // one listener per open stream
  const pool = database.pool;
  if (!pool) {
    return {
      publish(reviewId) {
        local.emit(reviewId);
        local.emit(ANY, reviewId);
      },
      async subscribe(reviewId, onChange) {
        local.on(reviewId, onChange);
        return () => local.off(reviewId, onChange);
      },
      async subscribeAll(onChange) {
        local.on(ANY, onChange);
        return () => local.off(ANY, onChange);
      },
      close: async () => {
        local.removeAllListeners();
      },
    };
  }

  // One connection per process LISTENs, taken on the first subscription: worker-only processes never do.
  let listener: Promise<pg.PoolClient> | null = null;
  let closed = false;
  let releaseListener: ((err?: Error) => void) | null = null;
  const listen = (): Promise<pg.PoolClient> => {
    listener ??= (async () => {
      const client = await pool.connect();
      let released = false;
      const onNotification = (msg: pg.Notification) => {
        if (msg.channel === PROGRESS_CHANNEL && msg.payload) {
          local.emit(msg.payload);
          local.emit(ANY, msg.payload);
        }
      };
      const onError = (err: Error) => {
        // Connection lost: drop it and listen again; streams re-check on their own meanwhile.
        if (released) return;
        logger.warn({ err }, 'progress listener lost its connection');
        release(err);
        listener = null;
        if (!closed && local.eventNames().length > 0) setTimeout(() => void listen().catch(() => {}), 1_000);
      };
      // Once back in the pool the client is the pool's: our handlers go, and it is released only once
      // (an error on a client already returned, e.g. when the server shuts down, must not release it again).
      const release = (err?: Error) => {
        if (released) return;
        released = true;
        client.off('notification', onNotification);
        client.off('error', onError);
        client.release(err);
      };
      client.on('notification', onNotification);
      client.on('error', onError);
      releaseListener = release;
      try {
        await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
      } catch (err) {
        release(err as Error);
        throw err;
      }
      return client;
    })().catch((err: unknown) => {
      listener = null;
      logger.warn({ err }, 'progress listener could not start');
      throw err;
    });
    return listener;
  };

  return {
    publish(reviewId) {
      pool
        .query('select pg_notify($1, $2)', [PROGRESS_CHANNEL, reviewId])
        .catch((err: unknown) => logger.warn({ err }, 'progress notification failed'));
    },
    async subscribe(reviewId, onChange) {
      // Without a listener the stream still works: it re-checks on its own timer.
      await listen().catch(() => {});
      local.on(reviewId, onChange);
      return () => local.off(reviewId, onChange);
    },
    async subscribeAll(onChange) {
      await listen().catch(() => {});
      local.on(ANY, onChange);
      return () => local.off(ANY, onChange);
    },
    async close() {
      closed = true;
      local.removeAllListeners();
      const client = await listener?.catch(() => null);
      listener = null;
      if (client) {
        await client.query(`UNLISTEN ${PROGRESS_CHANNEL}`).catch(() => {});
        releaseListener?.();
      }
    },
  };
}
