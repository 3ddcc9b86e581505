import { QueryTypes } from 'sequelize';
import { User } from '../../models/index.js';

export interface LoginLimits {
  /** Failed logins from one address before it is refused for `lockMinutes`. */
  addressFailures: number;
  /** Failed logins on one account (the e-mail typed, known or not) before it is locked for `lockMinutes`. */
  accountFailures: number;
  /** The lock, and the window failures are counted in. */
  lockMinutes: number;
}

/** Why a login is refused before its password is even checked. */
export type LoginBlock = 'address' | 'account';

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export async function loginBlockFor(email: string, address: string): Promise<LoginBlock | null> {
  const locked = await sql<{ key: string }>('SELECT key FROM login_throttle WHERE key = ANY($1) AND locked_until > now()', [[accountKey(email), addressKey(address)]]);
  if (locked.some((row) => row.key.startsWith('address:'))) return 'address';
  return locked.length > 0 ? 'account' : null;
}

/**
 * Counts one failure against the account and the address, each in one statement (so concurrent
 * failures on several instances all count), locking whichever reached its limit; failures older
 * than the window start a new count. Rows nobody failed on for a day are dropped on the way.
 */
export async function recordLoginFailure(email: string, address: string, limits: LoginLimits): Promise<void> {
  await countFailure(accountKey(email), limits.accountFailures, limits.lockMinutes);
  await countFailure(addressKey(address), limits.addressFailures, limits.lockMinutes);
  await sql(`DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`);
}

/** A successful login forgets the account's failures (not the address's: one right guess excuses no others). */
export async function forgetAccountFailures(email: string): Promise<void> {
  await sql('DELETE FROM login_throttle WHERE key = $1', [accountKey(email)]);
}

/** An administrator lifts an account's lock; returns whether it was locked. */
export async function unlockAccount(email: string): Promise<boolean> {
  const removed = await sql<{ locked: boolean }>('DELETE FROM login_throttle WHERE key = $1 RETURNING locked_until > now() AS locked', [accountKey(email)]);
  return removed.some((row) => row.locked);
}

export async function isAccountLocked(email: string): Promise<boolean> {
  const rows = await sql('SELECT 1 FROM login_throttle WHERE key = $1 AND locked_until > now()', [accountKey(email)]);
  return rows.length > 0;
}

async function countFailure(key: string, limit: number, lockMinutes: number): Promise<void> {
  // $3 minutes is both the window failures are counted in and the length of the lock.
  await sql(
    `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
     VALUES ($1, 1, now(), CASE WHEN 1 >= $2::int THEN now() + make_interval(mins => $3::int) END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $3::int) THEN 1 ELSE t.failures + 1 END,
       window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $3::int) THEN now() ELSE t.window_started_at END,
       locked_until = CASE
         WHEN (CASE WHEN t.window_started_at < now() - make_interval(mins => $3::int) THEN 1 ELSE t.failures + 1 END) >= $2::int
         THEN now() + make_interval(mins => $3::int)
         ELSE t.locked_until END`,
    [key, limit, lockMinutes],
  );
}

function sql<T extends object>(query: string, bind: unknown[] = []): Promise<T[]> {
  return User.sequelize!.query<T>(query, { bind, type: QueryTypes.SELECT });
}
