import { stringify } from 'csv-stringify/sync';
import type { Agent } from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser, setStock } from '../support/fixtures.js';
import { requestCreditApproval } from '../../src/domain/credit/request-credit-approval.js';
import { businessToday } from '../../src/clock/business-clock.js';
import { CreditApproval, Customer, Payment, PriceList, PriceListItem, PriceListVersion, SalesOrderItem } from '../../src/models/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { asForm } from './browser-form.js';

/**
 * Credit control, the credit-code check and list prices as the panel and its API use them: forms
 * refused with a message that names what is wrong, workflow actions under their own permission,
 * a 403 with the row untouched for a role without it.
 */
describe('credit and pricing over the AdminJS API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  const agents: Record<string, Agent> = {};
  const as = (who: string) => agents[who];
  const api = (path: string) => `/admin/api/resources/${path}`;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    // One manager reads the panel in English: refusals come in each employee's own language.
    await sequelize.query(`UPDATE users SET locale = 'en' WHERE email = 'manager.sc@petrocrm.cn'`);
    for (const who of ['admin', 'rep.zhang', 'manager.ec', 'manager.sc', 'finance', 'marketing']) agents[who] = await loginAs(origin(running.url), `${who}@petrocrm.cn`);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  describe('统一社会信用代码 on the customer form', () => {
    const newCustomer = (who: string, fields: Record<string, string>) =>
      as(who).post(api('customers/actions/new')).type('form').send({ name: `信用代码测试 ${Math.random()}`, customer_type: 'trader', region: '华东', ...fields });

    test('when the check character is wrong, then the form is refused next to the field with a message naming it, in the employee\'s language, and nothing is created', async () => {
      const before = await Customer.count();
      const zh = await newCustomer('rep.zhang', { credit_code: '91310000132200821j' });
      expect(zh.body.record.errors.credit_code).toEqual({ type: 'creditCodeCheckCharacter', message: '统一社会信用代码第 18 位校验码「J」与前 17 位不符: 请对照营业执照逐位核对' });
      expect(zh.body.notice).toMatchObject({ type: 'error', message: '统一社会信用代码第 18 位校验码「J」与前 17 位不符: 请对照营业执照逐位核对' });
      const en = await newCustomer('manager.sc', { credit_code: '9131000013220O821H' });
      expect(en.body.record.errors.credit_code.message).toBe('Character 14 of the unified social credit code, "O", is not allowed (digits and capitals except I, O, S, V, Z)');
      expect(await Customer.count()).toBe(before);
      const right = await newCustomer('rep.zhang', { credit_code: '91310000132200821h' });
      expect(right.body.notice).toMatchObject({ type: 'success' });
      expect(right.body.record.params.credit_code).toBe('91310000132200821H');
    });

    test('when the code belongs to another customer, then creating or editing to it is refused naming that customer, even one the representative cannot see', async () => {
      const holder = await createCustomer({ name: '南京扬子石化贸易有限公司', credit_code: '91110000100010433L', owner_id: (await demoUser('rep.liu@petrocrm.cn')).id });
      const refused = await newCustomer('rep.zhang', { credit_code: '91110000100010433L' });
      expect(refused.body.record.errors.credit_code.type).toBe('creditCodeTaken');
      expect(refused.body.record.errors.credit_code.message).toBe(`该统一社会信用代码已属于客户 ${holder.code} 南京扬子石化贸易有限公司 (华东分公司, 客户经理 刘洋), 不能重复建档`);
      expect(await Customer.count({ where: { credit_code: '91110000100010433L' } })).toBe(1);

      const other = await createCustomer({ owner_id: (await demoUser('rep.zhang@petrocrm.cn')).id });
      const shown = await as('rep.zhang').get(api(`customers/records/${other.id}/show`));
      const moved = await as('rep.zhang').post(api(`customers/records/${other.id}/edit`)).type('form').send({ ...asForm(shown.body.record.params), credit_code: '91110000100010433L' });
      expect(moved.body.record.errors.credit_code.type).toBe('creditCodeTaken');
      expect((await other.reload()).credit_code).toBeNull();
      const kept = await as('admin').post(api(`customers/records/${holder.id}/edit`)).type('form').send({ ...asForm((await as('admin').get(api(`customers/records/${holder.id}/show`))).body.record.params), phone: '025-12345678' });
      expect(kept.body.notice).toMatchObject({ type: 'success' });
    });

    test('when an import has a code with a wrong check character, then its row is refused naming the character and nothing is imported', async () => {
      const file = Buffer.from(`\uFEFF${stringify([['客户名称', '客户类型', '大区', '统一社会信用代码'], ['导入信用代码测试有限公司', '经销商', '华东', '91310000132200821K']], { record_delimiter: 'windows' })}`, 'utf8');
      const before = await Customer.count();
      const checked = await as('manager.ec').post('/admin/transfer/customers/import/check').query({ file: 'customers.csv' }).set('Content-Type', 'application/octet-stream').send(file);
      expect(checked.status).toBe(200);
      const check = JSON.parse(checked.text) as { problems: Array<{ row: number; code: string; message: string }> };
      expect(await Customer.count()).toBe(before);
      expect(check.problems).toEqual([expect.objectContaining({ row: 2, code: 'importCreditCodeCheckCharacter', message: '「统一社会信用代码」的值「91310000132200821K」第 18 位校验码「K」与前 17 位不符' })]);
    });
  });

  describe('credit approval and payments', () => {
    let orderId: number;
    let approvalId: number;

    beforeAll(async () => {
      const rep = await demoUser('rep.zhang@petrocrm.cn');
      const [product, warehouse] = await Promise.all([createProduct(), createWarehouse()]);
      await setStock(product.id, warehouse.id, '100.000');
      const customer = await createCustomer({ credit_limit: '10000.00', owner_id: rep.id });
      const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '2.000', unitPrice: '8000.00' }]);
      orderId = order.id;
    });

    test('when a representative confirms an order over the limit, then it is refused with the figures; asking for approval puts it before the manager', async () => {
      const refused = await as('rep.zhang').post(api(`sales_orders/records/${orderId}/confirm`)).send({});
      expect(refused.body.notice).toMatchObject({ type: 'error', message: 'creditLimitExceeded', options: { limit: '¥10,000.00', amount: '¥16,000.00', excess: '¥6,000.00' } });
      const asked = await as('rep.zhang').post(api(`sales_orders/records/${orderId}/requestCreditApproval`)).send({ request_reason: '老客户，月底回款' });
      expect(asked.body.notice).toMatchObject({ type: 'success', message: 'creditApprovalRequested', options: { excess: '¥6,000.00' } });
      approvalId = (await CreditApproval.findOne({ where: { order_id: orderId }, rejectOnEmpty: true })).id;
    });

    test('when a representative or another branch\'s manager tries to approve, then it is 403 and the request is untouched', async () => {
      const before = (await CreditApproval.findByPk(approvalId, { rejectOnEmpty: true })).toJSON();
      for (const who of ['rep.zhang', 'manager.sc', 'finance']) {
        const response = await as(who).post(api(`credit_approvals/records/${approvalId}/approve`)).send({ decision_reason: '同意' });
        expect(response.status).toBe(403);
      }
      expect((await CreditApproval.findByPk(approvalId, { rejectOnEmpty: true })).toJSON()).toEqual(before);
    });

    test('when the branch manager approves with a reason, then the order is confirmed; finance records a part payment, a representative may not', async () => {
      const missing = await as('manager.ec').post(api(`credit_approvals/records/${approvalId}/approve`)).send({ decision_reason: '' });
      expect(missing.body.record.errors.decision_reason).toMatchObject({ message: 'fieldRequired' });
      const approved = await as('manager.ec').post(api(`credit_approvals/records/${approvalId}/approve`)).send({ decision_reason: '客户提供承兑汇票担保' });
      expect(approved.body.notice).toMatchObject({ type: 'success', message: 'creditApprovedOrderConfirmed' });
      const order = await as('manager.ec').get(api(`sales_orders/records/${orderId}/show`));
      expect(order.body.record.params.status).toBe('confirmed');

      expect((await as('rep.zhang').post(api(`sales_orders/records/${orderId}/recordPayment`)).send({ amount: '100', received_on: businessToday(), method: 'cash' })).status).toBe(403);
      const paid = await as('finance').post(api(`sales_orders/records/${orderId}/recordPayment`)).send({ amount: '6,000.00', received_on: businessToday(), method: 'bank_transfer', reference: 'HD001' });
      expect(paid.body.notice).toMatchObject({ type: 'success', message: 'paymentRecorded', options: { amount: '¥6,000.00', unpaid: '¥10,000.00' } });
      const tooMuch = await as('finance').post(api(`sales_orders/records/${orderId}/recordPayment`)).send({ amount: '10000.01', received_on: businessToday(), method: 'cash' });
      expect(tooMuch.body.record.errors.amount).toMatchObject({ message: 'paymentExceedsUnpaid' });
      expect(await Payment.count({ where: { order_id: orderId } })).toBe(1);
      // A receipt is never edited or deleted from the panel.
      const payment = await Payment.findOne({ where: { order_id: orderId }, rejectOnEmpty: true });
      const edit = await as('admin').post(api(`payments/records/${payment.id}/edit`)).type('form').send({ amount: '1' });
      expect(edit.body.notice).toMatchObject({ type: 'error', message: 'forbiddenError' });
      expect((await payment.reload()).amount).toBe('6000.00');
    });

    test('when a representative looks at credit views, then only their own orders\' receivables and customers are there', async () => {
      const aging = await as('rep.zhang').get(api('payments/actions/agingByCustomer'));
      expect(aging.status).toBe(200);
      const shown = (aging.body.table.rows as Array<{ id: number }>).map((row) => row.id);
      const his = await sequelize.query<{ customer_id: number }>(
        `SELECT DISTINCT customer_id FROM sales_orders WHERE owner_id = (SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn') AND status IN ('shipped', 'delivered', 'closed')`,
        { type: QueryTypes.SELECT },
      );
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((id) => !his.some((row) => row.customer_id === id))).toEqual([]);
      expect((await as('marketing').get(api('payments/actions/agingByCustomer'))).status).toBe(403);
      const watch = await as('manager.ec').get(api('customers/actions/creditWatchList'));
      expect(watch.body.table.summary).toMatchObject({ message: 'creditWatchListSummary' });
    });

    test('when the other approval path is taken, then a rejected order stays a draft', async () => {
      const rep = await demoUser('rep.zhang@petrocrm.cn');
      const customer = await createCustomer({ credit_limit: '0.00', owner_id: rep.id });
      const order = await createOrder(customer, await createWarehouse(), [{ productId: (await createProduct()).id, quantity: '1.000', unitPrice: '500.00' }]);
      const request = await requestCreditApproval({ id: rep.id, email: rep.email }, order.id, '试单');
      const rejected = await as('manager.ec').post(api(`credit_approvals/records/${request.id}/reject`)).send({ decision_reason: '现款现货客户，先付款' });
      expect(rejected.body.notice).toMatchObject({ type: 'success', message: 'creditRejected' });
      expect((await order.reload()).status).toBe('draft');
    });
  });

  describe('list prices on order lines', () => {
    test('when a line is entered without a price, then it takes the list\'s; another price is refused with the list price named', async () => {
      const list = await PriceList.findOne({ where: { region: '华东', channel: 'distributor' }, rejectOnEmpty: true });
      const today = businessToday();
      const [version] = await sequelize.query<{ id: number; version_no: number; valid_from: string }>(
        `SELECT id, version_no, valid_from FROM price_list_versions WHERE price_list_id = $1 AND status = 'published' AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1`,
        { bind: [list.id, today], type: QueryTypes.SELECT },
      );
      const item = await PriceListItem.findOne({ where: { version_id: version.id }, order: [['product_id', 'ASC']], rejectOnEmpty: true });
      const rep = await demoUser('rep.zhang@petrocrm.cn');
      const customer = await createCustomer({ customer_type: 'trader', region: '华东', owner_id: rep.id });
      const order = await createOrder(customer, await createWarehouse(), [], { order_date: today });

      const taken = await as('rep.zhang').post(api('sales_order_items/actions/new')).type('form').send({ order_id: `${order.id}`, product_id: `${item.product_id}`, quantity: '10', unit_price: '' });
      expect(taken.body.notice).toMatchObject({ type: 'success' });
      expect(await SalesOrderItem.findOne({ where: { order_id: order.id }, rejectOnEmpty: true })).toMatchObject({ unit_price: item.unit_price, price_list_version_id: version.id });

      const other = await as('rep.zhang').post(api('sales_order_items/actions/new')).type('form').send({ order_id: `${order.id}`, product_id: `${item.product_id}`, quantity: '5', unit_price: '1.00' });
      expect(other.body.record.errors.unit_price.type).toBe('linePriceFromList');
      expect(other.body.record.errors.unit_price.message).toContain(`${list.code} ${list.name} 第 ${version.version_no} 版 (${version.valid_from} 起执行)`);
      expect(await SalesOrderItem.count({ where: { order_id: order.id } })).toBe(1);
    });

    test('when marketing prepares a version through the forms and publishes it, then it is numbered, priced with VAT apart, and frozen', async () => {
      const list = await PriceList.findOne({ where: { region: '西北', channel: 'direct' }, rejectOnEmpty: true });
      const [latest] = await sequelize.query<{ day: string }>(`SELECT to_char(max(valid_from) + 30, 'YYYY-MM-DD') AS day FROM price_list_versions WHERE price_list_id = $1`, { bind: [list.id], type: QueryTypes.SELECT });
      const created = await as('marketing').post(api('price_list_versions/actions/new')).type('form').send({ price_list_id: `${list.id}`, valid_from: latest.day, notes: '年度价格' });
      expect(created.body.notice).toMatchObject({ type: 'success' });
      const versionId = Number(created.body.record.params.id);
      const version = await PriceListVersion.findByPk(versionId, { rejectOnEmpty: true });
      expect(version).toMatchObject({ status: 'draft', label: `${list.code} v${version.version_no} ${latest.day}` });
      const product = await createProduct();
      const item = await as('marketing').post(api('price_list_items/actions/new')).type('form').send({ version_id: `${versionId}`, product_id: `${product.id}`, unit_price: '11300' });
      expect(item.body.record.params).toMatchObject({ unit_price: '11300.00', vat_rate: '0.1300', price_excl_tax: '10000.00', vat_amount: '1300.00' });

      const published = await as('marketing').post(api(`price_list_versions/records/${versionId}/publish`)).send({});
      expect(published.body.notice).toMatchObject({ type: 'success', message: 'priceVersionPublishedNotice', options: { version: version.version_no, from: latest.day } });
      const again = await as('marketing').post(api('price_list_items/actions/new')).type('form').send({ version_id: `${versionId}`, product_id: `${(await createProduct()).id}`, unit_price: '100' });
      expect(again.body.notice.type).toBe('error');
      expect(await PriceListItem.count({ where: { version_id: versionId } })).toBe(1);
    });

    test("when a manager sets a representative's monthly target, then it belongs to the representative's branch; a representative cannot set one", async () => {
      const zhang = await demoUser('rep.zhang@petrocrm.cn');
      const set = await as('manager.ec').post(api('sales_targets/actions/new')).type('form')
        .send({ month: '2030-01-01', level: 'rep', user_id: `${zhang.id}`, target_tons: '120', target_revenue: '1000000' });
      expect(set.body.notice).toMatchObject({ type: 'success' });
      expect(set.body.record.params).toMatchObject({ month: '2030-01-01', branch_id: zhang.branch_id, target_tons: '120.000' });
      const twice = await as('manager.ec').post(api('sales_targets/actions/new')).type('form').send({ month: '2030-01-01', level: 'rep', user_id: `${zhang.id}`, target_tons: '1' });
      expect(Object.values(twice.body.record.errors as Record<string, { message: string }>).map((error) => error.message)).toContain('valueTaken');
      const midMonth = await as('manager.ec').post(api('sales_targets/actions/new')).type('form').send({ month: '2030-02-15', level: 'branch', target_tons: '1' });
      expect(midMonth.body.record.errors.month).toMatchObject({ message: 'valueOutOfRange' });
      expect((await as('rep.zhang').post(api('sales_targets/actions/new')).type('form').send({ month: '2030-03-01', level: 'rep', user_id: `${zhang.id}`, target_tons: '1' })).status).toBe(403);
    });

    test('when marketing edits a price of a published version, then it is refused with the reason; a representative may not publish', async () => {
      const published = await PriceListVersion.findOne({ where: { status: 'published' }, rejectOnEmpty: true });
      const item = await PriceListItem.findOne({ where: { version_id: published.id }, rejectOnEmpty: true });
      const shown = await as('marketing').get(api(`price_list_items/records/${item.id}/show`));
      const edit = await as('marketing').post(api(`price_list_items/records/${item.id}/edit`)).type('form').send({ ...asForm(shown.body.record.params), unit_price: '1.00' });
      expect(edit.body.notice).toMatchObject({ type: 'error' });
      expect(edit.body.notice.message).toContain('已发布, 价格不能再改');
      expect((await item.reload()).unit_price).not.toBe('1.00');
      expect((await as('rep.zhang').post(api(`price_list_versions/records/${published.id}/publish`)).send({})).status).toBe(403);
    });
  });
});
