import { SalesOrder } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { lockOrderIn } from './lock-order.js';
import { updateOrderStatus } from './update-order-status.js';

/** 确认送达: the customer has the goods of a shipped order. */
export async function deliverOrder(orderId: number, actor: Actor): Promise<SalesOrder> {
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['shipped'], 'orderNotShipped', transaction);
    await updateOrderStatus(actor, 'deliverOrder', order, { status: 'delivered', delivered_at: new Date() }, transaction);
    return order;
  });
}
