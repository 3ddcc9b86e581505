import type pg from 'pg';
import { busyTime, captureQueries, NOT_THE_APPS, type CapturedQuery, type QueryKind } from './query-capture.js';
import { median } from './stats.js';
import { latencies, type HttpRequest, type LoadClient, type LoadResult } from './load-client.js';
import type { SessionHeaders } from './bench-session.js';
import type { Login, Scenario, SqlStatement } from './scenarios.js';

export interface MeasureContext {
  /** The app in this process: every one-caller run, and the statements counted. */
  origin: string;
  /** Every instance, this one first: the many-callers runs spread their connections over them. */
  origins: string[];
  headers: Record<Login, SessionHeaders>;
  load: LoadClient;
  /** The raw-SQL side: one connection per concurrent caller, as many as the app gets callers. */
  sqlPool: pg.Pool;
  /** Requests per scenario with one connection, and with `connections` at once. */
  requests: number;
  concurrentRequests: number;
  connections: number;
  showSql: boolean;
  explain: boolean;
  log(message: string): void;
}

/** Latencies of one side (the app, or the same SQL run directly) at one concurrency. */
export interface Side {
  latencies: number[];
  /** Requests (or SQL runs) per second over the whole block. */
  rps: number;
}

export interface Run {
  connections: number;
  app: Side;
  /** Requests that failed (an error status or a refusal notice); their time is in the latencies. */
  failures: number;
  firstFailure?: string;
  sql?: Side;
  /** Median bytes of an answer's body. */
  bytes: number;
}

/** Where one request's time goes, medians over the profiled requests. */
export interface RequestProfile {
  statements: Record<QueryKind, number>;
  sessionAndAccessMs: number;
  dataMs: number;
  /** The request's time while no query of this process was running: express, AdminJS, our hooks, JSON. */
  outsideDbMs: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  runs: Run[];
  profile: RequestProfile;
  mismatch?: string;
}

/** Hands out a scenario's requests: in a cycle, or each once when every request must reach a new row. */
class RequestCursor {
  private next = 0;
  constructor(private readonly scenario: Scenario) {}
  take(count: number): HttpRequest[] {
    const { requests, unique } = this.scenario;
    if (unique && this.next + count > requests.length) throw new Error(`${this.scenario.name}: only ${requests.length} rows prepared for ${this.next + count} requests`);
    const taken = Array.from({ length: count }, (_, i) => requests[(this.next + i) % requests.length]);
    this.next += count;
    return taken;
  }
}

/**
 * One scenario: a check that the app and the raw SQL return the same rows; a warm-up whose queries
 * are recorded (the replayed SQL is the app's own); rounds that alternate a block of sequential
 * requests with a block of raw SQL runs (so a noisy moment of the machine falls on both); a few
 * requests with every query recorded; then the same with many connections at once.
 */
export async function measureScenario(scenario: Scenario, context: MeasureContext): Promise<ScenarioResult> {
  if (!scenario.commitsMeanwhile) return measureAlone(scenario, context);
  const committer = new Committer(context.sqlPool);
  try {
    return await measureAlone(scenario, context);
  } finally {
    await committer.stop();
  }
}

/** How often the busy company's other session commits: far more often than a dashboard takes to compute. */
const COMMIT_EVERY_MS = 20;

/**
 * A session that commits, one after the other, until stopped. pg_current_xact_id() takes a
 * transaction number, so each run is a commit that changes the snapshot, and writes no row.
 */
