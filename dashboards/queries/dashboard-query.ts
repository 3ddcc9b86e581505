import { QueryTypes, type Sequelize } from 'sequelize';
import type { DashboardFilters } from '../dashboard-filters.js';
import { businessTimeZone } from '../../src/clock/business-clock.js';
import { currentCustomer, revenueOrder } from '../../src/domain/figures/business-figures.js';
import type { DashboardScope, ScopedTable } from '../dashboard-scope.js';

/** What every statistics query gets: where to run, whose rows, which branch and period. */
export interface DashboardQuery {
  sequelize: Sequelize;
  scope: DashboardScope;
  filters: DashboardFilters;
  today: string;
}

type BranchFilteredTable = ScopedTable | 'warehouses';

/**
 * The rows of a table the figures may count, as a derived table: the employee's row scope and the
 * branch filter, both as conditions on the table's own columns, and for customers only the current
 * ones (a merged-away duplicate is no customer). Every query reads the scoped tables through this,
 * so no figure can leave the scope out.
 */
export function visibleRows(query: DashboardQuery, table: BranchFilteredTable): string {
  const where = scopeAndBranch(query, table, table === 'customers' ? currentCustomer() : null);
  return where === null ? table : `(SELECT * FROM ${table} WHERE ${where})`;
}

/**
 * The employee's row scope of `table` and the branch filter (and any `more`), as one condition on
 * the table's own columns; null when nothing narrows it. The tables kept beside the orders and the
 * customers carry the same owner_id and branch_id, so the condition reads the same on them.
 */
function scopeAndBranch(query: DashboardQuery, table: BranchFilteredTable, ...more: Array<string | null>): string | null {
  const conditions = [table === 'warehouses' ? null : query.scope.rowCondition(table), branchCondition(table, query.filters.branchId), ...more];
  const where = conditions.filter((condition): condition is string => condition !== null);
  return where.length === 0 ? null : where.join(' AND ');
}

function branchCondition(table: BranchFilteredTable, branchId: number | null): string | null {
  if (branchId === null) return null;
  // Validated as an integer when the filter was parsed.
  const branch = String(Math.trunc(branchId));
  return table === 'campaign_members' ? `customer_id IN (SELECT id FROM customers WHERE branch_id = ${branch})` : `branch_id = ${branch}`;
}

/**
 * Revenue (src/domain/figures): the total_amount (the sum of the lines, kept by a trigger) of the
 * visible orders the revenue figure counts, on their order date, from `$<from>` to `$<to>` included.
 */
export function revenueOrders(query: DashboardQuery, fromParameter: string, toParameter: string): string {
  return `(SELECT * FROM ${visibleRows(query, 'sales_orders')} so
            WHERE ${revenueOrder('so')} AND so.order_date BETWEEN $${fromParameter}::date AND $${toParameter}::date)`;
}

/** The rollups of the revenue orders that migration 0091's triggers keep, in the same transaction as every change. */
export type SalesRollup = 'sales_daily_revenue' | 'sales_daily_category_revenue';

/**
 * A sales rollup's rows from day `$<from>` to `$<to>` included, under the orders' row scope and
 * branch filter: each rollup row carries the owner_id and branch_id of the orders it sums, so the
 * orders' own condition reads the same on it (a scope naming another column of the orders would
 * fail here, not widen). Summed, they give exactly what revenueOrders gives for the same rows.
 */
export function salesRollupRows(query: DashboardQuery, rollup: SalesRollup, fromParameter: string, toParameter: string): string {
  const days = `order_date BETWEEN $${fromParameter}::date AND $${toParameter}::date`;
  return `(SELECT * FROM ${rollup} WHERE ${[visibleOrdersCondition(query), days].filter((condition) => condition !== null).join(' AND ')})`;
}

/**
 * The orders' row scope and branch filter as one condition on the orders' owner_id and branch_id,
 * for the tables kept beside the orders that carry both (rollups, open receivables); null for all.
 */
export function visibleOrdersCondition(query: DashboardQuery): string | null {
  return scopeAndBranch(query, 'sales_orders');
}

/**
 * The counts of current customers per branch, owner, grade and status (migrations/0093) under the
 * customers' row scope and the branch filter: a count row carries its customers' owner_id and
 * branch_id, so their condition reads the same on it. It counts current customers only, so
 * merged_into_id reads NULL here and the figures' definitions (churnBase, churned) apply as written.
 */
export function customerCountRows(query: DashboardQuery): string {
  const where = scopeAndBranch(query, 'customers');
  return `(SELECT *, NULL::integer AS merged_into_id FROM customer_counts${where === null ? '' : ` WHERE ${where}`})`;
}

/** The instant a business day starts, for comparing timestamptz columns with calendar days. */
export function dayStarts(dayParameter: string): string {
  return `($${dayParameter}::date::timestamp AT TIME ZONE ${zoneLiteral()})`;
}

/** The instant after a business day ends. */
export function dayEnds(dayParameter: string): string {
  return `(($${dayParameter}::date + 1)::timestamp AT TIME ZONE ${zoneLiteral()})`;
}

/** The zone name was checked when it was configured; quoted as an SQL literal all the same. */
function zoneLiteral(): string {
  return `'${businessTimeZone().replaceAll("'", "''")}'`;
}

/** The period's bounds as bind parameters $from and $to. */
export function periodBinds(query: DashboardQuery): { from: string; to: string } {
  return { from: query.filters.from, to: query.filters.to };
}

export function select<Row extends object>(query: DashboardQuery, sql: string, bind: Record<string, unknown> = {}): Promise<Row[]> {
  return query.sequelize.query<Row>(sql, { bind, type: QueryTypes.SELECT });
}
