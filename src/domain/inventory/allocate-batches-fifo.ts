import { QueryTypes, type Transaction } from 'sequelize';
import { StockMovement } from '../../models/index.js';
import type { StockLevelKey } from './stock-level-changes.js';
import { compareQuantities, fromThousandths, toThousandths } from './quantity.js';

/** A part of an outgoing quantity and the batch it leaves from; null for stock kept before batches. */
export interface BatchPortion {
  batchNo: string | null;
  quantity: string;
}

/**
 * Which batches an outgoing quantity leaves from: first in, first out. A batch's balance in a
 * warehouse is the sum of its signed movements there, and it arrived when its first positive
 * movement did. Call it after the level's row is locked (by its conditional update), so two
 * shipments of the same product cannot take the same batch's last tons.
 *
 * Stock the ledger has no batch for (opening balances entered before batches were kept) leaves
 * last, as an unbatched portion.
 */
export async function allocateBatchesFifo(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<BatchPortion[]> {
  const batches = await StockMovement.sequelize!.query<{ batch_no: string; balance: string }>(
    `SELECT batch_no, sum(quantity) AS balance
       FROM stock_movements
      WHERE product_id = $1 AND warehouse_id = $2 AND batch_no IS NOT NULL
      GROUP BY batch_no
     HAVING sum(quantity) > 0
      ORDER BY min(occurred_at) FILTER (WHERE quantity > 0), min(id), batch_no`,
    { bind: [key.productId, key.warehouseId], type: QueryTypes.SELECT, transaction },
  );
  let remaining = toThousandths(quantity);
  const portions: BatchPortion[] = [];
  for (const batch of batches) {
    if (remaining === 0n) break;
    const taken = minimum(remaining, toThousandths(batch.balance));
    portions.push({ batchNo: batch.batch_no, quantity: fromThousandths(taken) });
    remaining -= taken;
  }
  if (remaining > 0n) portions.push({ batchNo: null, quantity: fromThousandths(remaining) });
  return portions;
}

/** The balance of one named batch in a warehouse, for taking stock out of that batch on purpose. */
export async function batchBalance(key: StockLevelKey, batchNo: string, transaction: Transaction): Promise<string> {
  const [row] = await StockMovement.sequelize!.query<{ balance: string | null }>(
    `SELECT sum(quantity) AS balance FROM stock_movements WHERE product_id = $1 AND warehouse_id = $2 AND batch_no = $3`,
    { bind: [key.productId, key.warehouseId, batchNo], type: QueryTypes.SELECT, transaction },
  );
  const balance = row?.balance ?? '0.000';
  return compareQuantities(balance, '0') < 0 ? '0.000' : fromThousandths(toThousandths(balance));
}

function minimum(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
