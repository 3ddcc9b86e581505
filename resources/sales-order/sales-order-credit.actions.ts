import type { ResourceOptions } from 'adminjs';
import { PAYMENT_METHODS } from '../../src/models/payment.model.js';
import { recordPayment } from '../../src/domain/credit/record-payment.js';
import { requestCreditApproval } from '../../src/domain/credit/request-credit-approval.js';
import { formatYuan } from '../../src/domain/money.js';
import { recordWorkflow } from '../workflow/workflow-action.js';

const whenStatus = (...statuses: string[]) => (params: Record<string, unknown>) => statuses.includes(String(params.status));

/**
 * Money and credit on an order: 登记收款 (finance records what the customer paid, in part or in
 * full, in advance or after shipping) and 申请信用审批 (a draft over the customer's limit is put
 * before a manager, src/domain/credit).
 */
export const salesOrderCreditActions: NonNullable<ResourceOptions['actions']> = {
  recordPayment: recordWorkflow({
    icon: 'DollarSign',
    intro: 'recordPaymentPrompt',
    submit: 'recordPaymentButton',
    fields: [
      { name: 'amount', label: 'fieldPaymentAmount', type: 'money', required: true },
      { name: 'received_on', label: 'fieldReceivedOn', type: 'date', required: true },
      { name: 'method', label: 'fieldPaymentMethod', type: 'select', required: true, options: PAYMENT_METHODS.map((method) => ({ value: method, label: `paymentMethod_${method}` })) },
      { name: 'reference', label: 'fieldPaymentReference', type: 'text' },
    ],
    isVisible: whenStatus('draft', 'confirmed', 'shipped', 'delivered', 'closed'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { payload, actor }) => {
      const { payment, orderNo, unpaid } = await recordPayment(actor, orderId, {
        amount: payload.value('amount'), receivedOn: payload.value('received_on'), method: payload.value('method'), reference: payload.text('reference'),
      });
      return { message: 'paymentRecorded', options: { payment: payment.payment_no, amount: formatYuan(payment.amount), order: orderNo, unpaid: formatYuan(unpaid) } };
    },
  }),

  requestCreditApproval: recordWorkflow({
    icon: 'Shield',
    intro: 'requestCreditApprovalPrompt',
    submit: 'requestCreditApprovalButton',
    fields: [{ name: 'request_reason', label: 'fieldRequestReason', type: 'textarea', required: true }],
    isVisible: whenStatus('draft'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { payload, actor }) => {
      const approval = await requestCreditApproval(actor, orderId, payload.text('request_reason'));
      return { message: 'creditApprovalRequested', options: { request: approval.request_no, excess: formatYuan(approval.excess) } };
    },
  }),
};
