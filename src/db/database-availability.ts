import pg from 'pg';

/**
 * SQLSTATEs of a server that is shutting down, restarting, recovering or full of connections, and
 * of a connection that broke: the request can be tried again shortly, it did nothing wrong.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_NAMES = /^Sequelize(Connection\w*|HostNotFound|HostNotReachable|InvalidConnection|AccessDenied)Error$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect/i;

/** Whether an error means "the database is not answering" rather than "this request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    const { name, code, message } = current as { name?: string; code?: string; message?: string };
    if (name && UNAVAILABLE_NAMES.test(name)) return true;
    if (code && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_CODES.has(code))) return true;
    if (message && UNAVAILABLE_MESSAGES.test(message)) return true;
    const next = current as { parent?: unknown; original?: unknown; cause?: unknown };
    current = next.parent ?? next.original ?? next.cause;
  }
  return false;
}

export type DatabaseState = { state: 'up'; serverVersion: string } | { state: 'down'; reason: string };

/**
 * Asks the database itself, on a connection of its own: the answer does not wait behind a busy
 * pool, and says whether a new connection can be made now, which is what a restart breaks.
 */
export async function probeDatabase(databaseUrl: string, timeoutMs = 3000): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    return { state: 'up', serverVersion: rows[0].version };
  } catch (error) {
    return { state: 'down', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
