import type pg from 'pg';
import { busyTime, captureQueries, type CapturedQuery, type QueryKind } from './query-capture.js';
import { latencies, type LoadClient } from './load-client.js';
import type { Login, Scenario, SqlStatement, WhatIf } from './scenarios.js';

export interface MeasureContext {
  origin: string;
  cookies: Record<Login, string | undefined>;
  load: LoadClient;
  /** One connection for the sequential raw SQL, a pool of the app's size for replayed parallel statements. */
  sqlClient: pg.Client;
  sqlPool: pg.Pool;
  warmUp: number;
  rounds: number;
  showSql: boolean;
  explain: boolean;
  log(message: string): void;
}

/** Where one request's time goes, medians over the profiled requests. */
export interface RequestProfile {
  queries: Record<QueryKind, number>;
  sessionAndAccessMs: number;
  dataMs: number;
  /** The request's time while no query of this process was running: express, AdminJS, our hooks, JSON. */
  outsideDbMs: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  app: number[];
  sql: number[];
  /** Requests per second over the sequential rounds. */
  sequentialRps: number;
  profile: RequestProfile;
  mismatch?: string;
}

export interface WhatIfResult {
  whatIf: WhatIf;
  current: number[];
  alternative: number[];
}

export interface ConcurrentResult {
  scenario: Scenario;
  connections: number;
  latencies: number[];
  rps: number;
  failures: number;
}

/**
 * One scenario: a check that the app and the raw SQL return the same rows, a warm-up, then rounds
 * that alternate a block of sequential requests with a block of raw SQL runs (so a noisy moment of
 * the machine falls on both), then a few requests with every query recorded.
 */
export async function measureScenario(scenario: Scenario, context: MeasureContext): Promise<ScenarioResult> {
  const url = context.origin + scenario.path;
  const cookie = context.cookies[scenario.login];
  const statements = scenario.sql === 'replay' ? await captureDataStatements(url, cookie, context) : scenario.sql;
  const mismatch = await checkAgainstSql(url, cookie, scenario, statements, context);
  if (context.explain && statements && scenario.sql !== 'replay') await explain(scenario, statements, context);

  const runSql = statements ? sqlRunner(statements, scenario.sql === 'replay', context) : undefined;
  const warmUp = Math.min(context.warmUp, Math.ceil(scenario.requests / 4));
  await sequential(context, url, cookie, warmUp);
  for (let i = 0; i < warmUp && runSql; i++) await runSql();

  const app: number[] = [];
  const sql: number[] = [];
  let elapsed = 0;
  const perRound = Math.max(1, Math.ceil(scenario.requests / context.rounds));
  for (let round = 0; round < context.rounds; round++) {
    const result = await sequential(context, url, cookie, perRound);
    app.push(...latencies(result));
    elapsed += result.elapsedMs;
    for (let i = 0; i < perRound && runSql; i++) sql.push(await runSql());
  }
  const profile = await profileRequests(url, cookie, scenario, Math.max(5, Math.round(scenario.requests / 4)), context);
  return { scenario, app, sql, sequentialRps: (app.length / elapsed) * 1000, profile, mismatch };
}

export async function measureConcurrent(scenario: Scenario, context: MeasureContext, connections: number, requests: number): Promise<ConcurrentResult> {
  const url = context.origin + scenario.path;
  const cookie = context.cookies[scenario.login];
  await context.load.run({ url, cookie, requests: connections * 2, connections });
  const result = await context.load.run({ url, cookie, requests, connections });
  return { scenario, connections, latencies: latencies(result), rps: (requests / result.elapsedMs) * 1000, failures: result.failures };
}

