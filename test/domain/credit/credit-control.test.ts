import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { recordPayment } from '../../../src/domain/credit/record-payment.js';
import { requestCreditApproval } from '../../../src/domain/credit/request-credit-approval.js';
import { decideCreditApproval } from '../../../src/domain/credit/decide-credit-approval.js';
import { approveCreditAndConfirm } from '../../../src/domain/credit/approve-credit.js';
import { businessToday } from '../../../src/clock/business-clock.js';
import { translate } from '../../../src/i18n/translate.js';
import { CreditApproval, SalesOrderItem, type Customer, type Product, type Warehouse } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';

/**
 * 信用控制: confirming an order checks what the customer owes (receivables), what it was promised
 * (confirmed, unpaid) and this order against its credit limit; over the limit the order waits for
 * a manager's approval or is refused.
 */
describe('credit control when an order is confirmed', () => {
  let db: DomainDatabase;
  let rep: Actor;
  let manager: Actor;
  let finance: Actor;
  let product: Product;
  let warehouse: Warehouse;

  beforeAll(async () => {
    db = await openDomainDatabase();
    [rep, manager, finance] = await Promise.all(['rep.zhang@petrocrm.cn', 'manager.ec@petrocrm.cn', 'finance@petrocrm.cn'].map(actorFor));
    [product, warehouse] = await Promise.all([createProduct(), createWarehouse()]);
    await setStock(product.id, warehouse.id, '100000.000');
  });
  afterAll(() => db.close());

  /** An order of `amount` yuan (1 t at that price) in the given status; shipped orders are receivables. */
  const order = (customer: Customer, amount: string, status: 'draft' | 'confirmed' | 'shipped' = 'draft') =>
    createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: amount }], status === 'shipped' ? { status, shipped_at: new Date() } : { status });
  const pay = (orderId: number, amount: string) => recordPayment(finance, orderId, { amount, receivedOn: businessToday(), method: 'bank_transfer' });

  test('when receivables, confirmed unpaid orders and this order pass the limit, then it is refused with the figures and nothing changes; a partial payment makes room', async () => {
    const customer = await createCustomer({ name: '扬州恒通塑料制品有限公司', credit_limit: '100000.00' });
    const shipped = await order(customer, '60000.00', 'shipped');
    await order(customer, '30000.00', 'confirmed');
    const draft = await order(customer, '20000.00');

    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(draft.id, rep), 'creditLimitExceeded', {
      order: draft.order_no, customer: `${customer.code} 扬州恒通塑料制品有限公司`, limit: '¥100,000.00', receivables: '¥60,000.00',
      confirmedUnpaid: '¥30,000.00', amount: '¥20,000.00', excess: '¥10,000.00',
    });
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe(
      `订单 ${draft.order_no} 超出客户 ${customer.code} 扬州恒通塑料制品有限公司 的信用额度 ¥100,000.00: 应收账款 ¥60,000.00, 已确认未付款 ¥30,000.00, 本单未付 ¥20,000.00, 超出 ¥10,000.00。订单未确认; 请先收款, 或提交信用审批`,
    );

    const { unpaid } = await pay(shipped.id, '15000.00');
    expect(unpaid).toBe('45000.00');
    await expect(confirmOrder(draft.id, rep)).resolves.toMatchObject({ order: { status: 'confirmed' } });
  });

  test('when a customer without credit pays in advance, then its order is confirmed only once paid in full (先款后货)', async () => {
    const customer = await createCustomer({ credit_limit: '0.00' });
    const draft = await order(customer, '10000.00');
    await pay(draft.id, '4000.00');
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(draft.id, rep), 'creditLimitExceeded');
    await pay(draft.id, '6000.00');
    await expect(confirmOrder(draft.id, rep)).resolves.toMatchObject({ order: { status: 'confirmed' } });
  });

  test('when an order over the limit is approved by a manager with a reason, then it is confirmed at once, and every step is audited', async () => {
    const customer = await createCustomer({ credit_limit: '50000.00' });
    await order(customer, '45000.00', 'shipped');
    const draft = await order(customer, '20000.00');
    await expect(requestCreditApproval(rep, draft.id, '  ')).rejects.toMatchObject({ code: 'fieldRequired', field: 'request_reason' });

    const request = await requestCreditApproval(rep, draft.id, '年度框架客户，月底回款');
    expect(request).toMatchObject({
      status: 'pending', credit_limit: '50000.00', receivables: '45000.00', confirmed_unpaid: '0.00', order_amount: '20000.00', excess: '15000.00',
      requested_by_id: rep.id, owner_id: customer.owner_id, branch_id: customer.branch_id,
    });
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(draft.id, rep), 'creditApprovalPending', { order: draft.order_no, request: request.request_no });
    await expectRefusedWithoutChanges(db.sequelize, () => requestCreditApproval(rep, draft.id, '再次申请'), 'creditApprovalPending');
    await expectRefusedWithoutChanges(db.sequelize, () => decideCreditApproval(rep, request.id, 'approved', '自己批准'), 'creditApprovalOwnRequest');
    await expect(decideCreditApproval(manager, request.id, 'approved', '')).rejects.toMatchObject({ code: 'fieldRequired', field: 'decision_reason' });

    const { approval, confirmed, refusal } = await approveCreditAndConfirm(manager, request.id, '已核实承兑汇票担保');
    expect(refusal).toBeNull();
    expect(confirmed?.order.status).toBe('confirmed');
    expect(approval).toMatchObject({ status: 'approved', decided_by_id: manager.id, decision_reason: '已核实承兑汇票担保' });
    expect((await auditOf('credit_approvals', request.id)).map((entry) => [entry.action, entry.user_email])).toEqual([
      ['requestCreditApproval', rep.email], ['approveCredit', manager.email], ['confirmOverCreditLimit', manager.email],
    ]);
    expect((await auditOf('sales_orders', draft.id)).map((entry) => entry.action)).toEqual(['confirmOrder']);
    await expectRefusedWithoutChanges(db.sequelize, () => decideCreditApproval(manager, request.id, 'rejected', '改主意'), 'creditApprovalDecided');
  });

  test('when an approved order grows beyond the amount approved, then it needs approval again', async () => {
    const customer = await createCustomer({ credit_limit: '10000.00' });
    const draft = await order(customer, '12000.00');
    const request = await requestCreditApproval(rep, draft.id, '新客户首单');
    await decideCreditApproval(manager, request.id, 'approved', '首单支持');
    await SalesOrderItem.create({ order_id: draft.id, product_id: product.id, quantity: '1.000', unit_price: '500.00' });
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(draft.id, rep), 'creditLimitExceeded');
  });

  test('when a manager rejects, then the order stays a draft and cannot be confirmed; a new request may be made', async () => {
    const customer = await createCustomer({ credit_limit: '5000.00' });
    const draft = await order(customer, '8000.00');
    const request = await requestCreditApproval(rep, draft.id, '客户承诺下周付款');
    const rejected = await decideCreditApproval(manager, request.id, 'rejected', '90 天以上应收未清');
    expect(rejected.status).toBe('rejected');
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(draft.id, rep), 'creditLimitExceeded');
    expect((await draft.reload()).status).toBe('draft');
    await expect(requestCreditApproval(rep, draft.id, '已收到部分货款凭证')).resolves.toMatchObject({ status: 'pending' });
  });

  test('when an order is within the limit, then no approval is asked for', async () => {
    const customer = await createCustomer({ credit_limit: '50000.00' });
    const draft = await order(customer, '1000.00');
    await expectRefusedWithoutChanges(db.sequelize, () => requestCreditApproval(rep, draft.id, '以防万一'), 'creditWithinLimit', { order: draft.order_no });
  });

  test('when two orders of one customer are confirmed at the same moment and only one fits, then exactly one is confirmed', async () => {
    const customer = await createCustomer({ credit_limit: '100000.00' });
    const drafts = await Promise.all([order(customer, '60000.00'), order(customer, '60000.00')]);
    const outcomes = await Promise.allSettled(drafts.map((draft) => confirmOrder(draft.id, rep)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason.code)).toEqual(['creditLimitExceeded']);
    expect(await CreditApproval.count({ where: { customer_id: customer.id } })).toBe(0);
  });
});
