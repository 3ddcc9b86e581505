import { Product, StockLevel, type StockMovement, type Warehouse } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText, requireId } from '../sales/required-input.js';
import { allocateBatchesFifo } from './allocate-batches-fifo.js';
import { findActiveWarehouseOrRefuse } from './inventory-lookups.js';
import { negateQuantity, parseQuantity } from './quantity.js';
import { addStock, auditStockLevelChange, availableOf, lockStockLevels, readStockLevel, removeAvailableStock, type StockLevelRow } from './stock-level-changes.js';
import { recordStockMovement } from './record-stock-movement.js';

export interface StockTransfer {
  toWarehouseId?: number | null;
  quantity?: string | null;
  reference?: string | null;
}

export interface TransferredStock {
  from: StockLevelRow;
  to: StockLevelRow;
  movements: StockMovement[];
  product: Product;
  fromWarehouse: Warehouse;
  toWarehouse: Warehouse;
  quantity: string;
}

/**
 * 调拨: moves stock nobody has reserved from the warehouse of a stock level to another one. Each
 * batch that moves is written twice, out of one warehouse and into the other, each row naming the
 * other warehouse, so a batch can be followed across warehouses.
 */
export async function transferStock(fromStockLevelId: number, transfer: StockTransfer, actor: Actor): Promise<TransferredStock> {
  const toWarehouseId = requireId(transfer.toWarehouseId, 'to_warehouse_id');
  const quantity = parseQuantity(transfer.quantity, 'quantity');
  const reference = optionalText(transfer.reference, 'reference', 60);

  return StockLevel.sequelize!.transaction(async (transaction) => {
    const source = await StockLevel.findByPk(fromStockLevelId, { transaction });
    if (!source) throw new BusinessRuleError('stockLevelNotFound', { id: fromStockLevelId });
    const { product_id: productId, warehouse_id: fromWarehouseId } = source;
    if (toWarehouseId === fromWarehouseId) throw new BusinessRuleError('transferToSameWarehouse', {}, 'to_warehouse_id');
    const product = await Product.findByPk(productId, { transaction, rejectOnEmpty: true });
    const fromWarehouse = await findActiveWarehouseOrRefuse(fromWarehouseId, undefined, transaction);
    const toWarehouse = await findActiveWarehouseOrRefuse(toWarehouseId, 'to_warehouse_id', transaction);

    const created = await lockStockLevels(productId, [fromWarehouseId, toWarehouseId], transaction);
    const fromKey = { productId, warehouseId: fromWarehouseId };
    const from = await removeAvailableStock(fromKey, quantity, transaction);
    if (!from) {
      const available = availableOf(await readStockLevel(fromKey, transaction));
      throw new BusinessRuleError(
        'transferExceedsAvailable',
        { product: product.name, warehouse: fromWarehouse.name, available, requested: quantity, unit: product.unit },
        'quantity',
      );
    }
    const to = await addStock({ productId, warehouseId: toWarehouseId }, quantity, transaction);
    const details = { from_warehouse_id: fromWarehouseId, to_warehouse_id: toWarehouseId, quantity, reference };
    await auditStockLevelChange(actor, 'transferStock', from, { onHand: negateQuantity(quantity) }, details, transaction);
    await auditStockLevelChange(actor, 'transferStock', to, { onHand: quantity, created: created.includes(toWarehouseId) }, details, transaction);

    const movements: StockMovement[] = [];
    for (const portion of await allocateBatchesFifo(fromKey, quantity, transaction)) {
      const common = { product_id: productId, batch_no: portion.batchNo, reference, order_id: null, reason: null };
      movements.push(
        await recordStockMovement(actor, 'transferStock', { ...common, warehouse_id: fromWarehouseId, counterpart_warehouse_id: toWarehouseId, kind: 'transfer_out', quantity: negateQuantity(portion.quantity) }, transaction),
        await recordStockMovement(actor, 'transferStock', { ...common, warehouse_id: toWarehouseId, counterpart_warehouse_id: fromWarehouseId, kind: 'transfer_in', quantity: portion.quantity }, transaction),
      );
    }
    return { from, to, movements, product, fromWarehouse, toWarehouse, quantity };
  });
}
