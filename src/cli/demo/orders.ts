import type { SALES_ORDER_STATUSES, SHIPPING_METHODS } from '../../models/sales-order.model.js';
import type { DemoProduct, ProductFamily } from './catalogue.js';
import type { DemoContract } from './contracts.js';
import type { DemoOpportunity } from './opportunities.js';
import type { DemoClock } from './clock.js';
import { HISTORY_DAYS, type DemoCustomer } from './customers.js';
import { lineAmountCents } from './money.js';
import type { DemoRandom } from './random.js';
import type { DemoWarehouse, Warehouses } from './warehouses.js';

export type OrderStatus = (typeof SALES_ORDER_STATUSES)[number];
type ShippingMethod = (typeof SHIPPING_METHODS)[number];

/** The part of a line's quantity that left the warehouse from one batch. */
export interface BatchShare {
  batchNo: string;
  quantityMilli: number;
}

export interface DemoOrderLine {
  product: DemoProduct;
  quantityMilli: number;
  priceCents: number;
  discountBasisPoints: number;
  amountCents: bigint;
  /** Filled by the stock simulation for lines that shipped. */
  batches: BatchShare[];
}

export interface DemoOrder {
  id: number;
  /** Numbered by the database when the order is inserted. */
  orderNo: string;
  customer: DemoCustomer;
  warehouse: DemoWarehouse;
  status: OrderStatus;
  createdAt: Date;
  confirmedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  /** When the order last changed: its updated_at. */
  lastChangeAt: Date;
  plannedDeliveryAt: Date;
  cancelReason: string | null;
  shippingMethod: ShippingMethod;
  notes: string | null;
  lines: DemoOrderLine[];
  totalCents: bigint;
  opportunity: DemoOpportunity | null;
  contract: DemoContract | null;
}

// A typical order line of an ordinary buyer, in the product's unit.
const TYPICAL_QUANTITY: Record<ProductFamily, readonly [number, number]> = {
  LLDPE: [10, 40], HDPE: [10, 40], LDPE: [5, 25], PP: [10, 45], MEG: [80, 300], PTA: [100, 400],
  GASOLINE: [15, 45], DIESEL: [15, 45], LUBE: [1, 6], ASPHALT: [60, 300],
};
const TYPICAL_DRUMS: readonly [number, number] = [8, 60];

const SHIPPING: Record<ProductFamily, readonly (readonly [ShippingMethod, number])[]> = {
  LLDPE: [['bagged_truck', 75], ['rail', 10], ['ship', 8], ['pickup', 7]],
  HDPE: [['bagged_truck', 75], ['rail', 10], ['ship', 8], ['pickup', 7]],
  LDPE: [['bagged_truck', 80], ['rail', 8], ['pickup', 12]],
  PP: [['bagged_truck', 75], ['rail', 10], ['ship', 8], ['pickup', 7]],
  MEG: [['tank_truck', 50], ['ship', 35], ['rail', 15]],
  PTA: [['bagged_truck', 60], ['rail', 25], ['ship', 15]],
  GASOLINE: [['tank_truck', 85], ['ship', 5], ['rail', 5], ['pickup', 5]],
  DIESEL: [['tank_truck', 80], ['ship', 5], ['rail', 5], ['pickup', 10]],
  LUBE: [['bagged_truck', 60], ['pickup', 40]],
  ASPHALT: [['tank_truck', 80], ['ship', 20]],
};

// Hours from shipping to the customer's gate; the signed receipt comes back half a day to four days later.
const TRANSIT_HOURS: Record<ShippingMethod, readonly [number, number]> = {
  tank_truck: [4, 30], bagged_truck: [8, 48], rail: [48, 120], ship: [72, 240], pickup: [0.5, 3],
};

const CANCEL_REASONS = [
  '客户取消本月采购计划',
  '价格未谈妥，客户撤单',
  '客户信用额度不足，暂缓执行',
  '重复下单，作废',
  '客户要求改为下月提货，重新下单',
  '运力不足，客户改从其他渠道采购',
  '客户装置检修停车，暂停采购',
];

const ORDER_NOTES = [
  '随货附质检报告（COA）',
  '要求上午卸货，提前一天电话通知',
  '开具增值税专用发票，票随货走',
  '分两车发运',
  '客户自提，提货人凭身份证及提货单',
  '按年度合同价格执行',
  '送货至客户二号仓库',
];