class Committer {
  private running = true;
  private readonly done: Promise<void>;
  constructor(pool: pg.Pool) {
    this.done = (async () => {
      while (this.running) {
        await pool.query(`${NOT_THE_APPS} SELECT pg_current_xact_id()`);
        await new Promise((resolve) => setTimeout(resolve, COMMIT_EVERY_MS));
      }
    })();
  }
  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

async function measureAlone(scenario: Scenario, context: MeasureContext): Promise<ScenarioResult> {
  const cursor = new RequestCursor(scenario);
  const headers = context.headers[scenario.login];
  const one = scenario.heavy ? Math.max(5, Math.round(context.requests / 10)) : context.requests;
  const many = scenario.heavy ? context.connections : context.concurrentRequests;
  const warmUp = Math.min(10, Math.ceil(one / 4));

  const first = await fetchOne(context, cursor.take(1)[0], headers, scenario);
  const warmed = await captured(() => sequential(context, scenario, cursor.take(warmUp), headers));
  const replays = perRequest(warmed.result, warmed.queries).map((queries) => replayable(queries));
  if (replays.length === 0 || replays.every((set) => set.length === 0)) {
    if (scenario.sql === 'replay' || scenario.sql === 'replay-write') throw new Error(`${scenario.name}: no data statement to replay`);
  }
  const sqlRun = scenario.sql ? sqlRunner(scenario, Array.isArray(scenario.sql) ? [scenario.sql] : replays, context) : undefined;
  const mismatch = Array.isArray(scenario.sql) && scenario.check ? await compare(first, scenario, context) : undefined;
  if (context.explain && Array.isArray(scenario.sql)) await explain(scenario, scenario.sql, context);

  for (let i = 0; i < warmUp && sqlRun; i++) await sqlRun();
  const appAlone: number[] = [];
  const sqlAlone: number[] = [];
  const bytes: number[] = [];
  let appElapsed = 0;
  let sqlElapsed = 0;
  const rounds = 4;
  const perRound = Math.max(1, Math.ceil(one / rounds));
  for (let round = 0; round < rounds; round++) {
    const result = await sequential(context, scenario, cursor.take(perRound), headers);
    appAlone.push(...latencies(result));
    bytes.push(...result.bytes);
    appElapsed += result.elapsedMs;
    const started = performance.now();
    for (let i = 0; i < perRound && sqlRun; i++) sqlAlone.push(await timed(sqlRun));
    sqlElapsed += performance.now() - started;
  }
  const profile = await profileRequests(context, scenario, cursor.take(Math.max(5, Math.round(one / 4))), headers);
  const runs: Run[] = [
    {
      connections: 1,
      app: { latencies: appAlone, rps: (appAlone.length / appElapsed) * 1000 },
      sql: sqlRun ? { latencies: sqlAlone, rps: (sqlAlone.length / sqlElapsed) * 1000 } : undefined,
      bytes: median(bytes),
      failures: 0,
    },
  ];

  await concurrent(context, scenario, cursor.take(context.connections), headers);
  const loaded = await concurrent(context, scenario, cursor.take(many), headers);
  runs.push({
    connections: context.connections,
    app: { latencies: latencies(loaded), rps: (many / loaded.elapsedMs) * 1000 },
    sql: sqlRun ? await concurrentSql(context, sqlRun, many) : undefined,
    bytes: median(loaded.bytes),
    failures: loaded.failures,
    firstFailure: loaded.firstFailure,
  });
  return { scenario, runs, profile, mismatch };
}

async function fetchOne(context: MeasureContext, request: HttpRequest, headers: SessionHeaders, scenario: Scenario): Promise<unknown> {
  const response = await fetch(new URL(request.path, context.origin), {
    method: request.method,
    headers: { accept: 'application/json', ...headers },
    body: request.form ? new URLSearchParams(request.form) : undefined,
    redirect: 'manual',
  });
  const text = await response.text();
  const expected = scenario.expectStatus ?? 200;
  if (response.status !== expected) throw new Error(`${scenario.name}: ${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  return response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text;
}

async function compare(body: unknown, scenario: Scenario, context: MeasureContext): Promise<string | undefined> {
  const results: Array<Array<Record<string, unknown>>> = [];
  for (const statement of scenario.sql as SqlStatement[]) results.push((await context.sqlPool.query(statement.text, statement.values)).rows);
  return scenario.check!(body, results);
}

async function sequential(context: MeasureContext, scenario: Scenario, requests: HttpRequest[], headers: SessionHeaders): Promise<LoadResult> {
  return checked(scenario, await context.load.run({
    origins: [context.origin], requests, headers, count: requests.length, connections: 1, expectStatus: scenario.expectStatus ?? 200,
  }));
}

/** Many at once: failures are counted, not fatal, since failing under load is a result too. */
async function concurrent(context: MeasureContext, scenario: Scenario, requests: HttpRequest[], headers: SessionHeaders): Promise<LoadResult> {
  const result = await context.load.run({
    origins: context.origins, requests, headers, count: requests.length, connections: context.connections, expectStatus: scenario.expectStatus ?? 200,
  });
  if (result.failures > 0) context.log(`  ${scenario.name}: ${result.failures} of ${result.spans.length} failed with ${context.connections} at once (${result.firstFailure})`);
  return result;
}

function checked(scenario: Scenario, result: LoadResult): LoadResult {
  if (result.failures > 0) throw new Error(`${scenario.name}: ${result.failures} of ${result.spans.length} requests failed (${result.firstFailure})`);
  return result;
}

type SqlRun = () => Promise<void>;

/**
 * The raw-SQL side of a scenario. Replayed statements come from the warm-up's requests in turn, so
 * a write replayed at once on many connections does not queue on one row's lock.
 */
function sqlRunner(scenario: Scenario, sets: SqlStatement[][], context: MeasureContext): SqlRun {
  let next = 0;
  const nextSet = () => sets[next++ % sets.length];
  const pool = context.sqlPool;
  if (scenario.sql === 'replay') {
    // The dashboard's queries run in parallel, as the handler sends them, each on a connection of its own.
    return async () => void (await Promise.all(nextSet().map((statement) => pool.query(statement.text, statement.values))));
  }
  const inTransaction = scenario.sql === 'replay-write';
  return async () => {
    const statements = nextSet();
    const client = await pool.connect();
    try {
      if (inTransaction) await client.query('BEGIN');
      try {
        for (const statement of statements) await client.query(statement.text, statement.values);
      } finally {
        if (inTransaction) await client.query('ROLLBACK');
      }
    } finally {
      client.release();
    }
  };
}

async function timed(run: SqlRun): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function concurrentSql(context: MeasureContext, run: SqlRun, count: number): Promise<Side> {
  await Promise.all(Array.from({ length: context.connections }, run));
  const times: number[] = [];
  let issued = 0;
  const caller = async () => {
    while (issued < count) {
      issued++;
      times.push(await timed(run));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: context.connections }, caller));
  return { latencies: times, rps: (count / (performance.now() - started)) * 1000 };
}

async function captured<T>(work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const stop = captureQueries();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    stop();
    throw error;
  }
  return { result, queries: stop() };
}

function perRequest(result: LoadResult, queries: CapturedQuery[]): CapturedQuery[][] {
  return result.spans.map(([start, end]) => queries.filter((query) => query.start >= start && query.start <= end));
}

/** A request's data statements, without connection setup and transaction control (the replay adds its own). */
function replayable(queries: CapturedQuery[]): SqlStatement[] {
  return queries
    .filter((query) => query.kind === 'data' && !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|START)\b/i.test(query.text))
    .map(({ text, values }) => ({ text, values }));
}

async function profileRequests(context: MeasureContext, scenario: Scenario, requests: HttpRequest[], headers: SessionHeaders): Promise<RequestProfile> {
  const { result, queries } = await captured(() => sequential(context, scenario, requests, headers));
  const requestsQueries = perRequest(result, queries);
  const spans = result.spans;
  if (context.showSql) printStatements(scenario, requestsQueries.at(-1) ?? [], context);
  const count = (kind: QueryKind) => median(requestsQueries.map((each) => each.filter((query) => query.kind === kind).length));
  return {
    statements: { session: count('session'), access: count('access'), data: count('data') },
    sessionAndAccessMs: median(requestsQueries.map((each) => busyTime(each.filter((query) => query.kind !== 'data')))),
    dataMs: median(requestsQueries.map((each) => busyTime(each.filter((query) => query.kind === 'data')))),
    outsideDbMs: median(spans.map(([start, end], i) => end - start - busyTime(requestsQueries[i]))),
  };
}

function printStatements(scenario: Scenario, queries: CapturedQuery[], context: MeasureContext): void {
  context.log(`  SQL of one request, ${scenario.name}:`);
  for (const query of queries) {
    const text = query.text.replace(/\s+/g, ' ').trim();
    context.log(`    [${query.kind}] ${(query.end - query.start).toFixed(2)} ms  ${text.length > 220 ? `${text.slice(0, 220)}…` : text}`);
  }
}

async function explain(scenario: Scenario, statements: SqlStatement[], context: MeasureContext): Promise<void> {
  context.log(`  plans, ${scenario.name}:`);
  for (const statement of statements) {
    const { rows } = await context.sqlPool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.text}`, statement.values);
    for (const row of rows) context.log(`    ${row['QUERY PLAN']}`);
  }
}
