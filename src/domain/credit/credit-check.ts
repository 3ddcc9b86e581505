import type { Transaction } from 'sequelize';
import { CreditApproval, Customer, type SalesOrder } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { formatYuan, fromFen, toFen } from '../money.js';
import { readCreditStanding, type CreditStanding } from './credit-standing.js';
import { paidOnOrder } from './order-payments.js';

/** Where confirming an order would leave its customer's credit. */
export interface CreditNeed {
  standing: CreditStanding;
  /** The part of this order not paid in advance. */
  orderAmount: string;
  /** How far over the limit the customer would be; 0.00 when within it. */
  excess: string;
}

/**
 * The credit this order would use: what the customer owes (receivables), what it was promised
 * (confirmed, unpaid) and this order less what was paid on it in advance (先款后货), against the
 * customer's limit. A limit of 0 is a customer without credit: it pays before goods are confirmed.
 */
export async function creditNeedOf(order: SalesOrder, transaction: Transaction): Promise<CreditNeed> {
  const standing = await readCreditStanding(order.customer_id, transaction);
  const { unpaid } = await paidOnOrder(order.id, order.total_amount, transaction);
  const excess = toFen(standing.exposure) + toFen(unpaid) - toFen(standing.creditLimit);
  return { standing, orderAmount: unpaid, excess: fromFen(excess > 0n ? excess : 0n) };
}

/**
 * The credit check of 确认订单, inside the confirmation's transaction. The customer's row is held
 * until it commits, so two orders of one customer confirmed at once are checked one after the
 * other against the same limit, not both against the credit neither has yet used. Over the limit,
 * the order goes through only with a manager's approval covering at least its amount (written to
 * the audit log as the reason it passed); otherwise it is refused with the figures, or told that its
 * approval is still pending.
 */
export async function assertWithinCreditLimit(order: SalesOrder, actor: Actor, transaction: Transaction): Promise<void> {
  await Customer.findByPk(order.customer_id, { transaction, lock: transaction.LOCK.NO_KEY_UPDATE, attributes: ['id'] });
  const need = await creditNeedOf(order, transaction);
  if (toFen(need.excess) === 0n) return;

  const approvals = await CreditApproval.findAll({ where: { order_id: order.id }, order: [['id', 'DESC']], transaction });
  const covering = approvals.find((approval) => approval.status === 'approved' && toFen(approval.order_amount) >= toFen(need.orderAmount));
  if (covering) {
    await recordAudit(
      actor,
      {
        action: 'confirmOverCreditLimit',
        resource: 'credit_approvals',
        recordId: covering.id,
        details: { order_no: order.order_no, credit_limit: need.standing.creditLimit, exposure: need.standing.exposure, order_amount: need.orderAmount, excess: need.excess },
      },
      transaction,
    );
    return;
  }
  const pending = approvals.find((approval) => approval.status === 'pending');
  if (pending) throw new BusinessRuleError('creditApprovalPending', { order: order.order_no, request: pending.request_no });
  throw creditLimitExceeded(order, need);
}

function creditLimitExceeded(order: SalesOrder, need: CreditNeed): BusinessRuleError {
  const { standing } = need;
  return new BusinessRuleError('creditLimitExceeded', {
    order: order.order_no,
    customer: `${standing.customerCode} ${standing.customerName}`,
    limit: formatYuan(standing.creditLimit),
    receivables: formatYuan(standing.receivables),
    confirmedUnpaid: formatYuan(standing.confirmedUnpaid),
    amount: formatYuan(need.orderAmount),
    excess: formatYuan(need.excess),
  });
}
