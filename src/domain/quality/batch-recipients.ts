import { QueryTypes } from 'sequelize';
import { Batch } from '../../models/index.js';
import type { ReadScope } from '../../access/authorisation/data-scope.js';

export interface BatchRecipient {
  customer_id: number;
  customer_code: string;
  customer_name: string;
  order_nos: string[];
  quantity: string;
  first_shipped_at: Date;
  last_shipped_at: Date;
}

/**
 * Every customer the batch went to, from the shipments that moved it out of stock (the ledger's
 * shipment movements → orders → customers), with how much each got — as far as the caller's scope
 * reaches: a representative sees their own customers, a manager their branch's, quality all.
 */
export async function batchRecipients(batchId: number, scope: ReadScope): Promise<BatchRecipient[]> {
  return Batch.sequelize!.query<BatchRecipient>(
    `SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name,
            array_agg(DISTINCT o.order_no ORDER BY o.order_no) AS order_nos,
            sum(-m.quantity)::text AS quantity,
            min(m.occurred_at) AS first_shipped_at, max(m.occurred_at) AS last_shipped_at
       FROM stock_movements m
       JOIN sales_orders o ON o.id = m.order_id
       JOIN customers c ON c.id = o.customer_id
      WHERE m.kind = 'shipment' AND m.batch_id = $1 AND ${scope.rowsOf('sales_orders', 'o.id')} AND ${scope.rowsOf('customers', 'c.id')}
      GROUP BY c.id
      ORDER BY min(m.occurred_at), c.id`,
    { bind: [batchId], type: QueryTypes.SELECT },
  );
}
