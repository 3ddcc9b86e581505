import { QueryTypes } from 'sequelize';
import { Product, StockMovement, Warehouse } from '../../models/index.js';
import { addStock, auditStockLevelChange } from '../inventory/stock-level-changes.js';
import { sumQuantities } from '../inventory/quantity.js';
import { maxLengthOf } from './transfer-columns.js';
import { choiceField, decimalField, referenceField, textField } from './import-fields.js';
import { refuseDuplicatesInFile, resolveReferences, type ImportRow, type Importer } from './importer.js';
import { insertImportedRows } from './insert-imported-rows.js';

const RESOURCE = 'stock_movements';
const max = (field: string) => maxLengthOf(StockMovement, field);

/**
 * 入库单导入: each row is a goods receipt, as the receive-stock action records one: the product's
 * level in the warehouse goes up (through the same stock-level change and audit as receiveStock,
 * which runs its own transaction and so cannot be called once per row of one import) and a
 * 'receipt' line with its batch number joins the stock ledger, audited like every import row. A receipt already in the ledger (same product, warehouse, batch and reference) is
 * refused, so importing one delivery file twice cannot double the stock. A `kind` column (an
 * exported ledger) may only say 入库.
 */
export const stockReceiptImporter: Importer = {
  resourceId: RESOURCE,

  fields: () => [
    referenceField('product_id', { required: true, hint: 'importHintProduct' }),
    referenceField('warehouse_id', { required: true, hint: 'importHintWarehouse' }),
    decimalField('quantity', { scale: 3, required: true, positive: true }),
    textField('batch_no', { required: true, max: max('batch_no') }),
    textField('reference', { max: max('reference') }),
    choiceField(RESOURCE, 'kind', ['receipt']),
  ],

  async check(rows, context) {
    await resolveReferences(rows, 'product_id', Product, context);
    const warehouses = await resolveReferences(rows, 'warehouse_id', Warehouse, context, ['active']);
    for (const row of rows) {
      const warehouse = typeof row.values.warehouse_id === 'number' ? warehouses.get(row.values.warehouse_id) : undefined;
      if (warehouse && !warehouse.active) context.refuse(row, 'warehouse_id', 'warehouseInactive', { warehouse: String(warehouse.name) });
    }
    refuseDuplicatesInFile(rows, 'batch_no', receiptKey, context);

    const batches = [...new Set(rows.map((row) => row.values.batch_no).filter((batch): batch is string => typeof batch === 'string'))];
    if (batches.length === 0) return;
    const recorded = await StockMovement.sequelize!.query<{ product_id: number; warehouse_id: number; batch_no: string; reference: string | null }>(
      `SELECT product_id, warehouse_id, batch_no, reference FROM stock_movements WHERE kind = 'receipt' AND batch_no = ANY($1::text[])`,
      { bind: [batches], type: QueryTypes.SELECT, transaction: context.transaction },
    );
    const taken = new Set(recorded.map((movement) => keyOf(movement.product_id, movement.warehouse_id, movement.batch_no, movement.reference)));
    for (const row of rows) {
      const key = receiptKey(row);
      if (key !== null && taken.has(key)) context.refuse(row, 'batch_no', 'importReceiptExists', { value: String(row.values.batch_no) });
    }
  },

  async write(rows, context) {
    const { actor, transaction } = context;
    // Each level is raised once, by the file's total for it, in (product, warehouse) order as every
    // stock change locks levels, so the import cannot deadlock with an order being shipped.
    const levels = new Map<string, { productId: number; warehouseId: number; quantities: string[] }>();
    for (const row of rows) {
      const productId = row.values.product_id as number;
      const warehouseId = row.values.warehouse_id as number;
      const key = `${productId}:${warehouseId}`;
      const level = levels.get(key) ?? { productId, warehouseId, quantities: [] };
      level.quantities.push(row.values.quantity as string);
      levels.set(key, level);
    }
    const inLockOrder = [...levels.values()].sort((a, b) => a.productId - b.productId || a.warehouseId - b.warehouseId);
    for (const { productId, warehouseId, quantities } of inLockOrder) {
      const total = sumQuantities(quantities);
      const level = await addStock({ productId, warehouseId }, total, transaction);
      await auditStockLevelChange(actor, 'import', level, { onHand: total, created: level.created }, { receipts: quantities.length }, transaction);
    }

    await insertImportedRows(
      StockMovement,
      rows.map((row) => ({
        product_id: row.values.product_id,
        warehouse_id: row.values.warehouse_id,
        kind: 'receipt',
        quantity: row.values.quantity,
        batch_no: row.values.batch_no,
        reference: row.values.reference ?? null,
        performed_by_id: actor.id,
      })),
      context,
    );
  },
};

function keyOf(productId: number, warehouseId: number, batchNo: string, reference: string | null): string {
  return [productId, warehouseId, batchNo, reference ?? ''].join('\u0000');
}

function receiptKey(row: ImportRow): string | null {
  const { product_id: productId, warehouse_id: warehouseId, batch_no: batchNo, reference } = row.values;
  if (typeof productId !== 'number' || typeof warehouseId !== 'number' || typeof batchNo !== 'string') return null;
  return keyOf(productId, warehouseId, batchNo, typeof reference === 'string' ? reference : null);
}
