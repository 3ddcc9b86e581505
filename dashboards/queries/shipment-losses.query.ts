import type { ShipmentLossRow } from '../petroleum-data.js';
import { dayEnds, dayStarts, periodBinds, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

/** Shipments that left in the period, per transport mode: how many arrived, how many beyond tolerance, the tons lost. */
export function shipmentLossesOf(query: DashboardQuery): Promise<ShipmentLossRow[]> {
  return select<ShipmentLossRow>(
    query,
    `SELECT s.transport_mode AS "transportMode", count(*)::int AS shipments,
            (count(*) FILTER (WHERE s.status = 'received'))::int AS received,
            (count(*) FILTER (WHERE NOT s.loss_within_tolerance))::int AS "beyondTolerance",
            coalesce(sum(s.loaded_quantity) FILTER (WHERE p.unit = 'ton'), 0)::numeric(16,3)::text AS "loadedTons",
            coalesce(sum(s.loss_quantity) FILTER (WHERE p.unit = 'ton' AND s.status = 'received'), 0)::numeric(16,3)::text AS "lostTons"
       FROM shipments s
       JOIN ${visibleRows(query, 'sales_orders')} o ON o.id = s.order_id
       JOIN products p ON p.id = s.product_id
      WHERE s.shipped_at >= ${dayStarts('from')} AND s.shipped_at < ${dayEnds('to')}
      GROUP BY s.transport_mode
      ORDER BY s.transport_mode`,
    periodBinds(query),
  );
}
