import { accessOf } from '../src/access/access-middleware.js';
import { permissionOn } from '../src/access/can.js';
import { rowScopeCondition } from '../src/access/row-scopes.js';
import type { RowScope } from '../src/models/role-permission.model.js';
import type { StaffSession } from '../src/access/current-admin.js';

/** The tables the dashboard counts that belong to an owner or a branch. */
export type ScopedTable = 'sales_orders' | 'customers' | 'opportunities' | 'tickets' | 'campaign_members' | 'contracts';

export interface DashboardScope {
  /** How far the employee sees sales: their own, their team's, their branch's or everything. */
  kind: RowScope;
  /** The branches the branch filter offers; null means every branch. */
  branchIds: number[] | null;
  /** An SQL condition on the table's own columns that keeps the visible rows, or null for all rows. */
  rowCondition(table: ScopedTable): string | null;
}

/**
 * The dashboard counts exactly the rows the employee's lists show: each table under the row scope
 * the permission matrix gives the role on it (src/access/row-scopes.ts), read fresh per request.
 */
export async function dashboardScopeOf(staff: StaffSession): Promise<DashboardScope> {
  const profile = accessOf(staff);
  if (!profile) throw new Error(`no access profile loaded for user ${staff.id}`);
  const kind = permissionOn(profile, 'sales_orders').scope;
  return {
    kind,
    branchIds: kind === 'branch' ? profile.branchIds : null,
    rowCondition: (table) => rowScopeCondition(profile, table),
  };
}
