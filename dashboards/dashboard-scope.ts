import { accessOf } from '../src/access/authorisation/current-access.js';
import { can, permissionOn } from '../src/access/authorisation/can.js';
import { rowScopeCondition } from '../src/access/authorisation/row-scopes.js';
import { AccessDenied } from '../src/access/authorisation/access-denied.js';
import type { RowScope } from '../src/models/role-permission.model.js';
import type { StaffSession } from '../src/access/authentication/staff-session.js';

/** The tables the dashboard counts that belong to an owner or a branch. */
export const SCOPED_TABLES = ['sales_orders', 'customers', 'opportunities', 'tickets', 'campaign_members', 'campaigns', 'sales_targets', 'contracts'] as const;
export type ScopedTable = (typeof SCOPED_TABLES)[number];

/**
 * Every figure of the page and the tables it summarises or names. A figure is a list by other
 * means: it is shown only to a role that may list every one of these tables.
 */
export const SECTION_TABLES = {
  revenueCards: ['sales_orders'],
  ticketCards: ['tickets'],
  customerCards: ['customers'],
  branches: ['branches'],
  monthlyRevenue: ['sales_orders', 'sales_order_items', 'products', 'product_categories'],
  revenueByCategory: ['sales_orders', 'sales_order_items', 'products', 'product_categories'],
  topCustomers: ['sales_orders', 'customers'],
  customerMix: ['customers'],
  churnByBranch: ['customers', 'branches'],
  funnel: ['opportunities'],
  tickets: ['tickets'],
  stock: ['stock_levels', 'warehouses', 'products'],
  revenueByRep: ['sales_orders', 'users'],
  revenueByTeam: ['sales_orders', 'users', 'teams'],
  campaigns: ['campaign_members', 'campaigns'],
  receivablesAging: ['sales_orders', 'payments', 'branches'],
  creditWatch: ['customers', 'sales_orders', 'payments'],
  targets: ['sales_targets', 'sales_orders', 'sales_order_items', 'products'],
  contractLifting: ['contracts', 'contract_monthly_plans', 'sales_orders', 'customers'],
  lifetimeValue: ['customers'],
  stations: ['fuel_card_transactions', 'customers', 'branches'],
  shipmentLosses: ['shipments', 'sales_orders'],
} as const satisfies Record<string, readonly string[]>;

export type DashboardSection = keyof typeof SECTION_TABLES;

export interface DashboardScope {
  /** How far the employee sees sales: their own, their team's, their branch's or everything. */
  kind: RowScope;
  /** The branches the branch filter offers; null means every branch. */
  branchIds: number[] | null;
  /**
   * An SQL condition on the table's own columns that keeps the visible rows, or null for all rows;
   * 'FALSE' for a table the role may not list.
   */
  rowCondition(table: ScopedTable): string | null;
  /** Whether the role may see this figure. */
  allows(section: DashboardSection): boolean;
  /** The figures left out for this role, for the page to say so. */
  refused: DashboardSection[];
}

/**
 * The dashboard counts exactly the rows the employee's lists show: each table under the row scope
 * the permission matrix gives the role on it, and only tables the role may list at all.
 */
export function dashboardScopeOf(staff: StaffSession): DashboardScope {
  const profile = accessOf(staff);
  if (!profile) throw new Error(`no access profile loaded for user ${staff.id}`);
  if (!can(profile, 'dashboard', 'show')) throw new AccessDenied(403, 'forbiddenError');
  const mayList = (table: string) => can(profile, table, 'list');
  const allows = (section: DashboardSection) => SECTION_TABLES[section].every(mayList);
  const kind = permissionOn(profile, 'sales_orders').scope;
  return {
    kind,
    branchIds: kind === 'branch' ? profile.branchIds : null,
    rowCondition: (table) => (mayList(table) ? rowScopeCondition(profile, table) : 'FALSE'),
    allows,
    refused: (Object.keys(SECTION_TABLES) as DashboardSection[]).filter((section) => !allows(section)),
  };
}
