import { startBenchDatabase } from './bench-database.js';
import { median } from './stats.js';
import { createSequelize } from '../src/db/sequelize.js';
import { initModels } from '../src/models/index.js';
import { migrate } from '../src/db/migrator.js';
import { businessToday } from '../src/clock/business-clock.js';
import { parseDashboardFilters } from '../dashboards/dashboard-filters.js';
import type { DashboardScope } from '../dashboards/dashboard-scope.js';
import type { DashboardQuery } from '../dashboards/queries/dashboard-query.js';
import { kpisOf } from '../dashboards/queries/kpis.query.js';
import { monthlyRevenueOf, revenueByCategoryOf, revenueByRepOf, revenueByTeamOf, topCustomersOf } from '../dashboards/queries/sales.query.js';
import { churnByBranchOf, customerMixOf } from '../dashboards/queries/customers.query.js';
import { funnelOf } from '../dashboards/queries/opportunities.query.js';
import { ticketResolutionOf, ticketsByKindAndStatusOf } from '../dashboards/queries/tickets.query.js';
import { stockOf } from '../dashboards/queries/stock.query.js';
import { campaignConversionOf } from '../dashboards/queries/campaigns.query.js';
import { creditWatchOf, receivablesAgingOf } from '../dashboards/queries/credit.query.js';
import { targetProgressOf } from '../dashboards/queries/targets.query.js';
import { contractLiftingOf } from '../dashboards/queries/contract-lifting.query.js';
import { lifetimeValueOf } from '../dashboards/queries/lifetime-value.query.js';
import { stationVolumeOf } from '../dashboards/queries/fuel-stations.query.js';
import { shipmentLossesOf } from '../dashboards/queries/shipment-losses.query.js';

/**
 * `npx tsx bench/dashboard-timings.ts <data-dir of npm run bench> [runs]`: each figure of the
 * statistics page timed alone, one at a time (median of the runs after one warm-up), for the
 * default 12 months over all branches and for one branch, as the whole company sees it. Shows
 * where a dashboard request's time goes; the request itself is measured by `npm run bench`.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: npx tsx bench/dashboard-timings.ts <data-dir of npm run bench> [runs]');
const runs = Number(process.argv[3] ?? 5);
const database = await startBenchDatabase(() => undefined, dataDir);
const sequelize = createSequelize(database.url);
// Some figures ask the domain, whose functions reach the database through the models.
initModels(sequelize);
try {
  // The data set may have been generated at an earlier schema: time the figures as this commit reads them.
  await migrate(sequelize);
  const [{ orders }] = await sequelize.query<{ orders: number }>('SELECT count(*)::int AS orders FROM sales_orders', { type: 'SELECT' as never });
  const [{ branch }] = await sequelize.query<{ branch: number }>(
    'SELECT branch_id AS branch FROM sales_orders GROUP BY branch_id ORDER BY count(*) DESC LIMIT 1',
    { type: 'SELECT' as never },
  );
  const everything: DashboardScope = { kind: 'all', branchIds: null, rowCondition: () => null, allows: () => true, refused: [] };
  const today = businessToday();
  const figures: Array<[string, (query: DashboardQuery) => Promise<unknown>]> = [
    ['kpis', kpisOf], ['monthlyRevenue', monthlyRevenueOf], ['revenueByCategory', revenueByCategoryOf], ['topCustomers', topCustomersOf],
    ['revenueByRep', revenueByRepOf], ['revenueByTeam', revenueByTeamOf], ['targets', targetProgressOf], ['customerMix', customerMixOf],
    ['churnByBranch', churnByBranchOf], ['funnel', funnelOf], ['ticketsByKind', ticketsByKindAndStatusOf], ['ticketResolution', ticketResolutionOf],
    ['stock', stockOf], ['campaigns', campaignConversionOf], ['receivablesAging', receivablesAgingOf], ['creditWatch', creditWatchOf],
    ['contractLifting', contractLiftingOf], ['lifetimeValue', lifetimeValueOf], ['stations', stationVolumeOf], ['shipmentLosses', shipmentLossesOf],
  ];
  const lines: string[] = [];
  for (const [label, branchQuery] of [['12 months, all branches', {}], [`12 months, branch ${branch}`, { branch: String(branch) }]] as const) {
    const query: DashboardQuery = { sequelize, scope: everything, filters: parseDashboardFilters(branchQuery, today), today };
    let total = 0;
    lines.push(`${label}:`);
    for (const [name, figure] of figures) {
      await figure(query);
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await figure(query);
        times.push(performance.now() - started);
      }
      total += median(times);
      lines.push(`  ${name.padEnd(20)} ${median(times).toFixed(1).padStart(9)} ms`);
    }
    lines.push(`  ${'sum of medians'.padEnd(20)} ${total.toFixed(1).padStart(9)} ms`);
  }
  console.log(`${orders} orders, median of ${runs} runs per figure, one at a time:\n${lines.join('\n')}`);
} finally {
  await sequelize.close();
  await database.stop();
}