/** Both statements alternately on the same connection, `runs` times each. */
export async function measureWhatIf(whatIf: WhatIf, context: MeasureContext, runs: number): Promise<WhatIfResult> {
  const time = async (statement: SqlStatement) => {
    const started = performance.now();
    await context.sqlClient.query(statement.text, statement.values);
    return performance.now() - started;
  };
  if (whatIf.setup) await context.sqlClient.query(whatIf.setup);
  try {
    const result: WhatIfResult = { whatIf, current: [], alternative: [] };
    for (let i = 0; i < context.warmUp; i++) await time(whatIf.current).then(() => time(whatIf.alternative));
    for (let i = 0; i < runs; i++) {
      result.current.push(await time(whatIf.current));
      result.alternative.push(await time(whatIf.alternative));
    }
    return result;
  } finally {
    if (whatIf.undo) await context.sqlClient.query(whatIf.undo);
  }
}

async function sequential(context: MeasureContext, url: string, cookie: string | undefined, requests: number) {
  const result = await context.load.run({ url, cookie, requests, connections: 1 });
  if (result.failures > 0) throw new Error(`${url}: ${result.failures} of ${requests} requests failed (${result.firstFailure})`);
  return result;
}

function sqlRunner(statements: SqlStatement[], parallel: boolean, context: MeasureContext): () => Promise<number> {
  return async () => {
    const started = performance.now();
    if (parallel) await Promise.all(statements.map((statement) => context.sqlPool.query(statement.text, statement.values)));
    else for (const statement of statements) await context.sqlClient.query(statement.text, statement.values);
    return performance.now() - started;
  };
}

async function checkAgainstSql(
  url: string, cookie: string | undefined, scenario: Scenario, statements: SqlStatement[] | undefined, context: MeasureContext,
): Promise<string | undefined> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${scenario.name}: ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  if (!scenario.check || !statements) return undefined;
  const results: Array<Array<Record<string, unknown>>> = [];
  for (const statement of statements) results.push((await context.sqlClient.query(statement.text, statement.values)).rows);
  return scenario.check(JSON.parse(text) as unknown, results);
}

/** The statements one request sends apart from the session and the access profile, for 'replay'. */
async function captureDataStatements(url: string, cookie: string | undefined, context: MeasureContext): Promise<SqlStatement[]> {
  const stop = captureQueries();
  let captured: CapturedQuery[];
  try {
    await sequential(context, url, cookie, 1);
  } finally {
    captured = stop();
  }
  const data = captured.filter((query) => query.kind === 'data');
  const control = data.filter((query) => /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|START)\b/i.test(query.text));
  if (control.length > 0) context.log(`  note: the replay leaves out ${control.length} connection-setup or transaction statements (SET, BEGIN…)`);
  return data.filter((query) => !control.includes(query)).map(({ text, values }) => ({ text, values }));
}

async function profileRequests(
  url: string, cookie: string | undefined, scenario: Scenario, requests: number, context: MeasureContext,
): Promise<RequestProfile> {
  const stop = captureQueries();
  let spans: Array<[number, number]>;
  let queries: CapturedQuery[];
  try {
    spans = (await sequential(context, url, cookie, requests)).spans;
  } finally {
    queries = stop();
  }
  const perRequest = spans.map(([start, end]) => ({ latency: end - start, queries: queries.filter((query) => query.start >= start && query.start <= end) }));
  if (context.showSql) printStatements(scenario, perRequest[perRequest.length - 1]?.queries ?? [], context);
  const count = (kind: QueryKind) => medianOf(perRequest.map((request) => request.queries.filter((query) => query.kind === kind).length));
  return {
    queries: { session: count('session'), access: count('access'), data: count('data') },
    sessionAndAccessMs: medianOf(perRequest.map((request) => busyTime(request.queries.filter((query) => query.kind !== 'data')))),
    dataMs: medianOf(perRequest.map((request) => busyTime(request.queries.filter((query) => query.kind === 'data')))),
    outsideDbMs: medianOf(perRequest.map((request) => request.latency - busyTime(request.queries))),
  };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)];
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
    const { rows } = await context.sqlClient.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.text}`, statement.values);
    for (const row of rows) context.log(`    ${row['QUERY PLAN']}`);
  }
}
