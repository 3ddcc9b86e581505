import { Payment, SalesOrder } from '../../models/index.js';
import { PAYMENT_METHODS } from '../../models/payment.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { parseCalendarDay } from '../business-day.js';
import { businessToday } from '../../clock/business-clock.js';
import { formatYuan, fromFen, parseMoney, toFen } from '../money.js';
import { optionalText } from '../sales/required-input.js';
import { paidOnOrder } from './order-payments.js';

export interface PaymentInput {
  amount: unknown;
  receivedOn: unknown;
  method: unknown;
  reference?: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  orderNo: string;
  /** What is left to pay on the order after this payment. */
  unpaid: string;
}

/**
 * 登记收款: money received against an order, in part or in full. A draft order may be paid in
 * advance (先款后货: it then needs that much less credit); a cancelled one takes no money, and no
 * order takes more than its total. A receipt is never dated in the future.
 */
export async function recordPayment(actor: Actor, orderId: number, input: PaymentInput): Promise<RecordedPayment> {
  const amount = parseMoney(input.amount, 'amount');
  const receivedOn = parseCalendarDay(input.receivedOn, 'received_on');
  if (receivedOn > businessToday()) throw new BusinessRuleError('paymentInFuture', { day: receivedOn }, 'received_on');
  const method = PAYMENT_METHODS.find((candidate) => candidate === input.method);
  if (!method) throw new BusinessRuleError(input.method ? 'fieldInvalid' : 'fieldRequired', {}, 'method');
  const reference = optionalText(input.reference, 'reference', 60);

  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await SalesOrder.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!order) throw new BusinessRuleError('orderNotFound', { id: orderId });
    if (order.status === 'cancelled') throw new BusinessRuleError('paymentOnCancelledOrder', { order: order.order_no });
    const { unpaid } = await paidOnOrder(order.id, order.total_amount, transaction);
    if (toFen(amount) > toFen(unpaid)) {
      throw new BusinessRuleError('paymentExceedsUnpaid', { order: order.order_no, amount: formatYuan(amount), unpaid: formatYuan(unpaid) }, 'amount');
    }
    const payment = await Payment.create(
      { order_id: order.id, customer_id: order.customer_id, amount, received_on: receivedOn, method, reference, recorded_by_id: actor.id, notes: null },
      { transaction },
    );
    await recordAudit(actor, { action: 'recordPayment', resource: 'payments', recordId: payment.id, after: payment.get({ plain: true }), details: { order_no: order.order_no } }, transaction);
    return { payment, orderNo: order.order_no, unpaid: fromFen(toFen(unpaid) - toFen(amount)) };
  });
}
