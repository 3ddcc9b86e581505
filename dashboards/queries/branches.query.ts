import type { BranchOption } from '../dashboard-data.js';
import { select, type DashboardQuery } from './dashboard-query.js';

/** The branches, offices and outlets the branch filter offers: those of the employee's scope. */
export function branchOptionsOf(query: DashboardQuery): Promise<BranchOption[]> {
  const ids = query.scope.branchIds;
  const where = ids === null ? '' : `WHERE b.id IN (${ids.map((id) => String(Math.trunc(id))).join(', ') || 'NULL'})`;
  return select<BranchOption>(query, `SELECT b.id, b.code, b.name, b.kind FROM branches b ${where} ORDER BY b.id`);
}
