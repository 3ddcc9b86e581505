import type { Transaction } from 'sequelize';
import { Product, StockLevel, type StockMovement } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText, requireText } from '../sales/required-input.js';
import { allocateBatchesFifo, batchBalance, type BatchPortion } from './allocate-batches-fifo.js';
import { compareQuantities, negateQuantity, parseQuantity } from './quantity.js';
import { addStock, auditStockLevelChange, availableOf, readStockLevel, removeAvailableStock, type StockLevelKey, type StockLevelRow } from './stock-level-changes.js';
import { recordStockMovement } from './record-stock-movement.js';

/** A stock-take correction: signed (+ found, − lost), always with the reason. */
export interface StockAdjustment {
  quantity?: string | null;
  reason?: string | null;
  /** The batch found or lost; left out, a loss is taken first in, first out. */
  batchNo?: string | null;
}

export interface AdjustedStock {
  level: StockLevelRow;
  movements: StockMovement[];
  product: Product;
  quantity: string;
}

/**
 * 库存调整: corrects a level after a stock-take. A loss can take only what no order has reserved,
 * so on hand never drops below reserved or zero.
 */
export async function adjustStock(stockLevelId: number, adjustment: StockAdjustment, actor: Actor): Promise<AdjustedStock> {
  const quantity = parseQuantity(adjustment.quantity, 'quantity', { signed: true });
  const reason = requireText(adjustment.reason, 'reason');
  const batchNo = optionalText(adjustment.batchNo, 'batch_no', 40);

  return StockLevel.sequelize!.transaction(async (transaction) => {
    const existing = await StockLevel.findByPk(stockLevelId, { transaction });
    if (!existing) throw new BusinessRuleError('stockLevelNotFound', { id: stockLevelId });
    const key = { productId: existing.product_id, warehouseId: existing.warehouse_id };
    const product = await Product.findByPk(key.productId, { transaction, rejectOnEmpty: true });
    const gain = compareQuantities(quantity, '0') > 0;
    const level = gain ? await addStock(key, quantity, transaction) : await takeLoss(key, negateQuantity(quantity), product, transaction);
    const portions: BatchPortion[] = gain
      ? [{ batchNo, quantity }]
      : await lossPortions(key, negateQuantity(quantity), batchNo, transaction);
    await auditStockLevelChange(actor, 'adjustStock', level, { onHand: quantity }, { reason, batch_no: batchNo }, transaction);
    const movements: StockMovement[] = [];
    for (const portion of portions) {
      movements.push(
        await recordStockMovement(
          actor,
          'adjustStock',
          {
            product_id: key.productId, warehouse_id: key.warehouseId, kind: 'adjustment',
            quantity: gain ? portion.quantity : negateQuantity(portion.quantity),
            batch_no: portion.batchNo, reason, reference: null, order_id: null, counterpart_warehouse_id: null,
          },
          transaction,
        ),
      );
    }
    return { level, movements, product, quantity };
  });
}

async function takeLoss(key: StockLevelKey, loss: string, product: Product, transaction: Transaction): Promise<StockLevelRow> {
  const level = await removeAvailableStock(key, loss, transaction);
  if (level) return level;
  const current = await readStockLevel(key, transaction);
  throw new BusinessRuleError(
    'adjustmentBelowReserved',
    {
      product: product.name,
      onHand: current?.on_hand ?? '0.000',
      reserved: current?.reserved ?? '0.000',
      available: availableOf(current),
      unit: product.unit,
    },
    'quantity',
  );
}

/** A named batch must hold what is lost from it; otherwise the oldest batches go first. */
async function lossPortions(key: StockLevelKey, loss: string, batchNo: string | null, transaction: Transaction): Promise<BatchPortion[]> {
  if (batchNo === null) return allocateBatchesFifo(key, loss, transaction);
  const balance = await batchBalance(key, batchNo, transaction);
  if (compareQuantities(balance, loss) < 0) throw new BusinessRuleError('batchShort', { batch: batchNo, balance, requested: loss }, 'batch_no');
  return [{ batchNo, quantity: loss }];
}
