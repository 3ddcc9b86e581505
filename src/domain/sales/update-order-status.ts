import type { Transaction } from 'sequelize';
import type { SalesOrder } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';

type OrderChanges = Partial<Pick<SalesOrder, 'status' | 'confirmed_at' | 'shipped_at' | 'delivered_at' | 'cancelled_at' | 'cancel_reason'>>;

/** Writes an order's new status and its timestamp, and the audit row with the fields before and after. */
export async function updateOrderStatus(
  actor: Actor,
  action: string,
  order: SalesOrder,
  changes: OrderChanges,
  transaction: Transaction,
  details?: Record<string, unknown>,
): Promise<void> {
  const before = order.get({ plain: true, clone: true });
  await order.update(changes, { transaction });
  await recordAudit(actor, { action, resource: 'sales_orders', recordId: order.id, before, after: order.get({ plain: true }), details }, transaction);
}
