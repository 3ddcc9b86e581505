import type { STOCK_MOVEMENT_KINDS } from '../../models/stock-movement.model.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import { HISTORY_DAYS } from './customers.js';
import type { DemoOrder, DemoOrderLine } from './orders.js';
import type { DemoRandom } from './random.js';
import type { DemoWarehouse, Warehouses } from './warehouses.js';

/*
 * The stock ledger, replayed day by day per product and warehouse: receipts arrive when a shipment
 * would otherwise run the stock below zero, every shipment takes the oldest batch first, and the
 * levels at the end are exactly the sum of the movements.
 */

export interface DemoMovement {
  product: DemoProduct;
  warehouse: DemoWarehouse;
  kind: (typeof STOCK_MOVEMENT_KINDS)[number];
  /** Signed: receipts and transfers in add, shipments and transfers out remove. */
  quantityMilli: number;
  batchNo: string | null;
  order: DemoOrder | null;
  counterpart: DemoWarehouse | null;
  reference: string | null;
  reason: string | null;
  at: Date;
}

export interface DemoStockLevel {
  product: DemoProduct;
  warehouse: DemoWarehouse;
  onHandMilli: number;
  reservedMilli: number;
}

export interface StockLedger {
  movements: DemoMovement[];
  levels: DemoStockLevel[];
}

interface BatchStock {
  batchNo: string;
  remainingMilli: number;
}

interface Transfer {
  product: DemoProduct;
  from: DemoWarehouse;
  to: DemoWarehouse;
  quantityMilli: number;
  outAt: Date;
  inAt: Date;
  reference: string;
  /** The batches that left the source, filled when the source is replayed. */
  shares: BatchStock[];
}

type StockEvent =
  | { kind: 'shipment'; at: Date; quantityMilli: number; order: DemoOrder; line: DemoOrderLine }
  | { kind: 'transfer_out' | 'transfer_in'; at: Date; quantityMilli: number; transfer: Transfer }
  | { kind: 'adjustment'; at: Date; quantityMilli: number; reason: string };

// Bagged and drummed goods lose packages; tank goods breathe, and their volume moves with the temperature.
const PACKED_LOSSES = ['月度盘点：包装破损报废', '叉车作业破袋，清扫回收后报废', '月度盘点：计量损耗'];
const PACKED_GAINS = ['月度盘点盘盈：上月漏记入库'];
const TANK_LOSSES = ['油罐呼吸损耗，按月度盘点结果调整', '倒罐作业损耗', '月度盘点：计量损耗'];
const TANK_GAINS = ['盘点盘盈：地磅计量误差', '月度盘点：温度体积修正'];

/** Routes stock really moves along: plant to the Yangtze transit store and the Huangpu depot, transit store to Tianjin. */
const TRANSFER_ROUTES = [
  { from: 'W-MM01', to: 'W-NJ01', families: ['LLDPE', 'HDPE', 'PP'] },
  { from: 'W-MM01', to: 'W-GZ01', families: ['GASOLINE', 'DIESEL'] },
  { from: 'W-NJ01', to: 'W-TJ01', families: ['LLDPE', 'PP', 'MEG', 'LUBE'] },
] as const;
// A source is replayed before the stores it sends to.
const REPLAY_ORDER = ['W-MM01', 'W-NJ01', 'W-GZ01', 'W-TJ01'] as const;

