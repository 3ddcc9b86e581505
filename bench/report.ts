import type { TableSize } from './bench-database.js';
import type { RequestProfile, Run, ScenarioResult, Side } from './measure.js';
import { ms, percentile, ratio, table } from './stats.js';

export function dataSizeTable(sizes: TableSize[]): string {
  return table(
    ['table', 'rows', 'MB'],
    sizes.map(({ table: name, rows, megabytes }) => [name, Number.isNaN(rows) ? '' : rows.toLocaleString('en-US'), megabytes.toFixed(1)]),
  );
}

const kilobytes = (bytes: number) => (bytes >= 10240 ? (bytes / 1024).toFixed(0) : (bytes / 1024).toFixed(1));

/**
 * One line per scenario and concurrency: the app's latency percentiles, throughput and answer
 * size, the statements one request sends (session + access profile + data), then the same SQL run
 * directly, and the app against it (p50 ratio; throughput as a share of the SQL's).
 */
export function resultsTable(results: ScenarioResult[]): string {
  const rows: string[][] = [];
  for (const { scenario, runs, profile } of results) {
    for (const run of runs) {
      const { app, sql } = run;
      rows.push([
        run.connections === 1 ? scenario.name : '',
        String(run.connections),
        String(app.latencies.length) + (run.failures ? ` (${run.failures} failed)` : ''),
        ms(percentile(app.latencies, 0.5)), ms(percentile(app.latencies, 0.95)), ms(percentile(app.latencies, 0.99)),
        app.rps.toFixed(0),
        kilobytes(run.bytes),
        `${profile.statements.session}+${profile.statements.access}+${profile.statements.data}`,
        sql ? ms(percentile(sql.latencies, 0.5)) : '—', sql ? ms(percentile(sql.latencies, 0.95)) : '—', sql ? ms(percentile(sql.latencies, 0.99)) : '—',
        sql ? sql.rps.toFixed(0) : '—',
        sql ? ratio(percentile(app.latencies, 0.5) / percentile(sql.latencies, 0.5)) : '—',
        sql ? `${((app.rps / sql.rps) * 100).toFixed(0)}%` : '—',
      ]);
    }
  }
  return table(
    ['scenario', 'conns', 'n', 'p50', 'p95', 'p99', 'req/s', 'KB', 'stmts s+a+d', 'sql p50', 'sql p95', 'sql p99', 'sql/s', 'p50 ×sql', 'req/s of sql'],
    rows,
  );
}

/** Where a request's time goes with one connection: database time for session and access, for data, and the rest. */
export function profileTable(results: ScenarioResult[]): string {
  return table(
    ['scenario', 'db session+access', 'db data', 'outside db'],
    results.map(({ scenario, profile }) => [scenario.name, ms(profile.sessionAndAccessMs), ms(profile.dataMs), ms(profile.outsideDbMs)]),
  );
}

export interface BenchRecord {
  commit: string;
  startedAt: string;
  machine: { cpus: number; loadBefore: number[]; loadAfterData: number[]; loadAtEnd: number[] };
  data: { customers: number; orders: number; tables: TableSize[] };
  options: Record<string, unknown>;
  scenarios: Array<{
    key: string;
    name: string;
    statements: RequestProfile['statements'];
    profile: Omit<RequestProfile, 'statements'>;
    mismatch?: string;
    runs: Array<{
      connections: number; bytes: number; failures: number; firstFailure?: string;
      app: SideFigures; sql?: SideFigures; p50VsSql?: number; throughputShareOfSql?: number;
    }>;
  }>;
  skipped: string[];
}

interface SideFigures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

const figures = (side: Side): SideFigures => ({
  n: side.latencies.length,
  p50: round(percentile(side.latencies, 0.5)),
  p95: round(percentile(side.latencies, 0.95)),
  p99: round(percentile(side.latencies, 0.99)),
  rps: round(side.rps),
});

const round = (value: number) => Math.round(value * 100) / 100;

export function scenarioRecords(results: ScenarioResult[]): BenchRecord['scenarios'] {
  return results.map(({ scenario, runs, profile, mismatch }) => ({
    key: scenario.key,
    name: scenario.name,
    statements: profile.statements,
    profile: { sessionAndAccessMs: round(profile.sessionAndAccessMs), dataMs: round(profile.dataMs), outsideDbMs: round(profile.outsideDbMs) },
    mismatch,
    runs: runs.map((run: Run) => ({
      connections: run.connections,
      bytes: run.bytes,
      failures: run.failures,
      firstFailure: run.firstFailure,
      app: figures(run.app),
      sql: run.sql && figures(run.sql),
      p50VsSql: run.sql && round(percentile(run.app.latencies, 0.5) / percentile(run.sql.latencies, 0.5)),
      throughputShareOfSql: run.sql && round(run.app.rps / run.sql.rps),
    })),
  }));
}
