import { REVENUE_ORDER_STATUSES } from '../analysis/revenue.js';
import { OPEN_TICKET_STATUSES } from '../service/change-ticket.js';

/**
 * The business figures, each defined once as a condition on its table's own columns (`alias` names
 * the table in the query that uses it). The dashboard's queries, the table actions (churn per
 * outlet), the lists a chart opens (src/domain/figures/register-figure-filters.ts) and so the
 * exports of those lists all use these, so a figure and the rows behind it can never disagree.
 */

const column = (alias: string | undefined, name: string) => (alias ? `${alias}.${name}` : name);
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Revenue counts the total_amount of orders confirmed or later (not drafts, not cancelled), on their order date. */
export function revenueOrder(alias?: string): string {
  return `${column(alias, 'status')} IN (${list(REVENUE_ORDER_STATUSES)})`;
}

/** A customer merged into another is not a customer any more: it leaves every count and list. */
export function currentCustomer(alias?: string): string {
  return `${column(alias, 'merged_into_id')} IS NULL`;
}

/**
 * Churn rate = churned ÷ the customers who ever bought (prospects never could churn), current
 * customers only. The dashboard and the churn-per-outlet screen divide the same sets.
 */
export function churnBase(alias?: string): string {
  return `${currentCustomer(alias)} AND ${column(alias, 'status')} <> 'prospect'`;
}

export function churned(alias?: string): string {
  return `${currentCustomer(alias)} AND ${column(alias, 'status')} = 'churned'`;
}

/** The rate as PostgreSQL computes it from the two counts, in percent with one decimal; null without a base. */
export function churnRatePercent(churnedCount: string, baseCount: string): string {
  return `round(${churnedCount} * 100.0 / nullif(${baseCount}, 0), 1)::text`;
}

/** Open tickets: still waiting for the service desk (not resolved or closed). */
export function openTicket(alias?: string): string {
  return `${column(alias, 'status')} IN (${list(OPEN_TICKET_STATUSES)})`;
}

/** Overdue tickets: open, and past their SLA due time now. */
export function overdueTicket(alias?: string): string {
  return `${openTicket(alias)} AND ${column(alias, 'sla_due_at')} < now()`;
}

/** Tickets whose closing carried a satisfaction rating: what the average satisfaction averages. */
export function ratedTicket(alias?: string): string {
  return `${column(alias, 'satisfaction')} IS NOT NULL`;
}

/** Campaign conversion = converted members ÷ all members of the campaign, percent with one decimal. */
export function conversionRatePercent(convertedCount: string, memberCount: string): string {
  return `round(${convertedCount} * 100.0 / nullif(${memberCount}, 0), 1)::text`;
}

/** The names a list's `filters.figure` takes, per table (the browser builds links with them). */
export type FigureFilter = 'revenue' | 'open' | 'overdue' | 'rated' | 'churnBase';
