import type { Product, StockMovement, Warehouse } from '../../models/index.js';
import { StockLevel } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { optionalText, requireId, requireText } from '../sales/required-input.js';
import { findActiveWarehouseOrRefuse, findProductOrRefuse } from './inventory-lookups.js';
import { parseQuantity } from './quantity.js';
import { addStock, auditStockLevelChange, type StockLevelRow } from './stock-level-changes.js';
import { recordStockMovement } from './record-stock-movement.js';

/** A goods receipt as the warehouse clerk enters it; the quantity is the text typed in. */
export interface StockReceipt {
  productId?: number | null;
  warehouseId?: number | null;
  quantity?: string | null;
  batchNo?: string | null;
  reference?: string | null;
}

export interface ReceivedStock {
  level: StockLevelRow;
  movement: StockMovement;
  product: Product;
  warehouse: Warehouse;
  quantity: string;
}

/**
 * 入库: stock arrives in a warehouse with its batch number (so a later quality complaint can be
 * traced to it) and a reference such as the delivery note. The product's level in that warehouse
 * is created on its first arrival.
 */
export async function receiveStock(receipt: StockReceipt, actor: Actor): Promise<ReceivedStock> {
  const productId = requireId(receipt.productId, 'product_id');
  const warehouseId = requireId(receipt.warehouseId, 'warehouse_id');
  const quantity = parseQuantity(receipt.quantity, 'quantity');
  const batchNo = requireText(receipt.batchNo, 'batch_no', 40);
  const reference = optionalText(receipt.reference, 'reference', 60);

  return StockLevel.sequelize!.transaction(async (transaction) => {
    const product = await findProductOrRefuse(productId, 'product_id', transaction);
    const warehouse = await findActiveWarehouseOrRefuse(warehouseId, 'warehouse_id', transaction);
    const level = await addStock({ productId, warehouseId }, quantity, transaction);
    await auditStockLevelChange(actor, 'receiveStock', level, { onHand: quantity, created: level.created }, { batch_no: batchNo, reference }, transaction);
    const movement = await recordStockMovement(
      actor,
      'receiveStock',
      { product_id: productId, warehouse_id: warehouseId, kind: 'receipt', quantity, batch_no: batchNo, reference, order_id: null, counterpart_warehouse_id: null, reason: null },
      transaction,
    );
    return { level, movement, product, warehouse, quantity };
  });
}
