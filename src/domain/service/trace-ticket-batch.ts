import { QueryTypes } from 'sequelize';
import { Ticket } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';

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
 * Every customer who received the batch a ticket complains about, from the shipments that moved it
 * out of stock (stock_movements → sales_orders → customers), with how much each got. A quality
 * problem in one delivery is a problem in all of them: these are the customers to warn or recall.
 * The caller sees the customers and orders of their own scope, and tons counted over those orders.
 */
export async function traceTicketBatch(scope: DataScope, ticketId: number): Promise<{ ticket: Ticket; recipients: BatchRecipient[] }> {
  const [reachable] = await Ticket.sequelize!.query<{ id: number }>(`SELECT t.id FROM tickets t WHERE t.id = $1 AND ${scope.rowsOf('tickets', 't.id')}`, {
    bind: [ticketId],
    type: QueryTypes.SELECT,
  });
  const ticket = reachable ? await Ticket.findByPk(ticketId) : null;
  if (!ticket) throw new BusinessRuleError('ticketNotFound', { id: ticketId });
  if (!ticket.batch_no) throw new BusinessRuleError('traceNeedsBatch', { ticketNo: ticket.ticket_no }, 'batch_no');
  const recipients = await Ticket.sequelize!.query<BatchRecipient>(
    `SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name,
            array_agg(DISTINCT o.order_no ORDER BY o.order_no) AS order_nos,
            sum(-m.quantity)::text AS quantity,
            min(m.occurred_at) AS first_shipped_at, max(m.occurred_at) AS last_shipped_at
       FROM stock_movements m
       JOIN sales_orders o ON o.id = m.order_id
       JOIN customers c ON c.id = o.customer_id
      WHERE m.kind = 'shipment' AND m.batch_no = $1 AND ($2::int IS NULL OR m.product_id = $2)
        AND ${scope.rowsOf('sales_orders', 'o.id')} AND ${scope.rowsOf('customers', 'c.id')}
      GROUP BY c.id
      ORDER BY min(m.occurred_at), c.id`,
    { bind: [ticket.batch_no, ticket.product_id], type: QueryTypes.SELECT },
  );
  return { ticket, recipients };
}
