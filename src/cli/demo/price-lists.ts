import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { PriceAdjustmentLine, PriceAdjustmentNotice, PriceList, PriceListItem, PriceListVersion } from '../../models/index.js';
import type { SalesChannel } from '../../models/price-list.model.js';
import type { REGIONS } from '../../models/customer.model.js';
import { CHANNEL_OF_CUSTOMER_TYPE } from '../../domain/pricing/sales-channel.js';
import type { DemoClock } from './clock.js';
import { businessTimeZone } from '../../clock/business-clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRowIds, insertRows } from './insert-rows.js';
import type { DemoRandom } from './random.js';

const CHANNEL_NAME: Record<SalesChannel, string> = { direct: '直销', distributor: '分销', gas_station: '加油站' };
/** Distributors buy below the direct price to resell; gas stations below them, by the tanker. */
const CHANNEL_FACTOR: Record<SalesChannel, number> = { direct: 1, distributor: 0.98, gas_station: 0.97 };
/** Freight from the plants on the coast decides most of the regional difference. */
const REGION_FACTOR: Record<Region, number> = { 华东: 1, 华南: 1.01, 华北: 0.995, 华中: 1.005, 西南: 1.02, 西北: 1.015, 东北: 1 };

/** What moves in a month: a category, its range of change per unit, and why. */
const MOVES = [
  { category: 'PE', range: [50, 300], step: 50, title: '聚乙烯', fuel: false },
  { category: 'PP', range: [50, 250], step: 50, title: '聚丙烯', fuel: false },
  { category: 'MEG', range: [30, 200], step: 10, title: '乙二醇', fuel: false },
  { category: 'PTA', range: [30, 150], step: 10, title: 'PTA', fuel: false },
  { category: 'ASPHALT', range: [50, 150], step: 10, title: '沥青', fuel: false },
  { category: 'GASOLINE', range: [100, 300], step: 10, title: '汽油', fuel: true },
  { category: 'DIESEL', range: [100, 300], step: 10, title: '柴油', fuel: true },
  { category: 'LUBE', range: [20, 80], step: 5, title: '润滑油', fuel: true },
] as const;
const REASONS = {
  up: ['国际原油价格上涨，原料成本上升', '装置检修，市场供应偏紧', '下游旺季需求回升'],
  down: ['国际原油价格回落', '新增产能投产，市场供应充足', '下游需求季节性走弱'],
};

interface ProductRow { id: number; category_code: string; parent_code: string | null; unit: string; list_price: string }
type Region = (typeof REGIONS)[number];
interface Notice { id: number; effectiveFrom: string; issued: boolean; region: Region | null; channel: SalesChannel | null; changes: Map<string, number> }

/**
 * 价格表 for every region and channel the demo customers buy through, priced from the catalogue
 * half a year ago, then moved by a 调价通知 on the first of each month since, one issued for next
 * week (already published, not yet in force) and a draft for the week after. Loaded as the
 * notices would have made them: each issued notice a version of every list in its scope.
 */
