import session, { type SessionData, type Store } from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';

/**
 * Sessions in PostgreSQL (connect-pg-simple), read together with the access version (migration
 * 0010) in one statement, so the access check of a request costs no query of its own while nothing
 * changed. The store never "touches" a session: the session itself is written back at most once a
 * minute (session-lifetime.ts), not on every request.
 */
export function createSessionStore(pool: pg.Pool, pruneSessions: boolean): Store & { close(): void } {
  const PgStore = connectPgSimple(session);
  class AccessVersionStore extends PgStore {
    override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
      pool
        .query<{ sess: SessionData | null; version: string }>(
          `SELECT s.sess, v.version::text AS version
             FROM access_version v LEFT JOIN sessions s ON s.sid = $1 AND s.expire >= to_timestamp($2)`,
          [sid, Date.now() / 1000],
        )
        .then(({ rows: [row] }) => callback(null, row?.sess ? { ...row.sess, accessVersion: row.version } : null), callback);
    }
  }
  return new AccessVersionStore({
    pool,
    tableName: 'sessions',
    disableTouch: true,
    // Expired sessions are pruned by the long-running server only; tests stop without a timer left.
    pruneSessionInterval: pruneSessions ? 15 * 60 : false,
  });
}
