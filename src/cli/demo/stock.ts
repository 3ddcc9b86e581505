import type { Transaction } from 'sequelize';
import { StockLevel, StockMovement } from '../../models/index.js';
import { insertRowIds } from './insert-rows.js';
import { milliToText } from './money.js';
import type { StockLedger } from './stock-simulation.js';

/** The ledger's movements and the levels they add up to; orders must be in already (shipments name them). */
export async function loadStock(transaction: Transaction, ledger: StockLedger, clerkId: number): Promise<void> {
  await insertRowIds(
    StockMovement,
    ledger.movements.map((movement) => ({
      product_id: movement.product.id,
      warehouse_id: movement.warehouse.id,
      kind: movement.kind,
      quantity: milliToText(movement.quantityMilli),
      batch_no: movement.batchNo,
      order_id: movement.order?.id ?? null,
      counterpart_warehouse_id: movement.counterpart?.id ?? null,
      reference: movement.order?.orderNo ?? movement.reference,
      reason: movement.reason,
      // The clerk keeps the Nanjing store's books; the other stores book through their own systems.
      performed_by_id: movement.warehouse.managedByClerk ? clerkId : null,
      occurred_at: movement.at,
      created_at: movement.at,
      updated_at: movement.at,
    })),
    transaction,
  );
  await insertRowIds(
    StockLevel,
    ledger.levels.map((level) => ({
      product_id: level.product.id,
      warehouse_id: level.warehouse.id,
      on_hand: milliToText(level.onHandMilli),
      reserved: milliToText(level.reservedMilli),
    })),
    transaction,
  );
}