export async function loadPriceLists(sequelize: Sequelize, transaction: Transaction, random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], marketingId: number): Promise<void> {
  const products = await sequelize.query<ProductRow>(
    `SELECT p.id, c.code AS category_code, parent.code AS parent_code, p.unit, p.list_price::text AS list_price
       FROM products p JOIN product_categories c ON c.id = p.category_id LEFT JOIN product_categories parent ON parent.id = c.parent_id
      WHERE p.active ORDER BY p.id`,
    { type: QueryTypes.SELECT, transaction },
  );
  const categoryIds = new Map((await sequelize.query<{ id: number; code: string }>('SELECT id, code FROM product_categories', { type: QueryTypes.SELECT, transaction })).map((row) => [row.code, row.id]));

  const today = clock.dayFromToday(0);
  const monthStart = (offset: number) => addMonths(`${today.slice(0, 7)}-01`, offset);
  const pairs = [...new Set(customers.map((customer) => `${customer.region}|${CHANNEL_OF_CUSTOMER_TYPE[customer.profile.type]}`))].sort();
  const lists = pairs.map((pair) => {
    const [region, channel] = pair.split('|') as [Region, SalesChannel];
    return { region, channel, name: `${region}${CHANNEL_NAME[channel]}价格表`, valid_from: monthStart(-6), valid_to: null, notes: null };
  });
  const listIds = await insertRowIds(PriceList, lists, transaction);

  const notices: Notice[] = [];
  const noticeRows = [];
  const plannedDays = [...[-5, -4, -3, -2, -1, 0].map((offset) => ({ day: monthStart(offset), issued: true })), { day: clock.dayFromToday(7), issued: true }, { day: clock.dayFromToday(14), issued: false }];
  for (const { day, issued } of plannedDays) {
    // Refined oil follows the national adjustments (every channel, gas stations first); chemicals are sold direct and through distributors.
    const fuel = random.chance(0.4);
    const moves = random.sample(MOVES.filter((move) => move.fuel === fuel), random.int(1, fuel ? 2 : 3));
    const up = random.chance(0.5);
    const changes = new Map(moves.map((move) => [move.category, (up ? 1 : -1) * move.step * random.int(move.range[0] / move.step, move.range[1] / move.step)] as const));
    const wide = random.chance(0.6);
    const region = wide ? null : random.chance(0.5) ? random.pick(lists).region : null;
    const channel = wide || region ? null : fuel ? 'gas_station' : random.pick<SalesChannel>(['direct', 'distributor']);
    notices.push({ id: 0, effectiveFrom: day, issued, region, channel, changes });
    noticeRows.push({
      title: `关于${up ? '上调' : '下调'}${moves.map((move) => move.title).join('、')}价格的通知（${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日起执行）`,
      effective_from: day, region, channel, reason: random.pick(up ? REASONS.up : REASONS.down), status: 'draft' as const,
      issued_at: null, issued_by_id: null, created_at: issuedBefore(clock, day), updated_at: issuedBefore(clock, day),
    });
  }
  (await insertRowIds(PriceAdjustmentNotice, noticeRows, transaction)).forEach((id, index) => (notices[index].id = id));
  await insertRows(
    PriceAdjustmentLine,
    notices.flatMap((notice) => [...notice.changes].map(([category, change]) => ({ notice_id: notice.id, category_id: categoryIds.get(category)!, product_id: null, change_per_unit: change.toFixed(2) }))),
    transaction,
  );

  // Every list's prices, version after version: the catalogue's, then each issued notice that reaches it.
  const prices = lists.map((list) => new Map(products.map((product) => [product.id, roundPrice(Number(product.list_price) * CHANNEL_FACTOR[list.channel] * REGION_FACTOR[list.region], product.unit)])));
  const previous: Array<number | null> = lists.map(() => null);
  const published: number[] = [];
  const items: Array<{ version_id: number; product_id: number; unit_price: string }> = [];
  const rounds: Array<{ day: string; notice: Notice | null; listIndexes: number[] }> = [
    { day: monthStart(-6), notice: null, listIndexes: lists.map((_list, index) => index) },
    ...notices.filter((notice) => notice.issued).map((notice) => ({
      day: notice.effectiveFrom,
      notice,
      listIndexes: lists.flatMap((list, index) => ((notice.region ?? list.region) === list.region && (notice.channel ?? list.channel) === list.channel ? [index] : [])),
    })),
  ];
  for (const round of rounds) {
    const ids = await insertRowIds(
      PriceListVersion,
      round.listIndexes.map((index) => ({
        price_list_id: listIds[index], valid_from: round.day, notice_id: round.notice?.id ?? null, based_on_id: previous[index], published_at: null, published_by_id: null, notes: null,
      })),
      transaction,
    );
    round.listIndexes.forEach((listIndex, position) => {
      const price = prices[listIndex];
      for (const product of products) {
        const change = round.notice?.changes.get(product.category_code) ?? (product.parent_code ? round.notice?.changes.get(product.parent_code) : undefined);
        if (change !== undefined) price.set(product.id, price.get(product.id)! + change);
        items.push({ version_id: ids[position], product_id: product.id, unit_price: price.get(product.id)!.toFixed(2) });
      }
      previous[listIndex] = ids[position];
    });
    published.push(...ids);
  }
  await insertRows(PriceListItem, items, transaction);
  // Lines and prices go in while notices and versions are drafts; issued and published, PostgreSQL keeps them as they are.
  await sequelize.query(
    `UPDATE price_adjustment_notices SET status = 'issued', issued_at = created_at, issued_by_id = $marketing WHERE id = ANY($ids::integer[])`,
    { bind: { marketing: marketingId, ids: notices.filter((notice) => notice.issued).map((notice) => notice.id) }, transaction },
  );
  await sequelize.query(
    `UPDATE price_list_versions SET status = 'published', published_by_id = $marketing,
            published_at = least(((valid_from - 1)::timestamp + interval '10 hours') AT TIME ZONE $zone, $now::timestamptz)
      WHERE id = ANY($ids::integer[])`,
    { bind: { marketing: marketingId, now: clock.now, zone: businessTimeZone(), ids: published }, transaction },
  );
}

/** A notice goes out a few days before it takes effect, never later than today. */
function issuedBefore(clock: DemoClock, day: string): Date {
  const moment = new Date(`${day}T02:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() - 3);
  return clock.isPast(moment) ? moment : clock.now;
}

/** Bulk prices end in tens of yuan per ton; a drum of lubricant in whole yuan. */
function roundPrice(value: number, unit: string): number {
  return unit === 'ton' ? Math.round(value / 10) * 10 : Math.round(value);
}

function addMonths(firstDay: string, months: number): string {
  const date = new Date(`${firstDay}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
