import { SalesOrder } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { lockOrderIn } from './lock-order.js';
import { updateOrderStatus } from './update-order-status.js';

/** 关闭订单: a delivered order is done with; nothing changes on it after this. */
export async function closeOrder(orderId: number, actor: Actor): Promise<SalesOrder> {
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['delivered'], 'orderNotDelivered', transaction);
    await updateOrderStatus(actor, 'closeOrder', order, { status: 'closed' }, transaction);
    return order;
  });
}
