import type { Transaction } from 'sequelize';
import { StockMovement } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';

export type StockMovementValues = Pick<
  StockMovement['_creationAttributes'],
  'product_id' | 'warehouse_id' | 'kind' | 'quantity' | 'batch_no' | 'order_id' | 'counterpart_warehouse_id' | 'reference' | 'reason'
>;

/** Writes one line of the stock ledger, signed, by whom, with its audit row. */
export async function recordStockMovement(
  actor: Actor,
  action: string,
  values: StockMovementValues,
  transaction: Transaction,
): Promise<StockMovement> {
  const movement = await StockMovement.create({ ...values, performed_by_id: actor.id }, { transaction });
  await recordAudit(actor, { action, resource: 'stock_movements', recordId: movement.id, after: movement.get({ plain: true }) }, transaction);
  return movement;
}
