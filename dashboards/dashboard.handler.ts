import type { PageHandler } from 'adminjs';
import type { Response } from 'express';
import type { Sequelize } from 'sequelize';
import { User } from '../src/models/index.js';
import { staffOf } from '../src/access/authentication/staff-session.js';
import type { DashboardData, DashboardError } from './dashboard-data.js';
import { businessTimeZone, businessToday } from '../src/clock/business-clock.js';
import { churnThresholds } from '../src/domain/analysis/churn-thresholds.js';
import { SnapshotMemo } from '../src/db/snapshot-memo.js';
import { DashboardFilterError, parseDashboardFilters, type DashboardFilters, type FilterQuery } from './dashboard-filters.js';
import { dashboardScopeOf, SCOPED_TABLES, type DashboardSection } from './dashboard-scope.js';
import { filterProblemMessage } from './dashboard-labels.js';
import type { DashboardQuery } from './queries/dashboard-query.js';
import { kpisOf, nextTicketOverdueAt } from './queries/kpis.query.js';
import { monthlyRevenueOf, revenueByCategoryOf, revenueByRepOf, revenueByTeamOf, topCustomersOf } from './queries/sales.query.js';
import { churnByBranchOf, customerMixOf } from './queries/customers.query.js';
import { funnelOf } from './queries/opportunities.query.js';
import { ticketResolutionOf, ticketsByKindAndStatusOf } from './queries/tickets.query.js';
import { stockOf } from './queries/stock.query.js';
import { campaignConversionOf } from './queries/campaigns.query.js';
import { branchOptionsOf } from './queries/branches.query.js';
import { creditWatchOf, receivablesAgingOf } from './queries/credit.query.js';
import { targetProgressOf } from './queries/targets.query.js';
import { petroleumFiguresOf } from './queries/petroleum.query.js';
import { marginsVisibleTo } from './petroleum-access.js';
// Registers the page's React components before AdminJS bundles them.
import { DASHBOARD_COMPONENT } from './dashboard.components.js';

/**
 * GET /admin/api/dashboard?period=…&from=…&to=…&branch=…: every figure of the statistics page in
 * one answer, each computed by PostgreSQL (GROUP BY) over the rows the employee may see, and only
 * the figures over tables the employee may list (dashboard-scope.ts). An answer is served again,
 * and shared by employees asking at the same time, only while no commit and no passing SLA could
 * change it (src/db/snapshot-memo.ts): a page twenty managers open costs one computation.
 */
export const dashboardHandler: PageHandler = async (request: { query?: FilterQuery }, response: Response, context) => {
  const staff = staffOf(context.currentAdmin);
  // The app refuses anonymous API calls before AdminJS; this guards the handler on its own too.
  if (!staff) return refuse(response, 401, 'notLoggedIn', 'Not logged in');

  const today = businessToday();
  let filters: DashboardFilters;
  try {
    filters = parseDashboardFilters(request.query ?? {}, today);
  } catch (error) {
    if (!(error instanceof DashboardFilterError)) throw error;
    return refuse(response, 400, error.problem, filterProblemMessage(error.problem, staff.locale));
  }
  const scope = dashboardScopeOf(staff);
  const query: DashboardQuery = { sequelize: User.sequelize!, scope, filters, today };
  const marginsVisible = marginsVisibleTo(staff);
  return answersOf(query.sequelize).answer(answerKey(query, marginsVisible), async () => {
    const [value, validUntil] = await Promise.all([figuresOf(query, marginsVisible), nextTicketOverdueAt(query)]);
    return { value, validUntil };
  });
};

/** Every figure of the page for the employee's scope, the branch and the period. */
async function figuresOf(query: DashboardQuery, marginsVisible: boolean): Promise<DashboardData> {
  const { scope } = query;
  // A figure the role may not see is not computed at all; the page says which were left out.
  const ifAllowed = <T>(section: DashboardSection, load: () => Promise<T>, leftOut: T): Promise<T> => (scope.allows(section) ? load() : Promise.resolve(leftOut));

  // All at once: the pool queues what it cannot run yet, and the slowest figures (top customers, the
  // credit watch) overlap instead of one waiting for a batch before it.
  const [branches, kpis, monthlyRevenue, revenueByCategory, topCustomers, customerMix, churnByBranch, funnel, byKindAndStatus, resolution, stock, revenueByRep, revenueByTeam, campaigns, petroleum, receivablesAging, creditWatch, targets] =
    await Promise.all([
      ifAllowed('branches', () => branchOptionsOf(query), []), kpisOf(query),
      ifAllowed('monthlyRevenue', () => monthlyRevenueOf(query), { months: [], rows: [] }), ifAllowed('revenueByCategory', () => revenueByCategoryOf(query), []),
      ifAllowed('topCustomers', () => topCustomersOf(query), []), ifAllowed('customerMix', () => customerMixOf(query), []),
      ifAllowed('churnByBranch', () => churnByBranchOf(query), []), ifAllowed('funnel', () => funnelOf(query), []),
      ifAllowed('tickets', () => ticketsByKindAndStatusOf(query), []), ifAllowed('tickets', () => ticketResolutionOf(query), []),
      ifAllowed('stock', () => stockOf(query), []), ifAllowed('revenueByRep', () => revenueByRepOf(query), []),
      ifAllowed('revenueByTeam', () => revenueByTeamOf(query), []), ifAllowed('campaigns', () => campaignConversionOf(query), []),
      petroleumFiguresOf(query, marginsVisible),
      ifAllowed('receivablesAging', () => receivablesAgingOf(query), []),
      ifAllowed('creditWatch', () => creditWatchOf(query), { customers: 0, overLimit: 0, top: [] }),
      ifAllowed('targets', () => targetProgressOf(query), []),
    ]);
  return {
    filters: query.filters, scope: scope.kind, refused: scope.refused, today: query.today, branches, kpis, monthlyRevenue, revenueByCategory, topCustomers, customerMix,
    churnByBranch, funnel, tickets: { byKindAndStatus, resolution }, stock, revenueByRep, revenueByTeam, campaigns, petroleum,
    receivablesAging, creditWatch, targets,
  };
}

/** Each database's answers (a test process opens several), kept while they are exact (snapshot-memo.ts). */
const answers = new WeakMap<Sequelize, SnapshotMemo<DashboardData>>();

function answersOf(sequelize: Sequelize): SnapshotMemo<DashboardData> {
  let memo = answers.get(sequelize);
  if (!memo) answers.set(sequelize, (memo = new SnapshotMemo(sequelize)));
  return memo;
}

/**
 * Everything besides the rows that decides the figures: employees whose scopes read the same rows
 * share answers, and nothing that tells two apart may be missing here (the period and branch, the
 * business day and zone, the churn thresholds, each table's row condition, the figures allowed).
 */
function answerKey(query: DashboardQuery, marginsVisible: boolean): string {
  const { scope } = query;
  return JSON.stringify({
    filters: query.filters, today: query.today, zone: businessTimeZone(), churn: churnThresholds(), marginsVisible,
    kind: scope.kind, branchIds: scope.branchIds, refused: scope.refused, rows: SCOPED_TABLES.map((table) => scope.rowCondition(table)),
  });
}

export const dashboardOptions = { handler: dashboardHandler, component: DASHBOARD_COMPONENT };

function refuse(response: Response, status: number, problem: string, message: string): DashboardError {
  response.status(status);
  return { error: { problem, message } };
}
