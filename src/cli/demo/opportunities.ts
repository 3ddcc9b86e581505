import type { Transaction } from 'sequelize';
import { Opportunity } from '../../models/index.js';
import type { OPPORTUNITY_STAGES } from '../../models/opportunity.model.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import { centsToText, milliToText } from './money.js';
import type { DemoOrder } from './orders.js';
import type { DemoRandom } from './random.js';

type Stage = (typeof OPPORTUNITY_STAGES)[number];

const OPEN_STAGES: readonly (readonly [Stage, number])[] = [['lead', 18], ['qualified', 18], ['proposal', 16], ['negotiation', 14]];
const WON = 32;
const LOST = 22;

const LOST_REASONS = [
  '价格高于竞争对手（恒力石化报价低 150 元/吨）',
  '客户改用进口料，认为批次稳定性更好',
  '交货期不满足客户开机计划',
  '客户信用额度不足，未通过授信审批',
  '客户项目延期，需求取消',
  '牌号不匹配，客户设备需要高熔指料',
  '竞争对手提供账期 60 天',
  '客户被同行收购，统一集采',
];

const TRIAL_PURPOSES = ['新产线试料', '小批量试用', '补充采购'];
const PURPOSES = ['年度采购', '季度框架采购', '替代进口料', '旺季备货', '新项目配套'];

export interface DemoOpportunity {
  id: number;
  title: string;
  customer: DemoCustomer;
  product: DemoProduct;
  stage: Stage;
  quantityMilli: number;
  amountCents: bigint;
  expectedClose: string;
  lostReason: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  notes: string | null;
}

/** Deals in every stage; each won one is the opportunity behind one real order, which points back to it. */
export function generateOpportunities(random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], orders: DemoOrder[]): DemoOpportunity[] {
  const opportunities: DemoOpportunity[] = [];
  const winnable = orders.filter((order) => order.status !== 'cancelled' && order.status !== 'draft' && clock.daysAgo(order.createdAt) < 500);
  for (const order of random.sample(winnable, WON)) {
    const line = order.lines[0];
    const closedAt = clock.plusHours(order.createdAt, -random.between(1, 48));
    const createdAt = clock.plusHours(closedAt, -random.between(10, 90) * 24);
    const won: DemoOpportunity = {
      id: 0, title: title(random, order.customer, line.product, line.quantityMilli), customer: order.customer, product: line.product, stage: 'won',
      quantityMilli: line.quantityMilli, amountCents: line.amountCents, expectedClose: clock.day(clock.plusHours(closedAt, random.between(-10, 10) * 24)),
      lostReason: null, closedAt, createdAt, updatedAt: closedAt, notes: null,
    };
    order.opportunity = won;
    opportunities.push(won);
  }
  const buyers = customers.filter((customer) => customer.lifecycle !== 'prospect');
  for (let i = 0; i < LOST; i++) {
    const customer = random.pick(buyers);
    const closedAt = clock.businessMoment(random.int(10, 400), random.between(1, 9));
    opportunities.push({
      ...proposedDeal(random, customer),
      stage: 'lost', lostReason: random.pick(LOST_REASONS), closedAt, createdAt: clock.plusHours(closedAt, -random.between(15, 120) * 24), updatedAt: closedAt,
      expectedClose: clock.day(clock.plusHours(closedAt, random.between(0, 20) * 24)),
    });
  }
  // New business comes from prospects first, then from customers buying more or another grade.
  const prospects = random.shuffle(customers.filter((customer) => customer.lifecycle === 'prospect'));
  const active = customers.filter((customer) => customer.lifecycle === 'active');
  for (const [stage, count] of OPEN_STAGES) {
    for (let i = 0; i < count; i++) {
      const customer = prospects.length > 0 && random.chance(0.55) ? prospects.pop()! : random.pick(active);
      const createdAt = clock.businessMoment(random.int(3, 150), random.between(1, 9));
      const overdue = (stage === 'proposal' || stage === 'negotiation') && random.chance(0.2);
      opportunities.push({
        ...proposedDeal(random, customer),
        stage, lostReason: null, closedAt: null, createdAt, updatedAt: clock.later(createdAt, random.between(1, 30) * 24),
        expectedClose: clock.dayFromToday(overdue ? -random.int(1, 15) : random.int(5, 120)),
      });
    }
  }
  return opportunities.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function proposedDeal(random: DemoRandom, customer: DemoCustomer): Pick<DemoOpportunity, 'id' | 'title' | 'customer' | 'product' | 'quantityMilli' | 'amountCents' | 'notes'> {
  const product = random.pick(customer.favourites);
  const monthly = product.unit === 'drum' ? random.int(20, 120) : product.family === 'LUBE' ? random.int(2, 12) : random.int(3, 40) * 10;
  const quantityMilli = monthly * random.int(3, 12) * 1000;
  return {
    id: 0, customer, product, quantityMilli, title: title(random, customer, product, quantityMilli),
    amountCents: (BigInt(quantityMilli) * BigInt(product.listPrice * 100)) / 1000n,
    notes: random.chance(0.3) ? random.pick(['客户要求先送样 2 吨试机', '需提供近三批 COA 及 MSDS', '对标中石油同牌号价格', '客户预计下季度扩产']) : null,
  };
}

function title(random: DemoRandom, customer: DemoCustomer, product: DemoProduct, quantityMilli: number): string {
  const unit = product.unit === 'drum' ? '桶' : '吨';
  const quantity = Math.round(quantityMilli / 1000);
  return `${customer.shortName} ${product.grade} ${random.pick(quantity < 100 ? TRIAL_PURPOSES : PURPOSES)} ${quantity} ${unit}`;
}

export async function loadOpportunities(transaction: Transaction, opportunities: DemoOpportunity[]): Promise<void> {
  const ids = await insertRowIds(
    Opportunity,
    opportunities.map((opportunity) => ({
      title: opportunity.title,
      customer_id: opportunity.customer.id,
      product_id: opportunity.product.id,
      stage: opportunity.stage,
      quantity: milliToText(opportunity.quantityMilli),
      amount: centsToText(opportunity.amountCents),
      expected_close: opportunity.expectedClose,
      owner_id: opportunity.customer.ownerId,
      branch_id: opportunity.customer.branchId,
      lost_reason: opportunity.lostReason,
      closed_at: opportunity.closedAt,
      notes: opportunity.notes,
      created_at: opportunity.createdAt,
      updated_at: opportunity.updatedAt,
    })),
    transaction,
  );
  opportunities.forEach((opportunity, index) => (opportunity.id = ids[index]));
}