export function simulateStock(random: DemoRandom, clock: DemoClock, products: DemoProduct[], warehouses: Warehouses, orders: DemoOrder[]): StockLedger {
  const ledger = new Ledger(random, clock);
  const transfers = planTransfers(random, clock, products, warehouses, ledger);
  const events = new Map<string, StockEvent[]>();
  const eventsOf = (product: DemoProduct, warehouse: DemoWarehouse) => {
    const key = pairKey(product, warehouse);
    if (!events.has(key)) events.set(key, []);
    return events.get(key)!;
  };
  for (const order of orders) {
    if (!order.shippedAt) continue;
    for (const line of order.lines) eventsOf(line.product, order.warehouse).push({ kind: 'shipment', at: order.shippedAt, quantityMilli: line.quantityMilli, order, line });
  }
  for (const transfer of transfers) {
    eventsOf(transfer.product, transfer.from).push({ kind: 'transfer_out', at: transfer.outAt, quantityMilli: transfer.quantityMilli, transfer });
    eventsOf(transfer.product, transfer.to).push({ kind: 'transfer_in', at: transfer.inAt, quantityMilli: transfer.quantityMilli, transfer });
  }
  const pairs = REPLAY_ORDER.flatMap((code) => products.filter((product) => warehouses.byCode(code).stocks(product)).map((product) => ({ product, warehouse: warehouses.byCode(code) })));
  for (const pair of random.sample(pairs, 10)) {
    const loss = random.chance(0.75);
    const packed = isPacked(pair.product);
    eventsOf(pair.product, pair.warehouse).push({
      kind: 'adjustment', at: clock.businessMoment(random.int(10, HISTORY_DAYS - 30), random.between(1, 9)),
      quantityMilli: (loss ? -1 : 1) * smallAdjustment(random, pair.product),
      reason: random.pick(loss ? (packed ? PACKED_LOSSES : TANK_LOSSES) : packed ? PACKED_GAINS : TANK_GAINS),
    });
  }

  const reserved = reservedQuantities(orders);
  const accounts = pairs.map(({ product, warehouse }) => {
    const pairEvents = (events.get(pairKey(product, warehouse)) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime());
    return ledger.replay(product, warehouse, pairEvents);
  });
  const lowStock = new Set(random.sample(accounts.filter((account) => account.shipments >= 3 && (reserved.get(account.key) ?? 0) < account.product.safetyStock * 600), 6));
  // The low ones first: their surplus goes to a store that ends well stocked.
  for (const account of accounts.filter((candidate) => lowStock.has(candidate))) {
    // Surplus goes back to the transit store if it can, otherwise to any store that keeps the grade.
    const destination = accounts
      .filter((candidate) => candidate.product === account.product && candidate !== account && !lowStock.has(candidate))
      .sort((a, b) => Number(b.warehouse.kind === 'transit') - Number(a.warehouse.kind === 'transit'))[0];
    ledger.endBelowSafetyStock(account, reserved.get(account.key) ?? 0, destination ?? null);
  }
  for (const account of accounts.filter((candidate) => !lowStock.has(candidate))) ledger.endWellStocked(account, reserved.get(account.key) ?? 0);

  return {
    movements: ledger.movements.sort((a, b) => a.at.getTime() - b.at.getTime()),
    levels: accounts.map((account) => ({
      product: account.product, warehouse: account.warehouse, onHandMilli: account.balanceMilli, reservedMilli: reserved.get(account.key) ?? 0,
    })),
  };
}

function pairKey(product: DemoProduct, warehouse: DemoWarehouse): string {
  return `${product.id}:${warehouse.id}`;
}

/** What confirmed orders hold: they have not shipped, but the stock is promised. */
function reservedQuantities(orders: DemoOrder[]): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const order of orders.filter((candidate) => candidate.status === 'confirmed')) {
    for (const line of order.lines) {
      const key = pairKey(line.product, order.warehouse);
      reserved.set(key, (reserved.get(key) ?? 0) + line.quantityMilli);
    }
  }
  return reserved;
}

function planTransfers(random: DemoRandom, clock: DemoClock, products: DemoProduct[], warehouses: Warehouses, ledger: Ledger): Transfer[] {
  return Array.from({ length: 12 }, () => {
    const route = random.pick(TRANSFER_ROUTES);
    const product = random.pick(products.filter((candidate) => (route.families as readonly string[]).includes(candidate.family) && candidate.unit === 'ton' && !candidate.coldClimate));
    const outAt = clock.businessMoment(random.int(20, HISTORY_DAYS - 20), random.between(1, 8));
    const tons = product.family === 'LUBE' ? random.int(10, 30) : product.family === 'GASOLINE' || product.family === 'DIESEL' ? random.int(50, 200) * 10 : random.int(20, 80) * 10;
    return {
      product, from: warehouses.byCode(route.from), to: warehouses.byCode(route.to), quantityMilli: tons * 1000, outAt,
      inAt: clock.plusHours(outAt, random.between(48, 144)), reference: ledger.nextReference('DB', outAt), shares: [],
    };
  });
}

