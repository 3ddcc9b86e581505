import type { Transaction } from 'sequelize';
import { Payment } from '../../models/index.js';
import type { PAYMENT_METHODS } from '../../models/payment.model.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRows } from './insert-rows.js';
import { centsToText } from './money.js';
import type { DemoOrder } from './orders.js';
import type { DemoRandom } from './random.js';

type Method = (typeof PAYMENT_METHODS)[number];

/**
 * How a buyer pays: most within the month's terms, some a month or two late, a few leave part of a
 * shipment owed for a long time (what the aging view and the watch list are for). Gas stations and
 * small traders pay before their goods are confirmed (先款后货).
 */
type Payer = 'prompt' | 'slow' | 'late';
const PREPAYING_TYPES = new Set(['gas_station', 'fleet']);
/** Older debts of slow and late payers were settled in the end (or written into a payment plan). */
const LATE_PAYERS_SETTLE_DAYS = 240;

interface PaymentRow {
  order_id: number;
  customer_id: number;
  amount: string;
  received_on: string;
  method: Method;
  reference: string;
  recorded_by_id: number;
  notes: null;
  created_at: Date;
  updated_at: Date;
}

/** Receipts against the confirmed and later orders, in full or in parts, never after today. */
export async function loadPayments(transaction: Transaction, random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], orders: DemoOrder[], financeId: number): Promise<void> {
  const payers = new Map(customers.map((customer) => [customer.id, random.weighted<Payer>([['prompt', 70], ['slow', 22], ['late', 8]])]));
  const rows: PaymentRow[] = [];
  const pay = (order: DemoOrder, cents: bigint, at: Date) => {
    if (cents <= 0n || !clock.isPast(at)) return;
    const method = random.weighted<Method>([['bank_transfer', 65], ['bank_acceptance', 30], ['cash', 5]]);
    rows.push({
      order_id: order.id, customer_id: order.customer.id, amount: centsToText(cents), received_on: clock.day(at), method,
      reference: `${method === 'bank_acceptance' ? 'CD' : 'HD'}${clock.day(at).replace(/-/g, '')}${random.digits(6)}`,
      recorded_by_id: financeId, notes: null, created_at: at, updated_at: at,
    });
  };
  for (const order of [...orders].sort((a, b) => a.id - b.id)) {
    if (order.status === 'draft' || order.status === 'cancelled') continue;
    const payer = payers.get(order.customer.id)!;
    if (PREPAYING_TYPES.has(order.customer.profile.type) && order.confirmedAt) {
      const hoursToConfirm = (order.confirmedAt.getTime() - order.createdAt.getTime()) / 3_600_000;
      pay(order, order.totalCents, clock.later(order.createdAt, hoursToConfirm * random.between(0.2, 0.9)));
      continue;
    }
    if (!order.shippedAt) continue;
    const shippedDaysAgo = clock.daysAgo(order.shippedAt);
    if (payer === 'prompt' || shippedDaysAgo > LATE_PAYERS_SETTLE_DAYS) {
      pay(order, order.totalCents, clock.later(order.shippedAt, random.between(3, 35) * 24));
    } else if (payer === 'slow') {
      const first = (order.totalCents * BigInt(random.int(40, 60))) / 100n;
      pay(order, first, clock.later(order.shippedAt, random.between(20, 40) * 24));
      pay(order, order.totalCents - first, clock.later(order.shippedAt, random.between(55, 85) * 24));
    } else if (shippedDaysAgo > 45) {
      // A late payer settles part, in bills, and leaves the rest owed for months.
      pay(order, (order.totalCents * BigInt(random.int(30, 70))) / 100n, clock.later(order.shippedAt, random.between(40, 75) * 24));
    }
  }
  await insertRows(Payment, rows, transaction);
}
