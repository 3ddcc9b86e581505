import { QueryTypes, type Transaction } from 'sequelize';
import { SalesOrderItem } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';

export interface Repriced {
  lines: number;
  orders: number;
}

interface RepricedLine {
  id: number;
  order_id: number;
  old_price: string;
  new_price: string;
  old_version_id: number;
}

/**
 * When a new version of a list takes effect, the draft orders dated from then on whose lines were
 * priced from that list take its prices (a draft is not yet agreed with the customer). Confirmed
 * and later orders keep theirs: what was agreed is never rewritten. Each repriced line is audited.
 */
export async function repriceDraftOrders(actor: Actor, version: { id: number; price_list_id: number; valid_from: string }, transaction: Transaction): Promise<Repriced> {
  const lines = await SalesOrderItem.sequelize!.query<RepricedLine>(
    `WITH repriced AS (
       SELECT line.id, line.unit_price AS old_price, line.price_list_version_id AS old_version_id, item.unit_price AS new_price
         FROM sales_order_items line
         JOIN sales_orders o ON o.id = line.order_id
         JOIN price_list_versions priced_by ON priced_by.id = line.price_list_version_id
         JOIN price_list_items item ON item.version_id = $version AND item.product_id = line.product_id
        WHERE o.status = 'draft' AND o.order_date >= $validFrom::date
          AND priced_by.price_list_id = $list AND line.price_list_version_id <> $version)
     UPDATE sales_order_items line
        SET unit_price = repriced.new_price, price_list_version_id = $version, updated_at = now()
       FROM repriced
      WHERE line.id = repriced.id
     RETURNING line.id, line.order_id, repriced.old_price::text AS old_price, repriced.new_price::text AS new_price, repriced.old_version_id`,
    { bind: { version: version.id, list: version.price_list_id, validFrom: version.valid_from }, type: QueryTypes.SELECT, transaction },
  );
  for (const line of lines) {
    await recordAudit(
      actor,
      {
        action: 'repriceFromList',
        resource: 'sales_order_items',
        recordId: line.id,
        before: { unit_price: line.old_price, price_list_version_id: line.old_version_id },
        after: { unit_price: line.new_price, price_list_version_id: version.id },
      },
      transaction,
    );
  }
  return { lines: lines.length, orders: new Set(lines.map((line) => line.order_id)).size };
}
