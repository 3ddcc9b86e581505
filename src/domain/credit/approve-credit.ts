import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { CreditApproval } from '../../models/index.js';
import { confirmOrder, type OrderStepOutcome } from '../sales/confirm-order.js';
import { decideCreditApproval } from './decide-credit-approval.js';

export interface ApprovedCredit {
  approval: CreditApproval;
  /** The order confirmed under the approval; null when confirming it was refused for another reason. */
  confirmed: OrderStepOutcome | null;
  /** Why the order could not be confirmed (short stock, changed lines): it stays a draft, approved. */
  refusal: BusinessRuleError | null;
}

/**
 * 批准信用审批: the decision is recorded, then the order that waited for it is confirmed at once. The
 * approval stands on its own: if the order cannot be confirmed now (its stock ran short meanwhile),
 * it stays an approved draft that its representative confirms later.
 */
export async function approveCreditAndConfirm(actor: Actor, approvalId: number, reason: string | null | undefined): Promise<ApprovedCredit> {
  const approval = await decideCreditApproval(actor, approvalId, 'approved', reason);
  try {
    return { approval, confirmed: await confirmOrder(approval.order_id, actor), refusal: null };
  } catch (error) {
    if (!(error instanceof BusinessRuleError)) throw error;
    return { approval, confirmed: null, refusal: error };
  }
}
