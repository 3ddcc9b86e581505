import type { ResourceWithOptions } from 'adminjs';
import { Payment } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, money, readOnly, textarea, timestamps } from '../shared/presets.js';
import { paymentActions } from './payment.actions.js';

/**
 * 收款记录: written only by an order's 登记收款 (which checks the order's balance); a receipt is
 * never edited or deleted from the panel, as a bank statement is not.
 */
export const createPaymentResource = (): ResourceWithOptions => ({
  resource: Payment,
  options: {
    navigation: navigation.credit,
    titleProperty: 'payment_no',
    listProperties: ['payment_no', 'order_id', 'customer_id', 'amount', 'received_on', 'method', 'recorded_by_id'],
    filterProperties: ['payment_no', 'order_id', 'customer_id', 'received_on', 'method', 'reference', 'recorded_by_id'],
    sort: { sortBy: 'received_on', direction: 'desc' },
    properties: {
      payment_no: { ...businessCode, ...readOnly },
      amount: money,
      recorded_by_id: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(paymentActions, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
