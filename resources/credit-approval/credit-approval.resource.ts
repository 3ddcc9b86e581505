import type { ResourceWithOptions } from 'adminjs';
import { CreditApproval } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, computedMoney, readOnly, textarea, timestamps } from '../shared/presets.js';
import { creditApprovalActions } from './credit-approval.actions.js';

/**
 * 信用审批: asked for from an order (申请信用审批), decided here by approve or reject; the figures
 * are those the request was made on. Nothing is typed in a form.
 */
export const createCreditApprovalResource = (): ResourceWithOptions => ({
  resource: CreditApproval,
  options: {
    navigation: navigation.credit,
    titleProperty: 'request_no',
    listProperties: ['request_no', 'order_id', 'customer_id', 'status', 'excess', 'requested_by_id', 'requested_at', 'decided_by_id'],
    filterProperties: ['request_no', 'order_id', 'customer_id', 'status', 'requested_by_id', 'decided_by_id', 'requested_at', 'branch_id'],
    sort: { sortBy: 'requested_at', direction: 'desc' },
    properties: {
      request_no: businessCode,
      credit_limit: computedMoney,
      receivables: computedMoney,
      confirmed_unpaid: computedMoney,
      order_amount: computedMoney,
      excess: computedMoney,
      request_reason: { ...textarea, ...readOnly },
      decision_reason: { ...textarea, ...readOnly },
      ...timestamps,
    },
    actions: withBuiltInActions(creditApprovalActions, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
