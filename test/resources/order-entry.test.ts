import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { translate } from '../../src/i18n/translate.js';
import { zhCN } from '../../src/i18n/zh-cn.js';
import { businessToday } from '../../src/clock/business-clock.js';

interface Priced {
  product_id: number;
  unit_price: string;
  version_id: number;
}

/**
 * The order screen's payload, as its one POST sends it (header fields and the lines as one JSON
 * text), to 新建 and 编辑 of 销售订单: the order and its lines are written together or not at all,
 * each refusal next to its field, and a role without the right gets 403 with nothing written.
 */
describe('the order screen over the API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let rep: request.Agent;
  let clerk: request.Agent;
  let customerId: number;
  let otherRepsCustomerId: number;
  let warehouseId: number;
  let priced: [Priced, Priced];
  const api = (path: string) => `/admin/api/resources/sales_orders/${path}`;
  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    rep = await loginAs(origin(running.url), 'rep.zhang@petrocrm.cn');
    clerk = await loginAs(origin(running.url), 'warehouse@petrocrm.cn');
    // One of the rep's own customers whose price list prices two products today.
    const rows = await sql<Priced & { customer_id: number }>(`
      SELECT c.id AS customer_id, i.product_id, i.unit_price::text AS unit_price, v.id AS version_id
        FROM customers c
        JOIN users u ON u.id = c.owner_id AND u.email = 'rep.zhang@petrocrm.cn'
        JOIN price_lists l ON l.region = c.region AND l.channel = 'distributor' AND l.valid_from <= $1::date AND (l.valid_to IS NULL OR l.valid_to >= $1::date)
        JOIN LATERAL (SELECT id FROM price_list_versions v WHERE v.price_list_id = l.id AND v.status = 'published' AND v.valid_from <= $1::date ORDER BY v.valid_from DESC LIMIT 1) v ON true
        JOIN price_list_items i ON i.version_id = v.id
       WHERE c.customer_type = 'distributor' AND c.merged_into_id IS NULL
       ORDER BY c.id, i.product_id LIMIT 2`, [businessToday()]);
    customerId = rows[0].customer_id;
    priced = [rows[0], rows[1]];
    [{ id: otherRepsCustomerId }] = await sql<{ id: number }>(`
      SELECT c.id FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.email <> 'rep.zhang@petrocrm.cn' ORDER BY c.id LIMIT 1`);
    [{ id: warehouseId }] = await sql<{ id: number }>(`SELECT id FROM warehouses WHERE active ORDER BY id LIMIT 1`);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  /** Orders, lines and audit rows: a refused request must leave every count as it was. */
  const footprint = async () => (await sql<{ state: string }>(`
    SELECT (SELECT count(*) FROM sales_orders) || '/' || (SELECT count(*) FROM sales_order_items) || '/' || (SELECT max(id) FROM audit_logs) AS state`))[0].state;

  const screen = (lines: object[], header: Record<string, string> = {}) => ({
    customer_id: String(customerId), warehouse_id: String(warehouseId), order_date: '', delivery_date: '', shipping_method: 'tank_truck', contract_id: '', notes: '',
    ...header, lines: JSON.stringify(lines),
  });

  test('when a representative saves the screen with two lines, then the order and both lines are written at the price list’s prices and the answer leads to its page', async () => {
    const [first, second] = priced;
    const saved = await rep.post(api('actions/new')).send(screen([
      { id: null, productId: String(first.product_id), quantity: '12.5', unitPrice: '', discountPct: '0' },
      { id: null, productId: String(second.product_id), quantity: '20', unitPrice: second.unit_price, discountPct: '2' },
    ]));
    expect(saved.status).toBe(200);
    expect(saved.body.notice).toEqual({ message: 'successfullyCreated', type: 'success' });
    const orderId = Number(saved.body.record.params.id);
    expect(saved.body.redirectUrl).toBe(`/admin/resources/sales_orders/records/${orderId}/show`);

    const [order] = await sql<{ status: string; owner: string; order_date: string; shipping_method: string; total_amount: string; expected: string }>(`
      SELECT o.status, u.email AS owner, o.order_date::text, o.shipping_method, o.total_amount::text,
             (round(12.5 * $2::numeric, 2) + round(20 * $3::numeric * 0.98, 2))::text AS expected
        FROM sales_orders o JOIN users u ON u.id = o.owner_id WHERE o.id = $1`, [orderId, first.unit_price, second.unit_price]);
    expect(order).toEqual({ status: 'draft', owner: 'rep.zhang@petrocrm.cn', order_date: businessToday(), shipping_method: 'tank_truck', total_amount: order.expected, expected: order.expected });
    const lines = await sql<{ product_id: number; quantity: string; unit_price: string; discount_pct: string; price_list_version_id: number }>(
      'SELECT product_id, quantity::text, unit_price::text, discount_pct::text, price_list_version_id FROM sales_order_items WHERE order_id = $1 ORDER BY id', [orderId]);
    expect(lines).toEqual([
      { product_id: first.product_id, quantity: '12.500', unit_price: first.unit_price, discount_pct: '0.00', price_list_version_id: first.version_id },
      { product_id: second.product_id, quantity: '20.000', unit_price: second.unit_price, discount_pct: '2.00', price_list_version_id: second.version_id },
    ]);
  });

  test.each([
    ['a quantity with four decimals', () => [{ productId: String(priced[0].product_id), quantity: '1', unitPrice: '' }, { productId: String(priced[1].product_id), quantity: '1.2345', unitPrice: '' }], {}, 'lines.1.quantity', 'quantityInvalid'],
    ['a price with three decimals', () => [{ productId: String(priced[0].product_id), quantity: '1', unitPrice: '12.345' }], {}, 'lines.0.unit_price', 'atMostTwoDecimals'],
    ['a price off the price list', () => [{ productId: String(priced[0].product_id), quantity: '1', unitPrice: '1.00' }], {}, 'lines.0.unit_price', 'linePriceFromList'],
    ['a product that does not exist', () => [{ productId: String(priced[0].product_id), quantity: '1', unitPrice: '' }, { productId: '987654', quantity: '1', unitPrice: '' }], {}, 'lines.1.product_id', 'productNotFound'],
    ['another representative’s customer', () => [{ productId: String(priced[0].product_id), quantity: '1', unitPrice: '' }], { customer_id: 'other' }, 'customer_id', 'referenceNotFound'],
  ])('when the screen is saved with %s, then the field says why in Chinese and nothing is written', async (_case, lines, header: Record<string, string>, field, message) => {
    const before = await footprint();
    const payload = screen(lines(), header.customer_id ? { customer_id: String(otherRepsCustomerId) } : {});
    const refused = await rep.post(api('actions/new')).send(payload);
    expect(refused.status).toBe(200);
    expect(refused.body.notice.type).toBe('error');
    expect(refused.body.record.errors).toEqual({ [field]: expect.objectContaining({ message }) });
    // The gate's own refusals are worded with AdminJS's messages, the domain's in the area files.
    const worded = (zhCN.messages as Record<string, string> | undefined)?.[message] ?? translate('zh-CN', message, refused.body.notice.options);
    expect(worded).toMatch(/[\u4e00-\u9fff]/);
    expect(await footprint()).toBe(before);
  });

  test('when the representative edits a draft on the screen, then its header and lines become the ones sent; a confirmed order’s lines are refused and stay', async () => {
    const [first, second] = priced;
    const created = await rep.post(api('actions/new')).send(screen([{ productId: String(first.product_id), quantity: '5', unitPrice: '' }, { productId: String(second.product_id), quantity: '6', unitPrice: '' }]));
    const orderId = Number(created.body.record.params.id);
    const [kept] = await sql<{ id: number }>('SELECT id FROM sales_order_items WHERE order_id = $1 ORDER BY id LIMIT 1', [orderId]);

    const edited = await rep.post(api(`records/${orderId}/edit`)).send(screen([
      { id: String(kept.id), productId: String(first.product_id), quantity: '7.5', unitPrice: first.unit_price, discountPct: '1' },
    ], { delivery_date: '2027-01-20', shipping_method: 'rail' }));
    expect(edited.body.notice).toEqual({ message: 'successfullyUpdated', type: 'success' });
    expect(edited.body.redirectUrl).toBe(`/admin/resources/sales_orders/records/${orderId}/show`);
    expect(await sql('SELECT id, quantity::text, discount_pct::text FROM sales_order_items WHERE order_id = $1', [orderId])).toEqual([{ id: kept.id, quantity: '7.500', discount_pct: '1.00' }]);
    expect(await sql('SELECT delivery_date::text, shipping_method FROM sales_orders WHERE id = $1', [orderId])).toEqual([{ delivery_date: '2027-01-20', shipping_method: 'rail' }]);

    await sequelize.query(`UPDATE sales_orders SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, { bind: [orderId] });
    const before = await footprint();
    const refused = await rep.post(api(`records/${orderId}/edit`)).send(screen([{ id: String(kept.id), productId: String(first.product_id), quantity: '99', unitPrice: '' }]));
    expect(refused.body.notice).toMatchObject({ type: 'error', message: 'childrenFrozen_sales_orders_confirmed' });
    expect(await footprint()).toBe(before);
    expect(await sql('SELECT quantity::text FROM sales_order_items WHERE order_id = $1', [orderId])).toEqual([{ quantity: '7.500' }]);
  });

  test('when the screen looks up prices and stock, then it gets the price list’s price and the free stock; another representative’s customer is refused', async () => {
    const [first] = priced;
    const [stock] = await sql<{ available: string }>(`
      SELECT COALESCE((SELECT (on_hand - reserved)::text FROM stock_levels WHERE warehouse_id = $1 AND product_id = $2), '0.000') AS available`, [warehouseId, first.product_id]);
    const quoted = await rep.get(api('actions/quoteOrderLines')).query({ customer_id: customerId, warehouse_id: warehouseId, products: String(first.product_id) });
    expect(quoted.status).toBe(200);
    expect(quoted.body.quote.today).toBe(businessToday());
    expect(quoted.body.quote.lines).toEqual([expect.objectContaining({ productId: first.product_id, unitPrice: first.unit_price, available: stock.available, priceList: expect.objectContaining({ versionNo: expect.any(Number) }) })]);

    const refused = await rep.get(api('actions/quoteOrderLines')).query({ customer_id: otherRepsCustomerId, products: String(first.product_id) });
    expect(refused.body.quote).toBeUndefined();
    expect(refused.body.errors).toEqual({ customer_id: { message: 'referenceNotFound' } });
  });

  test('when a sales manager saves the screen for a customer of their branch, then the order is theirs, in the customer’s branch', async () => {
    const manager = await loginAs(origin(running.url), 'manager.ec@petrocrm.cn');
    const saved = await manager.post(api('actions/new')).send(screen([{ productId: String(priced[0].product_id), quantity: '4', unitPrice: '' }]));
    expect(saved.body.notice).toEqual({ message: 'successfullyCreated', type: 'success' });
    expect(await sql(`
      SELECT u.email AS owner, o.branch_id = c.branch_id AS in_customers_branch, (SELECT count(*)::int FROM sales_order_items i WHERE i.order_id = o.id) AS lines
        FROM sales_orders o JOIN users u ON u.id = o.owner_id JOIN customers c ON c.id = o.customer_id WHERE o.id = $1`, [saved.body.record.params.id]))
      .toEqual([{ owner: 'manager.ec@petrocrm.cn', in_customers_branch: true, lines: 1 }]);
  });

  test('when a warehouse clerk, who may only read orders, posts the screen or edits a draft with it, then 403 and nothing changes', async () => {
    const [first] = priced;
    const created = await rep.post(api('actions/new')).send(screen([{ productId: String(first.product_id), quantity: '3', unitPrice: '' }]));
    const orderId = Number(created.body.record.params.id);
    const before = await footprint();
    const lines = await sql('SELECT * FROM sales_order_items WHERE order_id = $1', [orderId]);

    expect((await clerk.post(api('actions/new')).send(screen([{ productId: String(first.product_id), quantity: '3', unitPrice: '' }]))).status).toBe(403);
    expect((await clerk.post(api(`records/${orderId}/edit`)).send(screen([{ productId: String(first.product_id), quantity: '9', unitPrice: '' }]))).status).toBe(403);
    expect((await clerk.get(api('actions/quoteOrderLines')).query({ products: String(first.product_id) })).status).toBe(403);
    expect(await footprint()).toBe(before);
    expect(await sql('SELECT * FROM sales_order_items WHERE order_id = $1', [orderId])).toEqual(lines);
  });
});
