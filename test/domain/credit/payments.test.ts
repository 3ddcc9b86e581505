import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';
import { recordPayment } from '../../../src/domain/credit/record-payment.js';
import { requestCreditApproval } from '../../../src/domain/credit/request-credit-approval.js';
import { mergeCustomers } from '../../../src/domain/customers/merge-customers.js';
import { businessToday, DEFAULT_BUSINESS_TIME_ZONE, setBusinessTimeZone } from '../../../src/clock/business-clock.js';
import { addDays } from '../../../src/clock/calendar-day.js';
import { translate } from '../../../src/i18n/translate.js';
import { CreditApproval, Payment, type SalesOrder } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { everyRowAs } from '../../support/scopes.js';

/** 收款: payments against an order, in parts, never more than its total, never on a cancelled order. */
describe('recording payments against orders', () => {
  let db: DomainDatabase;
  let finance: Actor;
  let orderOf: (total: string, status?: 'draft' | 'shipped' | 'cancelled') => Promise<SalesOrder>;
  const today = businessToday();

  beforeAll(async () => {
    db = await openDomainDatabase();
    finance = await actorFor('finance@petrocrm.cn');
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    orderOf = (total, status = 'shipped') => createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: total }], { status });
  });
  afterAll(() => db.close());

  test('when an order is paid in parts, then each part is recorded and audited, and what is left is said', async () => {
    const order = await orderOf('100000.00');
    const first = await recordPayment(finance, order.id, { amount: '¥40,000', receivedOn: addDays(today, -1), method: 'bank_acceptance', reference: 'CD20260601001' });
    expect(first).toMatchObject({ orderNo: order.order_no, unpaid: '60000.00', payment: { amount: '40000.00', method: 'bank_acceptance', customer_id: order.customer_id, recorded_by_id: finance.id } });
    const second = await recordPayment(finance, order.id, { amount: '60000', receivedOn: today, method: 'bank_transfer' });
    expect(second.unpaid).toBe('0.00');
    expect(translate('zh-CN', 'paymentRecorded', { payment: second.payment.payment_no, amount: '¥60,000.00', order: order.order_no, unpaid: '¥0.00' }))
      .toBe(`已登记收款 ${second.payment.payment_no}: ¥60,000.00, 订单 ${order.order_no} 尚欠 ¥0.00`);
    expect((await auditOf('payments', first.payment.id)).map((entry) => entry.action)).toEqual(['recordPayment']);
  });

  test('when the business runs on another zone, then "today" and "the future" for a payment are that zone\'s days, not Beijing\'s', async () => {
    // Of these two, one is on another day than Beijing at any instant: Kiritimati is 6 hours ahead, Pago Pago 19 behind.
    const beijingToday = businessToday();
    const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((candidate) => new Intl.DateTimeFormat('en-CA', { timeZone: candidate }).format(new Date()) !== beijingToday)!;
    setBusinessTimeZone(zone);
    try {
      const zoneToday = businessToday();
      expect(zoneToday).not.toBe(beijingToday);
      const order = await orderOf('500.00');
      await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '100', receivedOn: addDays(zoneToday, 1), method: 'cash' }), 'paymentInFuture', {
        day: addDays(zoneToday, 1),
      }, 'received_on');
      const paid = await recordPayment(finance, order.id, { amount: '100', receivedOn: zoneToday, method: 'cash' });
      expect(paid.payment.received_on).toBe(zoneToday);
    } finally {
      setBusinessTimeZone(DEFAULT_BUSINESS_TIME_ZONE);
    }
  });

  test('when a payment is more than is left, for a cancelled order, dated tomorrow or not an amount, then it is refused and nothing is written', async () => {
    const order = await orderOf('5000.00');
    await recordPayment(finance, order.id, { amount: '3000', receivedOn: today, method: 'cash' });
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '2000.01', receivedOn: today, method: 'cash' }), 'paymentExceedsUnpaid', {
      order: order.order_no, amount: '¥2,000.01', unpaid: '¥2,000.00',
    }, 'amount');
    const cancelled = await orderOf('800.00', 'cancelled');
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, cancelled.id, { amount: '800', receivedOn: today, method: 'cash' }), 'paymentOnCancelledOrder');
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '1', receivedOn: tomorrow.toISOString().slice(0, 10), method: 'cash' }), 'paymentInFuture', undefined, 'received_on');
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '12.345', receivedOn: today, method: 'cash' }), 'moneyInvalid', undefined, 'amount');
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '1', receivedOn: '2026-02-30', method: 'cash' }), 'dayInvalid', undefined, 'received_on');
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '1', receivedOn: today, method: 'cheque' }), 'fieldInvalid', undefined, 'method');
    await expectRefusedWithoutChanges(db.sequelize, () => recordPayment(finance, order.id, { amount: '1', receivedOn: today, method: '' }), 'fieldRequired', undefined, 'method');
  });

  test('when anything writes payments past the total, even at the same moment, then PostgreSQL keeps the sum within it', async () => {
    const order = await orderOf('1000.00');
    const outcomes = await Promise.allSettled([600, 600].map((amount) => recordPayment(finance, order.id, { amount: String(amount), receivedOn: today, method: 'cash' })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(Payment.create({ order_id: order.id, customer_id: order.customer_id, amount: '400.01', received_on: today, method: 'cash', reference: null, recorded_by_id: null, notes: null }))
      .rejects.toThrow(/exceed its total/);
    expect(await Payment.sum('amount', { where: { order_id: order.id } })).toBe(600);
  });

  test('when the customer is merged into another, then its payments and credit requests move with its orders', async () => {
    const [survivor, duplicate, product, warehouse] = await Promise.all([createCustomer(), createCustomer({ credit_limit: '0.00' }), createProduct(), createWarehouse()]);
    const order = await createOrder(duplicate, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '3000.00' }]);
    const { payment } = await recordPayment(finance, order.id, { amount: '1000', receivedOn: today, method: 'bank_transfer' });
    const request = await requestCreditApproval(finance, order.id, '先款后货，余款到账前申请发货');
    await mergeCustomers(everyRowAs(await actorFor('admin@petrocrm.cn')), { survivorId: survivor.id, duplicateId: duplicate.id });
    expect((await payment.reload()).customer_id).toBe(survivor.id);
    expect((await CreditApproval.findByPk(request.id, { rejectOnEmpty: true })).customer_id).toBe(survivor.id);
  });
});
