import { CreditApproval } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { requireText } from '../sales/required-input.js';

export type CreditDecision = 'approved' | 'rejected';

/**
 * A manager's decision on a waiting request, with the reason, audited. Whoever asked for the
 * exception cannot grant or refuse it. Approval lets the order be confirmed over the limit for
 * up to the amount it was asked for; a rejection leaves it a draft.
 */
export async function decideCreditApproval(actor: Actor, approvalId: number, decision: CreditDecision, reasonInput: string | null | undefined): Promise<CreditApproval> {
  const reason = requireText(reasonInput, 'decision_reason');
  return CreditApproval.sequelize!.transaction(async (transaction) => {
    const approval = await CreditApproval.findByPk(approvalId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!approval) throw new BusinessRuleError('creditApprovalNotFound', { id: approvalId });
    if (approval.status !== 'pending') throw new BusinessRuleError('creditApprovalDecided', { request: approval.request_no });
    if (actor.id !== null && approval.requested_by_id === actor.id) throw new BusinessRuleError('creditApprovalOwnRequest', { request: approval.request_no });
    const before = approval.get({ plain: true, clone: true });
    await approval.update({ status: decision, decided_by_id: actor.id, decided_at: new Date(), decision_reason: reason }, { transaction });
    await recordAudit(
      actor,
      { action: decision === 'approved' ? 'approveCredit' : 'rejectCredit', resource: 'credit_approvals', recordId: approval.id, before, after: approval.get({ plain: true }), details: { reason } },
      transaction,
    );
    return approval;
  });
}
