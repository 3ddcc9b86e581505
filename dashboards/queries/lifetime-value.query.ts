import type { CustomerLifetimeValue } from '../petroleum-data.js';
import { select, visibleRows, type DashboardQuery } from './dashboard-query.js';

export const TOP_LIFETIME_VALUES = 10;

/** The customers worth most over their lifetime, as the last analysis valued them (merged-away duplicates are no customers). */
export function lifetimeValueOf(query: DashboardQuery): Promise<CustomerLifetimeValue[]> {
  return select<CustomerLifetimeValue>(
    query,
    `SELECT c.id AS "customerId", c.code AS "customerCode", c.name AS "customerName",
            c.margin_to_date::text AS "marginToDate", c.expected_margin::text AS "expectedMargin", c.lifetime_value::text AS "lifetimeValue"
       FROM ${visibleRows(query, 'customers')} c
      WHERE c.merged_into_id IS NULL AND c.lifetime_value > 0
      ORDER BY c.lifetime_value DESC, c.id DESC
      LIMIT ${TOP_LIFETIME_VALUES}`,
  );
}
