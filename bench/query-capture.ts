import pg from 'pg';

export type QueryKind = 'session' | 'access' | 'data';

export interface CapturedQuery {
  text: string;
  values: unknown[] | undefined;
  kind: QueryKind;
  /** Epoch milliseconds with sub-millisecond precision, comparable with the load worker's clock. */
  start: number;
  end: number;
}

type QueryMethod = (this: pg.Client, ...args: unknown[]) => unknown;

// What every request runs before its action: the session (connect-pg-simple) and the access
// profile (src/access/access-profile.ts).
const ACCESS_QUERIES = [
  /FROM users u JOIN roles r ON r\.id = u\.role_id/,
  /WITH RECURSIVE subtree AS \(SELECT id FROM branches WHERE id = \$1/,
  /SELECT id FROM users WHERE team_id = \$1 OR id = \$2/,
  /FROM "role_permissions"/,
];

const now = (): number => performance.timeOrigin + performance.now();

/** Starts a statement the bench itself sends beside the app's (another session's commits): never recorded. */
export const NOT_THE_APPS = '/* the bench, not the app */';

/**
 * Records every statement any pg client of this process sends (Sequelize's pool, the session
 * store's pool) until the returned function is called, which restores pg and returns them. The app
 * runs in this process, so this sees exactly what a request costs the database.
 */
export function captureQueries(): () => CapturedQuery[] {
  const prototype = pg.Client.prototype as unknown as { query: QueryMethod };
  const original = prototype.query;
  const captured: CapturedQuery[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [{ text?: string; values?: unknown[]; submit?: unknown } | string | undefined, unknown];
    if (typeof config === 'object' && typeof config?.submit === 'function') return original.apply(this, args);
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    if (text.startsWith(NOT_THE_APPS)) return original.apply(this, args);
    const entry: CapturedQuery = {
      text,
      values: Array.isArray(values) ? values : typeof config === 'object' ? config?.values : undefined,
      kind: kindOf(text),
      start: now(),
      end: Number.NaN,
    };
    captured.push(entry);
    const finish = () => void (entry.end = now());
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...results: unknown[]) => void;
      args[callbackAt] = (...results: unknown[]) => {
        finish();
        callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown>;
    result.then(finish, finish);
    return result;
  };
  return () => {
    prototype.query = original;
    return captured;
  };
}

function kindOf(text: string): QueryKind {
  if (/\bsessions\b/.test(text)) return 'session';
  return ACCESS_QUERIES.some((pattern) => pattern.test(text)) ? 'access' : 'data';
}

/** How long at least one of these queries was running: overlapping (parallel) queries count once. */
export function busyTime(queries: CapturedQuery[]): number {
  const spans = queries.filter((query) => Number.isFinite(query.end)).map((query) => [query.start, query.end] as const).sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let coveredUntil = -Infinity;
  for (const [start, end] of spans) {
    if (end <= coveredUntil) continue;
    busy += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }
  return busy;
}