function isPacked(product: DemoProduct): boolean {
  return product.unit === 'drum' || ['LLDPE', 'HDPE', 'LDPE', 'PP', 'PTA'].includes(product.family);
}

function smallAdjustment(random: DemoRandom, product: DemoProduct): number {
  if (product.unit === 'drum') return random.int(1, 3) * 1000;
  if (isPacked(product)) return random.int(1, 8) * 25; // 25 kg bags
  return random.int(50, 900);
}

interface Account {
  key: string;
  product: DemoProduct;
  warehouse: DemoWarehouse;
  balanceMilli: number;
  batches: BatchStock[];
  lotMilli: number;
  shipments: number;
  lastAt: Date;
}

class Ledger {
  readonly movements: DemoMovement[] = [];
  private readonly batchSequence = new Map<string, number>();
  private readonly referenceSequence = new Map<string, number>();

  constructor(private readonly random: DemoRandom, private readonly clock: DemoClock) {}

  replay(product: DemoProduct, warehouse: DemoWarehouse, events: StockEvent[]): Account {
    const demandMilli = events.reduce((sum, event) => sum + (event.kind === 'shipment' || event.kind === 'transfer_out' ? event.quantityMilli : 0), 0);
    const monthlyMilli = (demandMilli / HISTORY_DAYS) * 30;
    const lotMilli = roundUpToLot(product, Math.max(monthlyMilli * this.random.between(0.7, 1.4), product.safetyStock * 500));
    const openedAt = this.clock.businessMoment(HISTORY_DAYS + this.random.int(3, 10), 2);
    const account: Account = {
      key: pairKey(product, warehouse), product, warehouse, balanceMilli: 0, batches: [], lotMilli, shipments: 0, lastAt: openedAt,
    };
    this.receive(account, lotMilli, openedAt);
    for (const event of events) {
      if (event.kind === 'transfer_in') {
        const { from, reference, shares } = event.transfer;
        for (const share of shares) this.record(account, 'transfer_in', share.remainingMilli, share.batchNo, event.at, { counterpart: from, reference });
      } else if (event.kind === 'adjustment' && event.quantityMilli > 0) {
        this.record(account, 'adjustment', event.quantityMilli, account.batches[0]?.batchNo ?? null, event.at, { reason: event.reason });
      } else {
        this.take(account, Math.abs(event.quantityMilli), event);
      }
      account.lastAt = new Date(Math.max(account.lastAt.getTime(), event.at.getTime()));
    }
    return account;
  }

  /** Stock enough to cover what is promised and the safety stock, topped up by a recent receipt. */
  endWellStocked(account: Account, reservedMilli: number): void {
    const targetMilli = reservedMilli + account.product.safetyStock * 1000 * this.random.between(1.1, 2.2);
    if (account.balanceMilli < targetMilli) {
      this.receive(account, roundUpToLot(account.product, targetMilli - account.balanceMilli), this.recentMoment(account));
    }
  }

  /** Below the safety stock but still covering what is promised: the low-stock alert has something to show. */
  endBelowSafetyStock(account: Account, reservedMilli: number, destination: Account | null): void {
    const safetyMilli = account.product.safetyStock * 1000;
    const targetMilli = Math.ceil((reservedMilli + (safetyMilli - reservedMilli) * this.random.between(0.2, 0.7)) / 1000) * 1000;
    if (account.balanceMilli < reservedMilli) {
      this.receive(account, targetMilli - account.balanceMilli, this.recentMoment(account));
    } else if (account.balanceMilli >= safetyMilli && destination) {
      const outAt = this.recentMoment(account);
      const transfer: Transfer = {
        product: account.product, from: account.warehouse, to: destination.warehouse, quantityMilli: account.balanceMilli - targetMilli, outAt,
        inAt: this.clock.later(outAt, this.random.between(6, 30)), reference: this.nextReference('DB', outAt), shares: [],
      };
      this.take(account, transfer.quantityMilli, { kind: 'transfer_out', at: outAt, quantityMilli: transfer.quantityMilli, transfer });
      for (const share of transfer.shares) {
        this.record(destination, 'transfer_in', share.remainingMilli, share.batchNo, transfer.inAt, { counterpart: account.warehouse, reference: transfer.reference });
      }
    }
  }

