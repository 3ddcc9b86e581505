import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser, setStock } from '../../support/fixtures.js';
import { writeDefaultMatrix } from '../../support/default-matrix.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';
import { priceInForce } from '../../../src/domain/pricing/price-in-force.js';
import { priceOrderLine } from '../../../src/domain/pricing/price-order-line.js';
import { publishPriceVersion } from '../../../src/domain/pricing/publish-price-version.js';
import { issuePriceAdjustmentNotice } from '../../../src/domain/pricing/issue-price-notice.js';
import { customersReachedByNotice } from '../../../src/domain/pricing/notice-reach.js';
import { assertPriceVersionDraft } from '../../../src/domain/pricing/price-edits.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { businessToday } from '../../../src/clock/business-clock.js';
import { loadAccessProfile } from '../../../src/access/authorisation/access-profile.js';
import {
  PriceAdjustmentLine, PriceAdjustmentNotice, PriceList, PriceListItem, PriceListVersion, ProductCategory, SalesOrderItem, type Customer, type Product, type SalesOrder, type Warehouse,
} from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * 价格表 and 调价通知: an order line takes the price of the list in force for its customer and date;
 * a notice makes the next version of the lists it reaches, reprices drafts from its day on and never
 * touches a confirmed order.
 */
describe('price lists and price adjustment notices', () => {
  let db: DomainDatabase;
  let marketing: Actor;
  let rep: Actor;
  let list: PriceList;
  let resin: Product;
  let film: Product;
  let warehouse: Warehouse;
  let customer: Customer;
  let category: ProductCategory;
  /** The first day after every version the list already has: our own versions start from there. */
  let d1: string;
  const today = businessToday();

  beforeAll(async () => {
    db = await openDomainDatabase();
    await writeDefaultMatrix();
    [marketing, rep] = await Promise.all([actorFor('marketing@petrocrm.cn'), actorFor('rep.zhang@petrocrm.cn')]);
    list = await PriceList.findOne({ where: { region: '华东', channel: 'distributor' }, rejectOnEmpty: true });
    const [latest] = await db.sequelize.query<{ day: string }>('SELECT max(valid_from)::text AS day FROM price_list_versions WHERE price_list_id = $1', { bind: [list.id], type: QueryTypes.SELECT });
    d1 = addDays(latest.day > today ? latest.day : today, 10);
    const parent = await ProductCategory.create({ code: `T-PE-${Date.now()}`, name: '测试聚乙烯', parent_id: null });
    category = await ProductCategory.create({ code: `T-LL-${Date.now()}`, name: '测试线性低密度', parent_id: parent.id });
    resin = await createProduct({ name: '测试 LLDPE 7042', category_id: category.id });
    film = await createProduct({ name: '测试 LLDPE 膜料', category_id: category.id });
    warehouse = await createWarehouse();
    await Promise.all([setStock(resin.id, warehouse.id, '500.000'), setStock(film.id, warehouse.id, '500.000')]);
    customer = await createCustomer({ name: '常州测试塑化经销有限公司', customer_type: 'distributor', region: '华东', owner_id: rep.id });

    const version = await PriceListVersion.create({ price_list_id: list.id, valid_from: d1, notice_id: null, based_on_id: null, published_at: null, published_by_id: null, notes: '测试手工版本' });
    await PriceListItem.bulkCreate([{ version_id: version.id, product_id: resin.id, unit_price: '8000.00' }, { version_id: version.id, product_id: film.id, unit_price: '5000.00' }]);
    await publishPriceVersion(marketing, version.id, today);
  });
  afterAll(() => db.close());

  /** A draft order of one line whose price the line form would take (price left blank). */
  async function draftOn(day: string, product: Product, quantity = '10.000'): Promise<SalesOrder> {
    const order = await createOrder(customer, warehouse, [], { order_date: day });
    const price = await priceOrderLine({ orderId: order.id, productId: product.id, unitPrice: null });
    await SalesOrderItem.create({ order_id: order.id, product_id: product.id, quantity, unit_price: price!.unitPrice, price_list_version_id: price!.priceListVersionId });
    return order.reload();
  }
  const lineOf = async (order: SalesOrder) => SalesOrderItem.findOne({ where: { order_id: order.id }, rejectOnEmpty: true });

  test('when a version is published, then its prices apply from its first day, VAT included and shown apart, and not a day before', async () => {
    const inForce = await priceInForce({ customerId: customer.id, productId: resin.id, day: addDays(d1, 3) });
    expect(inForce).toMatchObject({ priceListId: list.id, validFrom: d1, unitPrice: '8000.00', vatRate: '0.1300', priceExclTax: '7079.65', vatAmount: '920.35' });
    await expect(priceInForce({ customerId: customer.id, productId: resin.id, day: addDays(d1, -1) })).resolves.toBeNull();
    // A plant buys direct: the distributors' list is not its list.
    const plant = await createCustomer({ customer_type: 'manufacturer', region: '华东' });
    await expect(priceInForce({ customerId: plant.id, productId: resin.id, day: addDays(d1, 3) })).resolves.toBeNull();
  });

  test('when an order line is entered, then it takes the list price; another price is refused, and without a list a price must be given', async () => {
    const order = await createOrder(customer, warehouse, [], { order_date: addDays(d1, 1) });
    await expect(priceOrderLine({ orderId: order.id, productId: resin.id, unitPrice: '' })).resolves.toMatchObject({ unitPrice: '8000.00' });
    await expect(priceOrderLine({ orderId: order.id, productId: resin.id, unitPrice: '8000' })).resolves.toMatchObject({ unitPrice: '8000.00' });
    await expect(priceOrderLine({ orderId: order.id, productId: resin.id, unitPrice: '7800.00' })).rejects.toMatchObject({
      code: 'linePriceFromList', field: 'unit_price', params: { price: '¥8,000.00', list: `${list.code} ${list.name}`, validFrom: d1 },
    });
    const unlisted = await createProduct();
    await expect(priceOrderLine({ orderId: order.id, productId: unlisted.id, unitPrice: '' })).rejects.toMatchObject({ code: 'linePriceRequired', field: 'unit_price' });
    await expect(priceOrderLine({ orderId: order.id, productId: unlisted.id, unitPrice: '6100.00' })).resolves.toEqual({ unitPrice: '6100.00', priceListVersionId: null });
  });

  test('when a notice is issued, then the next version takes its changes from its day on, drafts from that day are repriced, and confirmed orders are untouched', async () => {
    const d2 = addDays(d1, 30);
    const confirmed = await draftOn(addDays(d2, 5), resin);
    await confirmOrder(confirmed.id, rep);
    const laterDraft = await draftOn(addDays(d2, 5), resin);
    const earlierDraft = await draftOn(addDays(d2, -5), resin);
    const before = { confirmed: (await confirmed.reload()).total_amount, earlier: earlierDraft.total_amount };
    expect([before.confirmed, laterDraft.total_amount, before.earlier]).toEqual(['80000.00', '80000.00', '80000.00']);

    const notice = await PriceAdjustmentNotice.create({ title: '关于上调线性低密度聚乙烯价格的通知', effective_from: d2, region: '华东', channel: 'distributor', reason: '原油上涨', issued_at: null, issued_by_id: null });
    // The whole category up 150 a ton; the film grade, named on its own line, down 100 instead.
    await PriceAdjustmentLine.bulkCreate([
      { notice_id: notice.id, category_id: category.id, product_id: null, change_per_unit: '150.00' },
      { notice_id: notice.id, category_id: null, product_id: film.id, change_per_unit: '-100.00' },
    ]);
    const issued = await issuePriceAdjustmentNotice(marketing, notice.id, today);

    const version = await PriceListVersion.findOne({ where: { notice_id: notice.id }, rejectOnEmpty: true });
    expect(issued).toMatchObject({ versions: [{ listCode: list.code, versionNo: version.version_no, changedPrices: 2 }], repricedLines: 1, repricedOrders: 1 });
    // Scoped to East China distribution: no other list got a version.
    expect(await PriceListVersion.count({ where: { notice_id: notice.id } })).toBe(1);
    expect((await notice.reload()).status).toBe('issued');
    expect(await priceInForce({ customerId: customer.id, productId: resin.id, day: addDays(d2, -1) })).toMatchObject({ unitPrice: '8000.00' });
    expect(await priceInForce({ customerId: customer.id, productId: resin.id, day: d2 })).toMatchObject({ unitPrice: '8150.00', versionId: version.id });
    expect(await priceInForce({ customerId: customer.id, productId: film.id, day: d2 })).toMatchObject({ unitPrice: '4900.00' });

    expect((await confirmed.reload()).total_amount).toBe(before.confirmed);
    expect(await lineOf(confirmed)).toMatchObject({ unit_price: '8000.00' });
    expect((await earlierDraft.reload()).total_amount).toBe(before.earlier);
    expect((await laterDraft.reload()).total_amount).toBe('81500.00');
    const repriced = await lineOf(laterDraft);
    expect(repriced).toMatchObject({ unit_price: '8150.00', price_list_version_id: version.id });
    expect(await auditOf('sales_order_items', repriced.id)).toEqual([expect.objectContaining({ action: 'repriceFromList', user_email: marketing.email })]);
  });

  test('when a notice or version would price a past day, go before the latest version or drop a price to zero, then it is refused and nothing is written', async () => {
    const past = await PriceAdjustmentNotice.create({ title: '追溯调价', effective_from: addDays(today, -1), region: '华东', channel: 'distributor', reason: null, issued_at: null, issued_by_id: null });
    await PriceAdjustmentLine.create({ notice_id: past.id, category_id: category.id, product_id: null, change_per_unit: '10.00' });
    await expectRefusedWithoutChanges(db.sequelize, () => issuePriceAdjustmentNotice(marketing, past.id, today), 'noticeInPast');

    const early = await PriceAdjustmentNotice.create({ title: '插队调价', effective_from: addDays(d1, 1), region: '华东', channel: 'distributor', reason: null, issued_at: null, issued_by_id: null });
    await PriceAdjustmentLine.create({ notice_id: early.id, category_id: category.id, product_id: null, change_per_unit: '10.00' });
    await expectRefusedWithoutChanges(db.sequelize, () => issuePriceAdjustmentNotice(marketing, early.id, today), 'priceDayNotAfterLatest');

    const crash = await PriceAdjustmentNotice.create({ title: '大幅下调', effective_from: addDays(d1, 90), region: '华东', channel: 'distributor', reason: null, issued_at: null, issued_by_id: null });
    await PriceAdjustmentLine.create({ notice_id: crash.id, category_id: null, product_id: film.id, change_per_unit: '-4900.00' });
    await expectRefusedWithoutChanges(db.sequelize, () => issuePriceAdjustmentNotice(marketing, crash.id, today), 'noticePriceNotPositive', {
      list: `${list.code} ${list.name}`, product: '测试 LLDPE 膜料', price: '¥4,900.00', change: '-¥4,900.00',
    });
  });

  test('when a published version or an issued notice is changed by anyone, then PostgreSQL refuses; the forms say why first', async () => {
    const published = await PriceListVersion.findOne({ where: { price_list_id: list.id, valid_from: d1 }, rejectOnEmpty: true });
    await expect(PriceListItem.update({ unit_price: '1.00' }, { where: { version_id: published.id } })).rejects.toThrow(/published price list version/);
    await expect(published.update({ valid_from: addDays(d1, 1) })).rejects.toThrow(/is published/);
    await expect(assertPriceVersionDraft(published.id)).rejects.toMatchObject({ code: 'priceVersionPublished', params: { list: `${list.code} ${list.name}` } });
    const issued = await PriceAdjustmentNotice.findOne({ where: { status: 'issued', region: '华东', channel: 'distributor' }, order: [['id', 'DESC']], rejectOnEmpty: true });
    await expect(PriceAdjustmentLine.create({ notice_id: issued.id, category_id: category.id, product_id: null, change_per_unit: '1.00' })).rejects.toThrow(/issued price adjustment notice/);
    await expect(issued.update({ effective_from: addDays(d1, 99) })).rejects.toThrow(/is issued/);
  });

  test('when a notice is listed with the customers it reaches, then they are its lists\' region and channel, as independent SQL finds them, within the caller\'s scope', async () => {
    const notice = await PriceAdjustmentNotice.findOne({ where: { title: '关于上调线性低密度聚乙烯价格的通知' }, rejectOnEmpty: true });
    const admin = (await loadAccessProfile((await demoUser('admin@petrocrm.cn')).id))!;
    const { customers } = await customersReachedByNotice(notice.id, admin);
    const expected = await db.sequelize.query<{ id: number }>(
      `SELECT id FROM customers WHERE region = '华东' AND customer_type IN ('distributor', 'trader') AND merged_into_id IS NULL ORDER BY id`,
      { type: QueryTypes.SELECT },
    );
    expect(customers.map((row) => row.customerId).sort((a, b) => a - b)).toEqual(expected.map((row) => row.id));
    expect(customers.map((row) => row.customerId)).toContain(customer.id);
    const zhang = (await loadAccessProfile(rep.id!))!;
    const his = await customersReachedByNotice(notice.id, zhang);
    expect(his.customers.length).toBeGreaterThan(0);
    expect(his.customers.every((row) => row.owner === '张伟')).toBe(true);
  });
});
