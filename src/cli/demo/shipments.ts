import { QueryTypes, type CreationAttributes, type Sequelize, type Transaction } from 'sequelize';
import type { Shipment } from '../../models/index.js';
import type { TransportMode } from '../../models/shipment.model.js';
import { LOSS_TOLERANCE_PCT } from '../../domain/logistics/transport-modes.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import { insertColumns } from './insert-columns.js';
import type { DemoRandom } from './random.js';

/** Where each store's carriers are registered: the first characters of their plates. */
const PLATE_PREFIXES: Record<string, readonly string[]> = {
  'W-MM01': ['粤K', '粤K', '粤G'],
  'W-NJ01': ['苏A', '苏A', '苏K', '皖E'],
  'W-GZ01': ['粤A', '粤A', '粤E'],
  'W-TJ01': ['津C', '津C', '冀J'],
};
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const VESSELS = ['宁化 418', '苏宁化 0618', '粤湛江油 3396', '浙海 518', '长航油运 宁化 6', '津港油 2201', '扬子江 77'];

interface LedgerShipment {
  id: number;
  order_id: number;
  product_id: number;
  batch_id: number | null;
  warehouse_id: number;
  warehouse_code: string;
  quantity: string;
  occurred_at: Date;
  shipping_method: string | null;
  status: string;
  delivered_at: Date | null;
  owner_id: number | null;
}

interface Conveyance {
  mode: TransportMode;
  plate: string | null;
  railcar: string | null;
  vessel: string | null;
  seal: string | null;
}

/**
 * A transport document for every shipment movement of the ledger: the order's truck, rail car or
 * ship (one per order; a pickup leaves on the customer's own), sealed unless it carries bags. What
 * the customer received is recorded for orders delivered since: most losses stay within the mode's
 * tolerance, a few do not. A handful of recent pickups still wait for their plate.
 */
export async function loadShipments(sequelize: Sequelize, transaction: Transaction, random: DemoRandom, clock: DemoClock, products: DemoProduct[], clerkId: number): Promise<void> {
  const family = new Map(products.map((product) => [product.id, product.family]));
  const movements = await sequelize.query<LedgerShipment>(
    `SELECT m.id, m.order_id, m.product_id, m.batch_id, m.warehouse_id, w.code AS warehouse_code, m.quantity, m.occurred_at,
            o.shipping_method, o.status, o.delivered_at, o.owner_id
       FROM stock_movements m JOIN sales_orders o ON o.id = m.order_id JOIN warehouses w ON w.id = m.warehouse_id
      WHERE m.kind = 'shipment' ORDER BY m.order_id, m.id`,
    { type: QueryTypes.SELECT, transaction },
  );
  const conveyances = new Map<number, Conveyance>();
  const rows: Array<CreationAttributes<Shipment>> = [];
  for (const movement of movements) {
    let conveyance = conveyances.get(movement.order_id);
    if (!conveyance) {
      const bulk = !['LLDPE', 'HDPE', 'LDPE', 'PP', 'PTA', 'LUBE'].includes(family.get(movement.product_id)!);
      conveyance = newConveyance(random, movement, bulk, clock);
      conveyances.set(movement.order_id, conveyance);
    }
    const loaded = Math.round(-Number(movement.quantity) * 1000);
    const received = movement.delivered_at ? loaded - loss(random, conveyance.mode, loaded) : null;
    rows.push({
      order_id: movement.order_id, product_id: movement.product_id, batch_id: movement.batch_id, warehouse_id: movement.warehouse_id, stock_movement_id: movement.id,
      transport_mode: conveyance.mode, vehicle_plate: conveyance.plate, railcar_no: conveyance.railcar, vessel_name: conveyance.vessel, seal_no: conveyance.seal,
      loaded_quantity: (loaded / 1000).toFixed(3), received_quantity: received === null ? null : (received / 1000).toFixed(3), tolerance_pct: LOSS_TOLERANCE_PCT[conveyance.mode],
      status: received === null ? 'in_transit' : 'received', shipped_at: movement.occurred_at, received_at: movement.delivered_at,
      shipped_by_id: movement.warehouse_code === 'W-NJ01' ? clerkId : null, received_by_id: received === null ? null : movement.owner_id, notes: null,
      created_at: movement.occurred_at, updated_at: movement.delivered_at ?? movement.occurred_at,
    });
  }
  await insertColumns(sequelize, transaction, 'shipments', [
    ['order_id', 'int'], ['product_id', 'int'], ['batch_id', 'int'], ['warehouse_id', 'int'], ['stock_movement_id', 'int'], ['transport_mode', 'text'],
    ['vehicle_plate', 'text'], ['railcar_no', 'text'], ['vessel_name', 'text'], ['seal_no', 'text'], ['loaded_quantity', 'numeric'], ['received_quantity', 'numeric'],
    ['tolerance_pct', 'numeric'], ['status', 'text'], ['shipped_at', 'timestamptz'], ['received_at', 'timestamptz'], ['shipped_by_id', 'int'],
    ['received_by_id', 'int'], ['notes', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], rows);
}

function newConveyance(random: DemoRandom, movement: LedgerShipment, bulk: boolean, clock: DemoClock): Conveyance {
  const method = movement.shipping_method;
  const mode: TransportMode = method === 'rail' ? 'rail_tank_car' : method === 'ship' ? 'ship' : method === 'bagged_truck' ? 'bagged_truck'
    : method === 'tank_truck' || bulk ? 'tank_truck' : 'bagged_truck';
  const sealed = mode !== 'bagged_truck';
  const seal = sealed ? `${{ tank_truck: 'QF', rail_tank_car: 'TL', ship: 'CB', bagged_truck: '' }[mode]}${random.digits(7)}` : null;
  // A customer's own truck at a pickup shipped in the last two days: its plate is still to be keyed in.
  if (method === 'pickup' && movement.status === 'shipped' && clock.daysAgo(movement.occurred_at) <= 2) return { mode, plate: null, railcar: null, vessel: null, seal: null };
  if (mode === 'rail_tank_car') return { mode, plate: null, railcar: `6${random.digits(6)}`, vessel: null, seal };
  if (mode === 'ship') return { mode, plate: null, railcar: null, vessel: random.pick(VESSELS), seal };
  const prefix = random.pick(PLATE_PREFIXES[movement.warehouse_code] ?? ['苏A']);
  const tail = random.chance(0.3) ? `${random.pick([...PLATE_LETTERS])}${random.digits(4)}` : random.digits(5);
  return { mode, plate: `${prefix}${tail}`, railcar: null, vessel: null, seal };
}

/** Thousandths lost on the way: within the tolerance nine times in ten; bagged goods lose whole 25 kg bags, if any. */
function loss(random: DemoRandom, mode: TransportMode, loadedMilli: number): number {
  if (mode === 'bagged_truck') return random.chance(0.06) ? 25 * random.int(1, 2) : 0;
  const allowed = (loadedMilli * Number(LOSS_TOLERANCE_PCT[mode])) / 100;
  return Math.round(allowed * (random.chance(0.9) ? random.between(0.05, 0.95) : random.between(1.1, 2.5)));
}
