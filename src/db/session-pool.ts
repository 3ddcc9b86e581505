import pg from 'pg';

/**
 * The pool the session store reads and writes through. A database restart closes its idle
 * connections, which pg reports as an 'error' event on the pool: without a listener that event
 * would stop the whole app. The pool drops the broken connection and opens a new one when asked.
 */
export function createSessionPool(databaseUrl: string, log: (message: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => log(`Session store: a database connection was lost (${error.message}); it is reopened when needed`));
  return pool;
}
