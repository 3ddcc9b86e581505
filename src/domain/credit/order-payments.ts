import { QueryTypes, type Transaction } from 'sequelize';
import { Payment } from '../../models/index.js';
import { fromFen, toFen } from '../money.js';

/** What has been paid against one order so far, and what is left of its total. */
export async function paidOnOrder(orderId: number, totalAmount: string, transaction?: Transaction): Promise<{ paid: string; unpaid: string }> {
  const [row] = await Payment.sequelize!.query<{ paid: string }>('SELECT coalesce(sum(amount), 0)::text AS paid FROM payments WHERE order_id = $1', {
    bind: [orderId],
    type: QueryTypes.SELECT,
    transaction,
  });
  const unpaid = toFen(totalAmount) - toFen(row.paid);
  return { paid: row.paid, unpaid: fromFen(unpaid < 0n ? 0n : unpaid) };
}