  nextReference(prefix: string, at: Date): string {
    const day = this.clock.day(at).replaceAll('-', '');
    const key = prefix + day;
    const next = (this.referenceSequence.get(key) ?? 0) + 1;
    this.referenceSequence.set(key, next);
    return `${prefix}${day}-${String(next).padStart(3, '0')}`;
  }

  /** Takes from the oldest batches, receiving a new lot first if the stock would not cover it. */
  private take(account: Account, quantityMilli: number, event: StockEvent): void {
    if (account.balanceMilli < quantityMilli) {
      const arrival = this.clock.plusHours(event.at, -this.random.between(6, 72));
      this.receive(account, roundUpToLot(account.product, Math.max(account.lotMilli, quantityMilli - account.balanceMilli)), arrival < account.lastAt ? account.lastAt : arrival);
    }
    let left = quantityMilli;
    while (left > 0) {
      const batch = account.batches[0];
      const share = Math.min(left, batch.remainingMilli);
      left -= share;
      batch.remainingMilli -= share;
      if (batch.remainingMilli === 0) account.batches.shift();
      account.balanceMilli -= share;
      if (event.kind === 'shipment') {
        event.line.batches.push({ batchNo: batch.batchNo, quantityMilli: share });
        this.movements.push(this.movement(account, 'shipment', -share, batch.batchNo, event.at, { order: event.order, reference: null }));
      } else if (event.kind === 'transfer_out') {
        event.transfer.shares.push({ batchNo: batch.batchNo, remainingMilli: share });
        this.movements.push(this.movement(account, 'transfer_out', -share, batch.batchNo, event.at, { counterpart: event.transfer.to, reference: event.transfer.reference }));
      } else {
        this.movements.push(this.movement(account, 'adjustment', -share, batch.batchNo, event.at, { reason: event.kind === 'adjustment' ? event.reason : null }));
      }
    }
    if (event.kind === 'shipment') account.shipments++;
  }

  private receive(account: Account, quantityMilli: number, at: Date): void {
    const month = this.clock.day(at).slice(2, 7).replace('-', '');
    const batchKey = `${account.product.batchCode}${month}`;
    const sequence = (this.batchSequence.get(batchKey) ?? 0) + 1;
    this.batchSequence.set(batchKey, sequence);
    const batchNo = `B${month}-${account.product.batchCode}-${String(sequence).padStart(2, '0')}`;
    this.record(account, 'receipt', quantityMilli, batchNo, at, { reference: this.nextReference('RK', at) });
  }

  private record(
    account: Account, kind: DemoMovement['kind'], quantityMilli: number, batchNo: string | null, at: Date,
    extra: Partial<Pick<DemoMovement, 'counterpart' | 'reference' | 'reason'>>,
  ): void {
    account.balanceMilli += quantityMilli;
    if (batchNo) {
      const existing = account.batches.find((batch) => batch.batchNo === batchNo);
      if (existing) existing.remainingMilli += quantityMilli;
      else account.batches.push({ batchNo, remainingMilli: quantityMilli });
    }
    this.movements.push(this.movement(account, kind, quantityMilli, batchNo, at, extra));
  }

  private movement(
    account: Account, kind: DemoMovement['kind'], quantityMilli: number, batchNo: string | null, at: Date,
    extra: Partial<Pick<DemoMovement, 'order' | 'counterpart' | 'reference' | 'reason'>>,
  ): DemoMovement {
    return {
      product: account.product, warehouse: account.warehouse, kind, quantityMilli, batchNo, at,
      order: extra.order ?? null, counterpart: extra.counterpart ?? null, reference: extra.reference ?? null, reason: extra.reason ?? null,
    };
  }

  /** After everything the account has seen, within the last few days. */
  private recentMoment(account: Account): Date {
    const candidate = this.clock.businessMoment(this.random.int(1, 6), this.random.between(1, 9));
    return candidate < account.lastAt ? this.clock.later(account.lastAt, 1) : candidate;
  }
}

/** Receipts come in whole lots: tens of tons, whole tons of lubricant, tens of drums. */
function roundUpToLot(product: DemoProduct, quantityMilli: number): number {
  const step = product.unit === 'drum' ? 10_000 : product.family === 'LUBE' ? 1000 : 10_000;
  return Math.max(step, Math.ceil(quantityMilli / step) * step);
}