/** Eighteen months of orders, customer by customer, in the order they were placed. */
export function generateOrders(random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], warehouses: Warehouses): DemoOrder[] {
  const orders: DemoOrder[] = [];
  for (const customer of customers) {
    if (customer.lifecycle === 'prospect') continue;
    for (const daysAgo of orderDays(random, customer)) orders.push(newOrder(random, clock, customer, warehouses, daysAgo));
  }
  return orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Orders between the customer's first and last ordering day, at its own rhythm: regular buyers
 * reorder every few weeks, never three months apart, so going quiet is a signal, not chance.
 */
function orderDays(random: DemoRandom, customer: DemoCustomer): number[] {
  const perMonth = Math.min(6, Math.max(0.6, customer.profile.ordersPerMonth * customer.size ** 0.5));
  const meanGapDays = 30 / perMonth;
  const gap = () => random.between(0.4, 1.6) * meanGapDays;
  const days: number[] = [];
  let daysAgo = customer.firstOrderDaysAgo >= HISTORY_DAYS ? HISTORY_DAYS - gap() : customer.firstOrderDaysAgo;
  while (daysAgo >= customer.lastOrderDaysAgo) {
    days.push(Math.floor(daysAgo));
    daysAgo -= gap();
  }
  if (days.length === 0) days.push(Math.max(customer.lastOrderDaysAgo, Math.min(HISTORY_DAYS - 1, customer.firstOrderDaysAgo)));
  return days;
}

function newOrder(random: DemoRandom, clock: DemoClock, customer: DemoCustomer, warehouses: Warehouses, daysAgo: number): DemoOrder {
  const profile = customer.profile;
  const first = random.weighted(customer.favourites.map((product, index) => [product, 1 / (index + 1)] as const));
  const warehouse = warehouses.servingBranch(customer.branchCode, first.family);
  const lineCount = random.weighted([[1, profile.linesPerOrder[0]], [2, profile.linesPerOrder[1]], [3, profile.linesPerOrder[2]]] as const);
  const products = [first, ...random.shuffle(customer.favourites.filter((product) => product !== first && warehouse.stocks(product)))].slice(0, lineCount);
  const lines = products.map((product) => newLine(random, customer, product));
  const shippingMethod = random.weighted(SHIPPING[first.family]);

  const createdAt = clock.businessMoment(daysAgo, random.between(0.3, 9.7));
  // Every draw is made whatever the outcome, so the same seed gives the same orders on any day.
  const confirmHours = random.between(0.5, 20);
  const shipHours = random.between(24, 240);
  const transitHours = random.between(...TRANSIT_HOURS[shippingMethod]) + random.between(12, 96);
  const closeHours = random.between(7, 35) * 24;
  const staysDraft = random.chance(0.45);
  const staysDelivered = random.chance(0.35);
  const cancelled = random.chance(0.05);
  const cancelAfterHours = random.between(2, 72);
  const cancelReason = random.pick(CANCEL_REASONS);
  const notes = random.chance(0.08) ? random.pick(ORDER_NOTES) : null;

  const confirmAt = clock.plusHours(createdAt, confirmHours);
  const shipAt = clock.plusHours(confirmAt, shipHours);
  const deliverAt = clock.plusHours(shipAt, transitHours);
  const closeAt = clock.plusHours(deliverAt, closeHours);
  const order: DemoOrder = {
    id: 0, orderNo: '', customer, warehouse, status: 'draft', createdAt, confirmedAt: null, shippedAt: null, deliveredAt: null, cancelledAt: null,
    lastChangeAt: createdAt, plannedDeliveryAt: deliverAt, cancelReason: null, shippingMethod, notes, lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0n), opportunity: null, contract: null,
  };
  if (cancelled) {
    const cancelAt = clock.later(createdAt, cancelAfterHours);
    if (clock.isPast(confirmAt) && confirmAt < cancelAt) order.confirmedAt = confirmAt;
    return { ...order, status: 'cancelled', cancelledAt: cancelAt, cancelReason, lastChangeAt: cancelAt };
  }
  // Orders entered in the last days are partly still drafts; delivered orders wait for payment to close.
  if (!clock.isPast(confirmAt) || (daysAgo <= 5 && staysDraft)) return order;
  order.status = 'confirmed';
  order.confirmedAt = order.lastChangeAt = confirmAt;
  if (!clock.isPast(shipAt)) return order;
  order.status = 'shipped';
  order.shippedAt = order.lastChangeAt = shipAt;
  if (!clock.isPast(deliverAt)) return order;
  order.status = 'delivered';
  order.deliveredAt = order.lastChangeAt = deliverAt;
  if (!clock.isPast(closeAt) || (daysAgo <= 90 && staysDelivered)) return order;
  order.status = 'closed';
  order.lastChangeAt = closeAt;
  return order;
}

function newLine(random: DemoRandom, customer: DemoCustomer, product: DemoProduct): DemoOrderLine {
  const [low, high] = product.unit === 'drum' ? TYPICAL_DRUMS : TYPICAL_QUANTITY[product.family];
  const quantity = random.between(low, high) * customer.profile.quantityFactor * customer.size ** 0.7;
  const quantityMilli = roundQuantity(product, quantity);
  const price = product.listPrice * random.between(0.95, 1.05);
  // Per-ton prices are quoted in tens of yuan, drums in whole yuan; both stay within ±5 % of list.
  const step = product.unit === 'drum' ? 1 : 10;
  const priceYuan = Math.min(Math.max(Math.round(price / step) * step, Math.ceil((product.listPrice * 0.95) / step) * step), Math.floor((product.listPrice * 1.05) / step) * step);
  const discountBasisPoints = random.chance(customer.size > 4 ? 0.25 : 0.1) ? random.pick([50, 100, 150, 200, 300]) : 0;
  const priceCents = priceYuan * 100;
  return { product, quantityMilli, priceCents, discountBasisPoints, amountCents: lineAmountCents(quantityMilli, priceCents, discountBasisPoints), batches: [] };
}

/** Bagged resins sell by the whole ton, drums by the drum, tank loads to the kilogram the weighbridge shows. */
function roundQuantity(product: DemoProduct, quantity: number): number {
  if (product.unit === 'drum') return Math.max(1, Math.round(quantity)) * 1000;
  switch (product.family) {
    case 'LLDPE': case 'HDPE': case 'LDPE': case 'PP': case 'PTA':
      return Math.max(1, Math.round(quantity)) * 1000;
    case 'LUBE':
      return Math.max(5, Math.round(quantity * 10)) * 100;
    default:
      return Math.max(1000, Math.round(quantity * 1000));
  }
}
