import { CreditApproval, SalesOrder } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { lockOrderIn } from '../sales/lock-order.js';
import { requireText } from '../sales/required-input.js';
import { toFen } from '../money.js';
import { creditNeedOf } from './credit-check.js';

/**
 * 申请信用审批: a draft order that would take its customer over the credit limit is put before a
 * manager, with why it should go through anyway and the figures as they stand now. One request per
 * order waits at a time; an order within its limit needs none.
 */
export async function requestCreditApproval(actor: Actor, orderId: number, reasonInput: string | null | undefined): Promise<CreditApproval> {
  const reason = requireText(reasonInput, 'request_reason');
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['draft'], 'creditApprovalNeedsDraft', transaction);
    const need = await creditNeedOf(order, transaction);
    if (toFen(need.excess) === 0n) throw new BusinessRuleError('creditWithinLimit', { order: order.order_no });
    const pending = await CreditApproval.findOne({ where: { order_id: order.id, status: 'pending' }, transaction });
    if (pending) throw new BusinessRuleError('creditApprovalPending', { order: order.order_no, request: pending.request_no });
    const approval = await CreditApproval.create(
      {
        order_id: order.id,
        customer_id: order.customer_id,
        credit_limit: need.standing.creditLimit,
        receivables: need.standing.receivables,
        confirmed_unpaid: need.standing.confirmedUnpaid,
        order_amount: need.orderAmount,
        excess: need.excess,
        request_reason: reason,
        requested_by_id: actor.id,
        owner_id: order.owner_id,
        branch_id: order.branch_id,
      },
      { transaction },
    );
    await recordAudit(actor, { action: 'requestCreditApproval', resource: 'credit_approvals', recordId: approval.id, after: approval.get({ plain: true }) }, transaction);
    return approval;
  });
}
