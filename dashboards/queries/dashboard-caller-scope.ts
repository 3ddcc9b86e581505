import { rowsWhere, type ReadScope } from '../../src/access/authorisation/data-scope.js';
import type { ScopedTable } from '../dashboard-scope.js';
import type { DashboardQuery } from './dashboard-query.js';

/** The tables the petroleum figures read through the employee's row scope. */
const SCOPED: readonly ScopedTable[] = ['contracts', 'customers', 'sales_orders'];

/** The dashboard's row scope in the shape the domain's reports take. */
export function callerScopeOf(query: DashboardQuery): ReadScope {
  return {
    rowsOf: (table, idColumn) => {
      const scoped = SCOPED.find((candidate) => candidate === table);
      // The figures read no other scoped table; one they did would be refused rather than shown whole.
      if (!scoped) throw new Error(`the dashboard has no row scope for ${table}`);
      return rowsWhere(scoped, idColumn, query.scope.rowCondition(scoped));
    },
  };
}
