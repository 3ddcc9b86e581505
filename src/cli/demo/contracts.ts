import { addDays, addMonths, monthStart } from '../../clock/calendar-day.js';
import type { Transaction } from 'sequelize';
import { Contract } from '../../models/index.js';
import type { CONTRACT_STATUSES } from '../../models/contract.model.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import { centsToText, milliToText } from './money.js';
import type { DemoOrder } from './orders.js';
import type { DemoRandom } from './random.js';

type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export interface DemoContract {
  id: number;
  title: string;
  customer: DemoCustomer;
  product: DemoProduct;
  startDate: string;
  endDate: string;
  committedMilli: number;
  amountCents: bigint;
  status: ContractStatus;
  signedOn: string | null;
  createdAt: Date;
  notes: string | null;
}

const CONTRACT_BUYERS = new Set(['distributor', 'manufacturer', 'trader', 'gas_station', 'fleet']);
const CONTRACTS = 40;
const TERMS = [[12, '年度长约'], [6, '半年度供货合同'], [3, '季度供货合同']] as const;

/**
 * Term contracts of the largest buyers for their main grade: the tons they committed to lift over the
 * period. Orders of that customer and grade within the period point to the contract.
 */
export function generateContracts(random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], orders: DemoOrder[]): DemoContract[] {
  const bought = new Map<DemoCustomer, bigint>();
  for (const order of orders) if (order.status !== 'cancelled') bought.set(order.customer, (bought.get(order.customer) ?? 0n) + order.totalCents);
  const largest = customers
    .filter((customer) => CONTRACT_BUYERS.has(customer.profile.type) && bought.has(customer))
    .sort((a, b) => Number(bought.get(b)! - bought.get(a)!))
    .slice(0, 26);
  const contracts: DemoContract[] = [];
  const add = ({ contract: made, covered }: { contract: DemoContract; covered: DemoOrder[] }) => {
    for (const order of covered) order.contract = made;
    contracts.push(made);
  };
  for (const [rank, customer] of largest.entries()) {
    const stopped = customer.lifecycle !== 'active';
    const [months, kind] = rank < 12 ? TERMS[0] : random.pick(TERMS);
    const offset = random.int(0, months - 1);
    // The largest renew every period: last period's contract is completed, this one runs. Customers
    // who stopped buying ended theirs early.
    const starts = stopped ? [random.int(14, 17)] : rank < 10 ? [months + offset, offset] : [random.int(0, 1) * months + offset];
    for (const startsMonthsAgo of starts) {
      add(contract(random, clock, { customer, product: customer.favourites[0], startsMonthsAgo, months, kind, terminated: stopped }, orders));
    }
  }
  // Next year's contracts of a few, for another grade, drafted but not signed yet.
  for (const customer of random.sample(largest.filter((candidate) => candidate.lifecycle === 'active'), CONTRACTS - contracts.length)) {
    const product = customer.favourites[1] ?? customer.favourites[0];
    add(contract(random, clock, { customer, product, startsMonthsAgo: -1, months: 12, kind: TERMS[0][1], terminated: false }, orders));
  }
  // Contract numbers follow the order they were drafted in.
  return contracts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

interface ContractTerms {
  customer: DemoCustomer;
  product: DemoProduct;
  startsMonthsAgo: number;
  months: number;
  kind: string;
  terminated: boolean;
}

function contract(random: DemoRandom, clock: DemoClock, terms: ContractTerms, orders: DemoOrder[]): { contract: DemoContract; covered: DemoOrder[] } {
  const { customer, product, startsMonthsAgo, months, kind, terminated } = terms;
  const startDate = firstOfMonth(clock, -startsMonthsAgo);
  const endDate = dayBefore(firstOfMonth(clock, -startsMonthsAgo + months), 1);
  const today = clock.dayFromToday(0);
  const status: ContractStatus = startDate > today ? 'draft' : terminated ? 'terminated' : endDate < today ? 'completed' : 'active';
  const covered = orders.filter((order) => order.customer === customer && order.status !== 'cancelled' && order.contract === null
    && clock.day(order.createdAt) >= startDate && clock.day(order.createdAt) <= endDate && order.lines.some((line) => line.product === product));
  const liftedMilli = covered.reduce((sum, order) => sum + order.lines.filter((line) => line.product === product).reduce((s, line) => s + line.quantityMilli, 0), 0);
  const monthsElapsed = Math.max(1, Math.min(months, startsMonthsAgo + 1));
  const monthlyMilli = liftedMilli > 0 ? liftedMilli / monthsElapsed : 100_000;
  const committedMilli = Math.ceil((monthlyMilli * months * random.between(0.95, 1.2)) / 10_000) * 10_000;
  const signedOn = status === 'draft' ? null : dayBefore(startDate, random.int(3, 20));
  const drafted = dayBefore(signedOn ?? today, random.int(1, 7));
  return {
    contract: {
      id: 0,
      title: `${customer.shortName} ${startDate.slice(0, 4)} 年 ${product.grade} ${kind}`,
      customer, product, startDate, endDate, committedMilli, status, signedOn,
      amountCents: (BigInt(committedMilli) * BigInt(product.listPrice * 100)) / 1000n,
      createdAt: new Date(`${drafted}T02:00:00Z`),
      notes: terminated ? '客户经营困难，双方协商提前终止' : random.chance(0.3) ? '价格按月度调价通知执行，每月 25 日前报下月提货计划' : null,
    },
    covered,
  };
}

function firstOfMonth(clock: DemoClock, monthsFromNow: number): string {
  return addMonths(monthStart(clock.dayFromToday(0)), monthsFromNow);
}

function dayBefore(day: string, days: number): string {
  return addDays(day, -days);
}

export async function loadContracts(transaction: Transaction, contracts: DemoContract[]): Promise<void> {
  const ids = await insertRowIds(
    Contract,
    contracts.map((contract) => ({
      title: contract.title,
      customer_id: contract.customer.id,
      product_id: contract.product.id,
      start_date: contract.startDate,
      end_date: contract.endDate,
      committed_quantity: milliToText(contract.committedMilli),
      unit: contract.product.unit,
      amount: centsToText(contract.amountCents),
      status: contract.status,
      signed_on: contract.signedOn,
      owner_id: contract.customer.ownerId,
      branch_id: contract.customer.branchId,
      notes: contract.notes,
      created_at: contract.createdAt,
      updated_at: contract.createdAt,
    })),
    transaction,
  );
  contracts.forEach((contract, index) => (contract.id = ids[index]));
}
