import { QueryTypes } from 'sequelize';
import { StockLevel } from '../../models/index.js';
import type { Unit } from './quantity.js';

export interface LowStockRow {
  stock_level_id: number;
  product_id: number;
  sku: string;
  product_name: string;
  unit: Unit;
  warehouse_id: number;
  warehouse_name: string;
  on_hand: string;
  reserved: string;
  available: string;
  safety_stock: string;
  shortfall: string;
}

/**
 * 低库存预警: the stock levels whose available quantity (on hand − reserved: what can still be
 * promised) is below the product's safety stock, worst shortfall first. Active products in active
 * warehouses only; every figure comes from PostgreSQL, exact.
 */
export async function listLowStock(filter: { warehouseId?: number } = {}): Promise<LowStockRow[]> {
  return StockLevel.sequelize!.query<LowStockRow>(
    `SELECT s.id AS stock_level_id, p.id AS product_id, p.sku, p.name AS product_name, p.unit,
            w.id AS warehouse_id, w.name AS warehouse_name,
            s.on_hand, s.reserved, s.on_hand - s.reserved AS available, p.safety_stock,
            p.safety_stock - (s.on_hand - s.reserved) AS shortfall
       FROM stock_levels s
       JOIN products p ON p.id = s.product_id
       JOIN warehouses w ON w.id = s.warehouse_id
      WHERE p.active AND w.active
        AND s.on_hand - s.reserved < p.safety_stock
        AND ($1::int IS NULL OR s.warehouse_id = $1)
      ORDER BY shortfall DESC, p.name, w.name`,
    { bind: [filter.warehouseId ?? null], type: QueryTypes.SELECT },
  );
}
