import type { WarehouseStock } from '../dashboard-data.js';
import { select, visibleRows, type DashboardQuery } from './dashboard-query.js';

/**
 * Stock on hand against safety stock in every active warehouse (of the chosen branch), as it is now.
 * Warehouses are reference data every role sees whole, as in the lists, so only the branch filter
 * applies. Tons are summed over the products kept in tons; the count below safety covers every unit.
 */
export function stockOf(query: DashboardQuery): Promise<WarehouseStock[]> {
  return select<WarehouseStock>(
    query,
    `SELECT w.id AS "warehouseId", w.name AS "warehouseName", count(level.id)::int AS products,
            (count(level.id) FILTER (WHERE level.on_hand < p.safety_stock))::int AS "belowSafety",
            COALESCE(sum(level.on_hand) FILTER (WHERE p.unit = 'ton'), 0)::numeric(16,3)::text AS "onHandTons",
            COALESCE(sum(p.safety_stock) FILTER (WHERE p.unit = 'ton'), 0)::numeric(16,3)::text AS "safetyStockTons"
       FROM ${visibleRows(query, 'warehouses')} w
       LEFT JOIN stock_levels level ON level.warehouse_id = w.id
       LEFT JOIN products p ON p.id = level.product_id
      WHERE w.active
      GROUP BY w.id, w.name
      ORDER BY w.id`,
  );
}
