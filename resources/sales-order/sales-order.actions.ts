import type { ActionContext, ResourceOptions } from 'adminjs';
import { confirmOrder } from '../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../src/domain/sales/ship-order.js';
import { deliverOrder } from '../../src/domain/sales/deliver-order.js';
import { closeOrder } from '../../src/domain/sales/close-order.js';
import { cancelOrder } from '../../src/domain/sales/cancel-order.js';
import type { QuantitySummary } from '../../src/domain/inventory/quantity.js';
import { recordWorkflow, WORKFLOW_ACTION_FORM, type WorkflowFormOptions, type WorkflowSuccess } from './sales-order.components.js';

/** An order's status decides which step its page offers; the domain refuses the others anyway. */
const whenStatus = (...statuses: string[]) => (context: ActionContext) => statuses.includes(String(context.record?.param('status')));

/** "已发货 3 行, 共 58.000 吨", with the non-weight units listed after the tons when there are any. */
function quantityNotice(message: string, order: string, summary: QuantitySummary): WorkflowSuccess {
  return {
    message: summary.otherUnits ? `${message}WithOtherUnits` : message,
    options: { order, lines: summary.lines, tons: summary.tons, otherUnits: summary.otherUnits },
  };
}

/**
 * The steps of an order: confirm → ship → deliver → close, or cancel before it ships. The action
 * names are the ones the permission matrix grants (src/access/default-permissions.ts).
 */
export const salesOrderActions: NonNullable<ResourceOptions['actions']> = {
  confirm: {
    actionType: 'record',
    icon: 'CheckCircle',
    component: WORKFLOW_ACTION_FORM,
    isVisible: whenStatus('draft'),
    custom: { prompt: 'confirmOrderPrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (orderId, { actor }) => {
      const { order, summary } = await confirmOrder(orderId, actor);
      return quantityNotice('orderConfirmed', order.order_no, summary);
    }),
  },
  ship: {
    actionType: 'record',
    icon: 'Truck',
    component: WORKFLOW_ACTION_FORM,
    isVisible: whenStatus('confirmed'),
    custom: { prompt: 'shipOrderPrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (orderId, { actor }) => {
      const { order, summary } = await shipOrder(orderId, actor);
      return quantityNotice('orderShipped', order.order_no, summary);
    }),
  },
  deliver: {
    actionType: 'record',
    icon: 'Home',
    component: WORKFLOW_ACTION_FORM,
    isVisible: whenStatus('shipped'),
    custom: { prompt: 'deliverOrderPrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (orderId, { actor }) => {
      const order = await deliverOrder(orderId, actor);
      return { message: 'orderDelivered', options: { order: order.order_no } };
    }),
  },
  close: {
    actionType: 'record',
    icon: 'Archive',
    component: WORKFLOW_ACTION_FORM,
    isVisible: whenStatus('delivered'),
    custom: { prompt: 'closeOrderPrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (orderId, { actor }) => {
      const order = await closeOrder(orderId, actor);
      return { message: 'orderClosed', options: { order: order.order_no } };
    }),
  },
  cancel: {
    actionType: 'record',
    icon: 'XCircle',
    variant: 'danger',
    component: WORKFLOW_ACTION_FORM,
    isVisible: whenStatus('draft', 'confirmed'),
    custom: {
      prompt: 'cancelOrderPrompt',
      fields: [{ name: 'cancel_reason', label: 'formCancelReason', kind: 'textarea', required: true }],
    } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (orderId, { payload, actor }) => {
      const { order, released } = await cancelOrder(orderId, payload.text('cancel_reason'), actor);
      return released ? quantityNotice('orderCancelledReleased', order.order_no, released) : { message: 'orderCancelled', options: { order: order.order_no } };
    }),
  },
};
