import type { ConcurrentResult, ScenarioResult, WhatIfResult } from './measure.js';
import type { TableSize } from './bench-database.js';
import { median, ms, p95, ratio, table } from './stats.js';

export function dataSizeTable(sizes: TableSize[]): string {
  return table(
    ['table', 'rows', 'MB'],
    sizes.map(({ table: name, rows, megabytes }) => [name, Number.isNaN(rows) ? '' : rows.toLocaleString('en-US'), megabytes.toFixed(1)]),
  );
}

/**
 * Per scenario: the app's latency against the raw SQL's, and where a request's time goes (the
 * medians of a few profiled requests): queries sent for the session, the access profile and the
 * data; the time the database was busy with them; the time outside the database.
 */
export function latencyTable(results: ScenarioResult[]): string {
  return table(
    ['scenario', 'n', 'app p50', 'app p95', 'sql p50', 'sql p95', 'app/sql', 'queries s+a+d', 'db s+a', 'db data', 'outside db'],
    results.map(({ scenario, app, sql, profile }) => [
      scenario.name + (scenario.sql === 'replay' ? ' *' : ''),
      String(app.length),
      ms(median(app)),
      ms(p95(app)),
      ms(median(sql)),
      ms(p95(sql)),
      ratio(median(app) / median(sql)),
      `${profile.queries.session}+${profile.queries.access}+${profile.queries.data}`,
      ms(profile.sessionAndAccessMs),
      ms(profile.dataMs),
      ms(profile.outsideDbMs),
    ]),
  );
}

export function concurrencyTable(results: ConcurrentResult[], sequential: ScenarioResult[]): string {
  return table(
    ['scenario', 'conns', 'requests', 'req/s', 'p50', 'p95', 'req/s 1 conn', 'gain'],
    results.map((result) => {
      const alone = sequential.find((entry) => entry.scenario === result.scenario)?.sequentialRps ?? Number.NaN;
      return [
        result.scenario.name,
        String(result.connections),
        String(result.latencies.length) + (result.failures ? ` (${result.failures} failed)` : ''),
        result.rps.toFixed(0),
        ms(median(result.latencies)),
        ms(p95(result.latencies)),
        alone.toFixed(0),
        ratio(result.rps / alone),
      ];
    }),
  );
}

export function whatIfTable(results: WhatIfResult[]): string {
  return table(
    ['raw SQL: as the app sends it → alternative', 'n', 'now p50', 'alt p50', 'speed-up'],
    results.map(({ whatIf, current, alternative }) => [
      whatIf.name,
      String(current.length),
      ms(median(current)),
      ms(median(alternative)),
      ratio(median(current) / median(alternative)),
    ]),
  );
}
