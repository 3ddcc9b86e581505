import type { PageHandler } from 'adminjs';
import type { Response } from 'express';
import { User } from '../src/models/index.js';
import { staffOf } from '../src/access/current-admin.js';
import type { DashboardData, DashboardError } from './dashboard-data.js';
import { BUSINESS_TIME_ZONE, DashboardFilterError, parseDashboardFilters, todayIn, type DashboardFilters, type FilterQuery } from './dashboard-filters.js';
import { dashboardScopeOf } from './dashboard-scope.js';
import { filterProblemMessage } from './dashboard-labels.js';
import type { DashboardQuery } from './queries/dashboard-query.js';
import { kpisOf } from './queries/kpis.query.js';
import { monthlyRevenueOf, revenueByCategoryOf, revenueByRepOf, revenueByTeamOf, topCustomersOf } from './queries/sales.query.js';
import { churnByBranchOf, customerMixOf } from './queries/customers.query.js';
import { funnelOf } from './queries/opportunities.query.js';
import { ticketResolutionOf, ticketsByKindAndStatusOf } from './queries/tickets.query.js';
import { stockOf } from './queries/stock.query.js';
import { campaignConversionOf } from './queries/campaigns.query.js';
import { branchOptionsOf } from './queries/branches.query.js';
import { petroleumFiguresOf } from './queries/petroleum.query.js';
import { marginsVisibleTo } from './petroleum-access.js';
// Registers the page's React components before AdminJS bundles them.
import { DASHBOARD_COMPONENT } from './dashboard.components.js';

/**
 * GET /admin/api/dashboard?period=…&from=…&to=…&branch=…: every figure of the statistics page in
 * one answer, each computed by PostgreSQL (GROUP BY) over the rows the employee may see.
 */
export const dashboardHandler: PageHandler = async (request: { query?: FilterQuery }, response: Response, context) => {
  const staff = staffOf(context.currentAdmin);
  // The app refuses anonymous API calls before AdminJS; this guards the handler on its own too.
  if (!staff) return refuse(response, 401, 'notLoggedIn', 'Not logged in');

  const today = todayIn(BUSINESS_TIME_ZONE);
  let filters: DashboardFilters;
  try {
    filters = parseDashboardFilters(request.query ?? {}, today);
  } catch (error) {
    if (!(error instanceof DashboardFilterError)) throw error;
    return refuse(response, 400, error.problem, filterProblemMessage(error.problem, staff.locale));
  }
  const query: DashboardQuery = { sequelize: User.sequelize!, scope: await dashboardScopeOf(staff), filters, today };

  const [branches, kpis, monthlyRevenue, revenueByCategory, topCustomers, customerMix, churnByBranch, funnel, byKindAndStatus, resolution, stock, revenueByRep, revenueByTeam, campaigns, petroleum] =
    await Promise.all([
      branchOptionsOf(query), kpisOf(query), monthlyRevenueOf(query), revenueByCategoryOf(query), topCustomersOf(query),
      customerMixOf(query), churnByBranchOf(query), funnelOf(query), ticketsByKindAndStatusOf(query), ticketResolutionOf(query),
      stockOf(query), revenueByRepOf(query), revenueByTeamOf(query), campaignConversionOf(query), petroleumFiguresOf(query, marginsVisibleTo(staff)),
    ]);
  const data: DashboardData = {
    filters, scope: query.scope.kind, today, branches, kpis, monthlyRevenue, revenueByCategory, topCustomers, customerMix,
    churnByBranch, funnel, tickets: { byKindAndStatus, resolution }, stock, revenueByRep, revenueByTeam, campaigns, petroleum,
  };
  return data;
};

export const dashboardOptions = { handler: dashboardHandler, component: DASHBOARD_COMPONENT };

function refuse(response: Response, status: number, problem: string, message: string): DashboardError {
  response.status(status);
  return { error: { problem, message } };
}
