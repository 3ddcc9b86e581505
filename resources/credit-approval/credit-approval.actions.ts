import type { ResourceOptions } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { approveCreditAndConfirm } from '../../src/domain/credit/approve-credit.js';
import { decideCreditApproval } from '../../src/domain/credit/decide-credit-approval.js';
import { translate } from '../../src/i18n/translate.js';
import { SalesOrder } from '../../src/models/index.js';
import { recordWorkflow, type Outcome } from '../workflow/workflow-action.js';

const pending = (params: Record<string, unknown>) => params.status === 'pending';
const decisionReason = { name: 'decision_reason', label: 'fieldDecisionReason', type: 'textarea', required: true } as const;

/** A manager's decision on an order over its customer's credit limit (src/domain/credit). */
export const creditApprovalActions: NonNullable<ResourceOptions['actions']> = {
  approve: recordWorkflow({
    icon: 'CheckCircle',
    intro: 'approveCreditPrompt',
    submit: 'approveCreditButton',
    fields: [decisionReason],
    isVisible: pending,
    fieldErrorType: 'businessRule',
    run: async (id, { payload, actor, context }): Promise<Outcome> => {
      const { approval, refusal } = await approveCreditAndConfirm(actor, id, payload.text('decision_reason'));
      const order = await SalesOrder.findByPk(approval.order_id, { rejectOnEmpty: true });
      if (!refusal) return { message: 'creditApprovedOrderConfirmed', options: { request: approval.request_no, order: order.order_no } };
      // The approval stands; why the order is still a draft is told in the employee's language.
      const reason = translate(accessOf(context.currentAdmin)?.locale ?? 'zh-CN', refusal.code, refusal.params);
      return { message: 'creditApprovedOrderNotConfirmed', options: { request: approval.request_no, order: order.order_no, reason } };
    },
  }),
  reject: recordWorkflow({
    icon: 'XCircle',
    variant: 'danger',
    intro: 'rejectCreditPrompt',
    submit: 'rejectCreditButton',
    fields: [decisionReason],
    isVisible: pending,
    fieldErrorType: 'businessRule',
    run: async (id, { payload, actor }) => {
      const approval = await decideCreditApproval(actor, id, 'rejected', payload.text('decision_reason'));
      return { message: 'creditRejected', options: { request: approval.request_no } };
    },
  }),
};
