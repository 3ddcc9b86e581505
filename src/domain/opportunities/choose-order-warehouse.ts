import { QueryTypes, type Transaction } from 'sequelize';
import { Warehouse, type Customer } from '../../models/index.js';

/**
 * Where a won opportunity's order should ship from: an active warehouse of the customer's own
 * branch, else of its parent branch (a gas station's branch company), else any active one; among
 * equals, one that can already cover the quantity, then the oldest. The order is a draft, so the
 * rep can still change it before confirming.
 */
export async function chooseOrderWarehouse(customer: Customer, productId: number, quantity: string, transaction: Transaction): Promise<Warehouse | null> {
  const [choice] = await Warehouse.sequelize!.query<{ id: number }>(
    `SELECT w.id
       FROM warehouses w
       JOIN branches b ON b.id = $1
       LEFT JOIN stock_levels s ON s.warehouse_id = w.id AND s.product_id = $2
      WHERE w.active
      ORDER BY CASE WHEN w.branch_id = b.id THEN 0 WHEN w.branch_id = b.parent_id THEN 1 ELSE 2 END,
               COALESCE(s.on_hand - s.reserved, 0) >= $3 DESC,
               w.id
      LIMIT 1`,
    { bind: [customer.branch_id, productId, quantity], type: QueryTypes.SELECT, transaction },
  );
  return choice ? Warehouse.findByPk(choice.id, { transaction }) : null;
}
