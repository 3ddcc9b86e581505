import { QueryTypes, type Transaction } from 'sequelize';
import { StockLevel } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { subtractQuantity } from './quantity.js';

/**
 * Every change of a stock level is one conditional UPDATE: the condition (enough available, enough
 * reserved) is checked by PostgreSQL on the row it locks, so two transactions can never both spend
 * the last ton. A change returns the row as it is after the update, or null when the condition
 * failed and nothing changed. Callers touching several levels do so in (product, warehouse) order,
 * so their row locks cannot deadlock.
 */
export interface StockLevelRow {
  id: number;
  product_id: number;
  warehouse_id: number;
  on_hand: string;
  reserved: string;
}

export interface StockLevelKey {
  productId: number;
  warehouseId: number;
}

/** Promises `quantity` of what is available (on hand − reserved) to an order. */
export function reserveStock(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<StockLevelRow | null> {
  return updateLevel('reserved = reserved + $3', 'on_hand - reserved >= $3', key, quantity, transaction);
}

/** Gives back a reservation (an order cancelled). */
export function releaseReservedStock(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<StockLevelRow | null> {
  return updateLevel('reserved = reserved - $3', 'reserved >= $3', key, quantity, transaction);
}

/** Takes reserved stock out of the warehouse (an order shipped). */
export function issueReservedStock(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<StockLevelRow | null> {
  return updateLevel('on_hand = on_hand - $3, reserved = reserved - $3', 'reserved >= $3', key, quantity, transaction);
}

/** Takes stock nobody has reserved out of the warehouse (a transfer out, a stock-take loss). */
export function removeAvailableStock(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<StockLevelRow | null> {
  return updateLevel('on_hand = on_hand - $3', 'on_hand - reserved >= $3', key, quantity, transaction);
}

/** Adds stock, creating the product's level in that warehouse on its first arrival. */
export async function addStock(key: StockLevelKey, quantity: string, transaction: Transaction): Promise<StockLevelRow & { created: boolean }> {
  const rows = await StockLevel.sequelize!.query<StockLevelRow & { created: boolean }>(
    `INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved)
     VALUES ($1, $2, $3, 0)
     ON CONFLICT (product_id, warehouse_id)
       DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand, updated_at = now()
     -- xmax is 0 only on a freshly inserted row version: the usual way to tell insert from update
     RETURNING id, product_id, warehouse_id, on_hand, reserved, (xmax = 0) AS created`,
    { bind: [key.productId, key.warehouseId, quantity], type: QueryTypes.SELECT, transaction },
  );
  return rows[0];
}

/** The level as it is now, for a refusal that says how much there is; null if none was ever kept. */
export async function readStockLevel(key: StockLevelKey, transaction: Transaction): Promise<StockLevelRow | null> {
  const level = await StockLevel.findOne({ where: { product_id: key.productId, warehouse_id: key.warehouseId }, transaction });
  return level ? pick(level.get({ plain: true })) : null;
}

export function availableOf(level: StockLevelRow | null): string {
  return level ? subtractQuantity(level.on_hand, level.reserved) : '0.000';
}

/**
 * Locks the levels of one product in several warehouses, lowest warehouse id first, creating the
 * missing ones empty: a transfer A→B and one B→A at the same moment then queue instead of
 * deadlocking. Returns the warehouses whose level it had to create.
 */
export async function lockStockLevels(productId: number, warehouseIds: number[], transaction: Transaction): Promise<number[]> {
  const sequelize = StockLevel.sequelize!;
  const created = await sequelize.query<{ warehouse_id: number }>(
    `INSERT INTO stock_levels (product_id, warehouse_id)
     SELECT $1, unnest($2::int[]) ON CONFLICT (product_id, warehouse_id) DO NOTHING
     RETURNING warehouse_id`,
    { bind: [productId, warehouseIds], type: QueryTypes.SELECT, transaction },
  );
  await sequelize.query(
    `SELECT id FROM stock_levels WHERE product_id = $1 AND warehouse_id = ANY($2::int[]) ORDER BY warehouse_id FOR UPDATE`,
    { bind: [productId, warehouseIds], type: QueryTypes.SELECT, transaction },
  );
  return created.map((row) => row.warehouse_id);
}

/** How a level moved: signed changes of on hand and reserved; `created` when the level is new. */
export interface StockLevelDelta {
  onHand?: string;
  reserved?: string;
  created?: boolean;
}

/** One audit row for a level, with on hand and reserved before and after (the whole row when new). */
export function auditStockLevelChange(
  actor: Actor,
  action: string,
  after: StockLevelRow,
  delta: StockLevelDelta,
  details: Record<string, unknown>,
  transaction: Transaction,
): Promise<void> {
  const now = { on_hand: after.on_hand, reserved: after.reserved };
  const before = delta.created
    ? null
    : { on_hand: subtractQuantity(after.on_hand, delta.onHand ?? '0'), reserved: subtractQuantity(after.reserved, delta.reserved ?? '0') };
  return recordAudit(
    actor,
    {
      action,
      resource: 'stock_levels',
      recordId: after.id,
      before,
      after: before ? now : { product_id: after.product_id, warehouse_id: after.warehouse_id, ...now },
      details,
    },
    transaction,
  );
}

async function updateLevel(
  assignments: string,
  condition: string,
  key: StockLevelKey,
  quantity: string,
  transaction: Transaction,
): Promise<StockLevelRow | null> {
  const rows = await StockLevel.sequelize!.query<StockLevelRow>(
    `UPDATE stock_levels SET ${assignments}, updated_at = now()
      WHERE product_id = $1 AND warehouse_id = $2 AND ${condition}
      RETURNING id, product_id, warehouse_id, on_hand, reserved`,
    { bind: [key.productId, key.warehouseId, quantity], type: QueryTypes.SELECT, transaction },
  );
  return rows[0] ?? null;
}

function pick(row: StockLevelRow): StockLevelRow {
  return { id: row.id, product_id: row.product_id, warehouse_id: row.warehouse_id, on_hand: row.on_hand, reserved: row.reserved };
}
